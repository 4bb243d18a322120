# common.sh — shared by build-aux/run and build-aux/test (sourced, not run)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Set-up for a fresh Debian 12 machine: packages through apt-get (as root, or
# with sudo), one meson build directory, incremental builds.

# Packages needed to build and launch the app.
HS_BUILD_PACKAGES=(
  gcc libc6-dev pkgconf meson ninja-build
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libcairo2-dev libpango1.0-dev
  gettext desktop-file-utils
  librsvg2-common   # only recommended by GTK, but it loads the SVG app icon
)

hs_say () {
  if [ -t 2 ]; then
    printf '\033[1m==> %s\033[0m\n' "$*" >&2
  else
    printf '==> %s\n' "$*" >&2
  fi
}

hs_die () {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Run as root, or through sudo when we are not root.
hs_as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    hs_die "need root (or sudo) to run: $*"
  fi
}

# Installs whatever of "$@" is missing; does nothing (and needs no network)
# when everything is already there.
hs_ensure_packages () {
  local missing=() pkg
  command -v dpkg-query >/dev/null 2>&1 || hs_die "dpkg-query not found: this script expects Debian 12"
  for pkg in "$@"; do
    if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null)" != "ii " ]; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  hs_say "installing ${missing[*]}"
  hs_as_root apt-get update -qq
  hs_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# hs_ensure_configured BUILDDIR [MESON OPTION...]
# Configures BUILDDIR once; later calls only change options that differ, so
# a second run costs nothing and ninja rebuilds incrementally.
hs_ensure_configured () {
  local builddir=$1; shift
  if [ ! -f "$builddir/meson-private/coredata.dat" ]; then
    hs_say "configuring $builddir"
    meson setup "$builddir" "$@" >/dev/null
    return
  fi

  local wanted=() opt
  for opt in "$@"; do
    # -Dname=value: compare with the configured value.
    if [[ $opt == -D*=* ]]; then
      local name=${opt#-D}; name=${name%%=*}
      local value=${opt#*=}
      if [ "$(hs_meson_option "$builddir" "$name")" != "$value" ]; then
        wanted+=("$opt")
      fi
    fi
  done
  if [ ${#wanted[@]} -gt 0 ]; then
    hs_say "reconfiguring $builddir: ${wanted[*]}"
    meson configure "$builddir" "${wanted[@]}" >/dev/null
  fi
}

# Prints a configured option's value the way meson spells it on the
# command line (true/false for booleans, a,b for arrays).
hs_meson_option () {
  meson introspect "$1" --buildoptions | python3 -c '
import json, sys
for opt in json.load(sys.stdin):
    if opt["name"] == sys.argv[1]:
        v = opt["value"]
        if isinstance(v, bool):
            v = "true" if v else "false"
        elif isinstance(v, list):
            v = ",".join(v)
        print(v)
' "$2"
}

hs_build () {
  hs_say "building $1"
  # ninja prints one status line per step; keep only what matters.
  if ! meson compile -C "$1" >"$1/hs-build.log" 2>&1; then
    grep -E 'error|warning|FAILED' "$1/hs-build.log" | head -n 60 >&2 || true
    hs_die "build failed (full log: $1/hs-build.log)"
  fi
}
