#!/usr/bin/env python3
# check-potfiles.py — po/POTFILES.in lists exactly the files with translatable strings (TAP)
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE_ROOT
# A listed file that is gone breaks `ninja heapscope-pot`; an unlisted file
# with _() strings is silently left untranslated.

import os
import re
import sys

TRANSLATABLE = {
    ".c": re.compile(r'\b(?:_|N_|C_|NC_|g_dgettext)\s*\(\s*"'),
    ".ui": re.compile(r'translatable="yes"'),
}


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.startswith("#")]

    results = []
    for path in listed:
        results.append(("listed file exists: " + path,
                        os.path.isfile(os.path.join(root, path))))

    unlisted = []
    for top in ("src",):
        for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
            for name in files:
                ext = os.path.splitext(name)[1]
                if ext not in TRANSLATABLE:
                    continue
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, root)
                with open(full, encoding="utf-8", errors="replace") as f:
                    if TRANSLATABLE[ext].search(f.read()) and rel not in listed:
                        unlisted.append(rel)
    results.append(("every file with translatable strings is listed", not unlisted))

    print("1..%d" % len(results))
    for i, (name, ok) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    for rel in sorted(unlisted):
        print("# not in po/POTFILES.in: " + rel)
    return 0 if all(ok for _name, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
