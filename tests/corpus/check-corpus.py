#!/usr/bin/env python3
# check-corpus.py — differential test: heapscope --run FILE.py against python3 FILE.py
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# For every snippet of the corpus both interpreters run the same file; stdout, the
# exit status and the last non-empty line of stderr must be identical (with
# --traceback: the whole stderr, after normalising paths and addresses).
# Known gaps are listed in xfail.txt and reported as TAP TODO tests.
"""Run the differential corpus: heapscope --run FILE against python3 FILE.

usage: check-corpus.py --heapscope PATH [--python python3] [--dir DIR ...]
                       [--filter SUBSTR] [--jobs N] [--tap] [--traceback]
                       [--xfail FILE] [--strict-xfail] [--timeout SECONDS] [--verbose]
"""

import argparse
import concurrent.futures
import difflib
import fnmatch
import os
import re
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIRS = [os.path.join(HERE, 'engine1'), os.path.join(HERE, 'engine2')]
DEFAULT_XFAIL = os.path.join(HERE, 'xfail.txt')
MAX_DIFF_LINES = 40


class Outcome:
    """What one interpreter did with one snippet."""

    def __init__(self, stdout, status, stderr, note=None):
        self.stdout = stdout
        self.status = status
        self.stderr = stderr
        self.note = note  # 'timeout' / 'cannot run: ...' or None

    @property
    def stderr_last(self):
        for line in reversed(self.stderr.splitlines()):
            if line.strip():
                return line.rstrip()
        return ''


def run(argv, path, timeout, env):
    try:
        p = subprocess.run(argv + [path], stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout, env=env, cwd=os.path.dirname(path))
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode('utf-8', 'replace')
        return Outcome(out, None, (e.stderr or b'').decode('utf-8', 'replace'),
                       f'timeout after {timeout} s')
    except OSError as e:
        return Outcome('', None, '', f'cannot run {argv[0]}: {e.strerror}')
    return Outcome(p.stdout.decode('utf-8', 'replace'), p.returncode,
                   p.stderr.decode('utf-8', 'replace'))


# --traceback mode: CPython prints the absolute path of the script, heapscope
# the path it was given; both become the basename.  Addresses vary per run.
_FILE_RX = re.compile(r'File "([^"]*)"')
_ADDR_RX = re.compile(r'\bat 0x[0-9a-fA-F]+')


def normalise_traceback(text):
    text = _FILE_RX.sub(lambda m: 'File "%s"' % os.path.basename(m.group(1)), text)
    text = _ADDR_RX.sub('at 0x…', text)
    return text


def compare(ref, got, traceback_mode):
    """Return a list of diff lines (empty when the outcomes agree)."""
    lines = []
    if got.note:
        lines.append(f'heapscope: {got.note}')
    if ref.note:
        lines.append(f'python: {ref.note}')
    if ref.stdout != got.stdout:
        diff = difflib.unified_diff(ref.stdout.splitlines(), got.stdout.splitlines(),
                                    'python3 stdout', 'heapscope stdout', lineterm='', n=2)
        lines.extend(diff)
    if ref.status != got.status:
        fmt = lambda s: 'none' if s is None else s
        lines.append(f'exit status: python3 {fmt(ref.status)}, heapscope {fmt(got.status)}')
    if traceback_mode:
        r, g = normalise_traceback(ref.stderr), normalise_traceback(got.stderr)
        if r != g:
            lines.extend(difflib.unified_diff(r.splitlines(), g.splitlines(),
                                              'python3 stderr', 'heapscope stderr',
                                              lineterm='', n=2))
    elif ref.stderr_last != got.stderr_last:
        lines.append('last stderr line:')
        lines.append(f'-python3:   {ref.stderr_last}')
        lines.append(f'+heapscope: {got.stderr_last}')
    if len(lines) > MAX_DIFF_LINES:
        more = len(lines) - MAX_DIFF_LINES
        lines = lines[:MAX_DIFF_LINES] + [f'... {more} more diff lines']
    return lines


def load_xfail(path):
    """xfail.txt: one 'NAME-OR-GLOB  reason' per line; '#' starts a comment."""
    entries = []
    if not path or not os.path.exists(path):
        return entries
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            parts = line.split(None, 1)
            entries.append((parts[0], parts[1].strip() if len(parts) > 1 else 'known gap'))
    return entries


def xfail_reason(name, entries):
    base = os.path.basename(name)
    for pattern, reason in entries:
        if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(base, pattern):
            return reason
    return None


