#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Heap diagram speed: Heapscope's layout, paint and export against `dot -Tsvg`.

Usage: bench-render.py BENCH-RENDER [--sizes 100,1000,5000] [--dot-timeout S]

For each size, generates a snippet whose heap has about that many objects (a
tree of instances, each with an int, a str and a list of children, and a
`parent` reference back up), runs the C program BENCH-RENDER on it (medians
of several runs of our layout, paint and SVG export; the engine's own time is
not counted) and times Graphviz `dot -Tsvg` on our own DOT export of the same
heap, then prints a table.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def snippet(nodes):
    return f"""class Node:
    def __init__(self, value, parent):
        self.value = value
        self.parent = parent
        self.tag = "n" + str(value)
        self.children = []


nodes = [Node(1000, None)]
for i in range({nodes - 1}):
    parent = nodes[i // 3]
    child = Node(1001 + i, parent)
    parent.children.append(child)
    nodes.append(child)
root = nodes[0]
del parent, child, i
first = [1]
second = [2]
"""


def time_dot(dot, path, runs, timeout):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        try:
            subprocess.run([dot, "-Tsvg", "-o", os.devnull, path], check=True,
                           timeout=timeout, stderr=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return None
        times.append(time.monotonic() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program")
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--dot-timeout", type=float, default=300.0)
    args = parser.parse_args()

    dot = shutil.which("dot")
    rows = []
    with tempfile.TemporaryDirectory(prefix="hs-bench-render-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            source = os.path.join(tmp, f"heap{size}.py")
            dot_path = os.path.join(tmp, f"heap{size}.dot")
            with open(source, "w") as f:
                f.write(snippet(max(size // 4, 2)))
            runs = 7 if size <= 1000 else 5
            out = subprocess.run([args.program, source, dot_path, str(runs)], check=True,
                                 capture_output=True, text=True).stdout
            result = json.loads(out)
            result["size"] = size
            if dot is not None:
                result["dot_s"] = time_dot(dot, dot_path, 3 if size <= 1000 else 1,
                                           args.dot_timeout)
            rows.append(result)
            print(json.dumps(result), flush=True)

    print()
    print("objects  edges  lanes | layout  step  | paint cold  warm | layout+paint |"
          "  fit  |  svg   | dot -Tsvg  | dot / (layout+paint)")
    for r in rows:
        if "dot_s" not in r:
            dot_text, ratio = "n/a", "n/a"
        elif r["dot_s"] is None:
            dot_text = f"> {args.dot_timeout:.0f} s"
            ratio = f"> {args.dot_timeout * 1000 / r['layout_paint_ms']:.0f}x"
        else:
            dot_text = f"{r['dot_s'] * 1000:.0f} ms"
            ratio = f"{r['dot_s'] * 1000 / r['layout_paint_ms']:.0f}x"
        print(f"{r['objects']:7d} {r['edges']:6d} {r['lane_edges']:6d} |"
              f" {r['layout_ms']:5.2f}  {r['step_ms']:5.2f} |"
              f" {r['paint_cold_ms']:8.2f} {r['paint_warm_ms']:6.2f} |"
              f" {r['layout_paint_ms']:9.2f} ms |"
              f" {r['fit_ms']:5.1f} | {r['svg_ms']:6.1f} | {dot_text:>10} | {ratio}")
    print("(ms, medians; paint = a 1920x1080 viewport at 100%; fit = whole heap in 1920x1080;"
          " svg = whole drawing)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
