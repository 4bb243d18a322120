#!/usr/bin/env python3
# check-flatpak.py — the Flatpak manifest has what a GNOME app build needs (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak.py MANIFEST APP_ID
# A real build needs the GNOME SDK, which CI machines lack; this checks the
# structure, and lets flatpak-builder parse it when it is installed (it
# exits 0 on unknown keys and only warns, so warnings count as failures).

import json
import os
import shutil
import subprocess
import sys

results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)

    check("id matches the application id", manifest.get("id") == app_id, manifest.get("id"))
    check("GNOME runtime", manifest.get("runtime") == "org.gnome.Platform")
    check("GNOME SDK", manifest.get("sdk") == "org.gnome.Sdk")
    check("runtime version 49", manifest.get("runtime-version") == "49",
          manifest.get("runtime-version"))
    check("command is heapscope", manifest.get("command") == "heapscope")
    finish = manifest.get("finish-args", [])
    check("wayland and fallback-x11 sockets",
          "--socket=wayland" in finish and "--socket=fallback-x11" in finish)

    modules = manifest.get("modules") or []
    main_module = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    check("last module is heapscope", main_module.get("name") == "heapscope")
    check("built with meson", main_module.get("buildsystem") == "meson")
    sources = main_module.get("sources") or []
    check("source is the checkout (dir ..)",
          any(s.get("type") == "dir" and s.get("path") == ".." for s in sources))
    if sources:
        root = os.path.normpath(os.path.join(os.path.dirname(path), ".."))
        check("source dir holds meson.build",
              os.path.isfile(os.path.join(root, "meson.build")))

    builder = shutil.which("flatpak-builder")
    if builder:
        proc = subprocess.run([builder, "--show-manifest", path],
                              capture_output=True, text=True)
        check("flatpak-builder parses it without warnings",
              proc.returncode == 0 and "WARNING" not in proc.stderr,
              proc.stderr.strip())
    else:
        results.append(("flatpak-builder parses it without warnings", None,
                        "SKIP flatpak-builder not installed"))

    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        if ok is None:
            print("ok %d - %s # %s" % (i, name, detail))
        elif ok:
            print("ok %d - %s" % (i, name))
        else:
            failed += 1
            print("not ok %d - %s" % (i, name))
            if detail:
                for line in str(detail).splitlines():
                    print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