def collect(dirs, substr):
    files = []
    for d in dirs:
        d = os.path.abspath(d)
        if os.path.isfile(d):
            files.append(d)
            continue
        if not os.path.isdir(d):
            sys.exit(f'check-corpus: no such directory: {d}')
        for f in sorted(os.listdir(d)):
            if f.endswith('.py'):
                files.append(os.path.join(d, f))
    out = []
    for f in files:
        name = os.path.relpath(f, HERE) if f.startswith(HERE + os.sep) else f
        if substr in name:
            out.append((name, f))
    return out


def main():
    ap = argparse.ArgumentParser(
        description='Run every corpus snippet with heapscope and with CPython and compare '
                    'stdout, exit status and the last stderr line.')
    ap.add_argument('--heapscope', required=True, help='path of the heapscope executable')
    ap.add_argument('--python', default='python3', help='reference interpreter (default: python3)')
    ap.add_argument('--dir', action='append', dest='dirs',
                    help='snippet directory or file (repeatable; default: engine1 and engine2)')
    ap.add_argument('--filter', default='', help='only snippets whose name contains SUBSTR')
    ap.add_argument('--jobs', type=int, default=2, help='parallel snippets (default: 2)')
    ap.add_argument('--tap', action='store_true', help='TAP output for meson')
    ap.add_argument('--traceback', action='store_true',
                    help='compare the whole stderr (paths reduced to basenames)')
    ap.add_argument('--xfail', default=DEFAULT_XFAIL,
                    help='expected-failure list (default: xfail.txt next to this script)')
    ap.add_argument('--timeout', type=float, default=30, help='seconds per run (default: 30)')
    ap.add_argument('--verbose', action='store_true',
                    help='also list expected failures (xfail.txt) with their diffs')
    ap.add_argument('--strict-xfail', action='store_true',
                    help="report passing xfail.txt entries as 'ok N - name # TODO' (TAP unexpected "
                         "pass, a failure for meson) and exit 1")
    args = ap.parse_args()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)

    snippets = collect(args.dirs or DEFAULT_DIRS, args.filter)
    xfails = load_xfail(args.xfail)

    hs_env = dict(os.environ)
    for var in ('DISPLAY', 'WAYLAND_DISPLAY'):
        hs_env.pop(var, None)
    py_env = dict(os.environ)
    py_env['PYTHONIOENCODING'] = 'utf-8'
    py_env['PYTHONDONTWRITEBYTECODE'] = '1'
    for var in ('PYTHONSTARTUP', 'PYTHONINSPECT', 'PYTHONWARNINGS'):
        py_env.pop(var, None)

    heapscope = [args.heapscope, '--run']
    python = [args.python]

    def job(item):
        name, path = item
        ref = run(python, path, args.timeout, py_env)
        got = run(heapscope, path, args.timeout, hs_env)
        return name, compare(ref, got, args.traceback)

    out = sys.stdout
    if args.tap:
        print(f'1..{len(snippets)}', file=out, flush=True)
    passed = failed = xfailed = xpassed = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
        for n, (name, diff) in enumerate(ex.map(job, snippets), 1):
            reason = xfail_reason(name, xfails)
            note = None
            if reason is not None:
                if diff:
                    xfailed += 1
                    verdict = f'not ok {n} - {name} # TODO {reason}'
                elif args.strict_xfail:
                    # TAP: an unexpected pass; meson counts it as a failure
                    xpassed += 1
                    verdict = f'ok {n} - {name} # TODO {reason}'
                else:
                    xpassed += 1
                    verdict = f'ok {n} - {name}'
                    note = f'{name} is listed in xfail.txt but passes now'
                show_diff = bool(diff) and args.verbose
            elif diff:
                failed += 1
                verdict = f'not ok {n} - {name}'
                show_diff = True
            else:
                passed += 1
                verdict = f'ok {n} - {name}'
                show_diff = False
            if args.tap:
                print(verdict, file=out)
                if note:
                    print('# ' + note, file=out)
                if show_diff:
                    for line in diff:
                        print('# ' + line, file=out)
            elif (diff and reason is None) or (reason is not None and (not diff or args.verbose)):
                tag = ('XFAIL' if diff else 'XPASS') if reason is not None else 'FAIL'
                print(f'{tag} {name}' + (f'  ({reason})' if reason else ''), file=out)
                if show_diff:
                    for line in diff:
                        print('    ' + line, file=out)
            out.flush()
    if xfailed or xpassed:
        print(f'# xfail.txt: {xfailed} expected failures, {xpassed} listed snippets pass', file=out)
    # in TAP mode the summary is a diagnostic line so that TAP consumers accept it
    print(('# ' if args.tap else '') + f'{passed + xpassed} passed, {failed} failed', file=out)
    return 1 if failed or (args.strict_xfail and xpassed) else 0


if __name__ == '__main__':
    sys.exit(main())
