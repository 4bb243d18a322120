#!/usr/bin/env python3
# check-trace-lines.py — heapscope's line steps against CPython's sys.settrace
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""For every corpus snippet, compare the line numbers `heapscope --run
--trace-lines` reports with the `line` events CPython's sys.settrace reports
(trace-lines.py). Prints TAP with --tap and ends with 'N passed, M failed'.

usage: check-trace-lines.py --heapscope PATH [--dir DIR ...] [--filter S]
                            [--xfail FILE] [--tap] [--jobs N]
"""

import argparse
import concurrent.futures
import fnmatch
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def trace(argv, out, timeout):
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    try:
        proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, 'timeout'
    try:
        with open(out) as f:
            return [int(x) for x in f.read().split()], proc.returncode
    except (OSError, ValueError):
        return None, proc.returncode


def check(heapscope, python, path, timeout):
    with tempfile.TemporaryDirectory() as tmp:
        ref_out = os.path.join(tmp, 'ref')
        got_out = os.path.join(tmp, 'got')
        ref, ref_status = trace([python, os.path.join(HERE, 'trace-lines.py'), path, ref_out],
                                ref_out, timeout)
        if ref is None or ref_status == 3:
            return None, 'reference trace unavailable (exit %s)' % ref_status
        got, _ = trace([heapscope, '--run', '--trace-lines', got_out, path], got_out, timeout)
        if got is None:
            return False, 'heapscope wrote no trace'
        if got == ref:
            return True, ''
        i = 0
        while i < min(len(got), len(ref)) and got[i] == ref[i]:
            i += 1
        return False, ('first difference at step %d: python3 %s, heapscope %s (python3 %d steps,'
                       ' heapscope %d)' % (i, ref[i:i + 6], got[i:i + 6], len(ref), len(got)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--heapscope', required=True)
    ap.add_argument('--python', default='python3')
    ap.add_argument('--dir', action='append', dest='dirs')
    ap.add_argument('--filter', default='')
    ap.add_argument('--xfail', default=os.path.join(HERE, 'xfail-trace-lines.txt'))
    ap.add_argument('--tap', action='store_true')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=float, default=60)
    args = ap.parse_args()

    dirs = args.dirs or [os.path.join(HERE, 'engine1'), os.path.join(HERE, 'engine2')]
    files = []
    for d in dirs:
        d = d if os.path.isabs(d) else os.path.join(os.getcwd(), d)
        for name in sorted(os.listdir(d)):
            if name.endswith('.py') and args.filter in name:
                files.append(os.path.join(d, name))

    xfail = []
    if args.xfail and os.path.exists(args.xfail):
        with open(args.xfail) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith('#'):
                    pattern, _, reason = line.partition(' ')
                    xfail.append((pattern, reason.strip() or 'known difference'))

    def reason_for(path):
        rel = os.path.relpath(path, HERE)
        for pattern, reason in xfail:
            if fnmatch.fnmatch(rel, pattern):
                return reason
        return None

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda p: check(args.heapscope, args.python, p, args.timeout),
                                files))

    passed = failed = 0
    if args.tap:
        print('1..%d' % len(files))
    for n, (path, (ok, msg)) in enumerate(zip(files, results), 1):
        rel = os.path.relpath(path, HERE)
        xf = reason_for(path)
        if ok is None:
            passed += 1
            line = 'ok %d - %s # SKIP %s' % (n, rel, msg)
        elif ok:
            passed += 1
            line = 'ok %d - %s' % (n, rel)
        elif xf is not None:
            passed += 1
            line = 'not ok %d - %s # TODO %s' % (n, rel, xf)
        else:
            failed += 1
            line = 'not ok %d - %s' % (n, rel)
        if args.tap:
            print(line)
            if ok is False:
                print('# ' + msg)
        elif ok is False:
            print('FAIL %s: %s%s' % (rel, msg, ' (expected: %s)' % xf if xf else ''))
    summary = '%d passed, %d failed' % (passed, failed)
    print('# ' + summary if args.tap else summary)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
