#!/usr/bin/env python3
# check-determinism.py — prove that every corpus snippet is a fair judge
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs each snippet with several CPython 3.11 builds and PYTHONHASHSEED values
# and fails when stdout, the exit status or the last non-empty stderr line
# differ between any two runs.  It also lints the snippets against the corpus
# rules of README.md (length, first-line comment, no addresses in the output,
# exit status 1 only for files that test an uncaught error).
#
# usage: check-determinism.py [--python EXE ...] [--seeds 0,1,123,random]
#                             [--repeat N] [--jobs N] [--filter SUBSTR]
#                             [--show] [DIR_OR_FILE ...]

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIRS = [os.path.join(HERE, 'engine1'), os.path.join(HERE, 'engine2')]
DEFAULT_PYTHONS = ['python3', '/usr/bin/python3']
TIMEOUT = 30


def last_line(text):
    for line in reversed(text.splitlines()):
        if line.strip():
            return line
    return ''


def run_one(python, path, seed):
    env = dict(os.environ)
    env.pop('PYTHONSTARTUP', None)
    env['PYTHONIOENCODING'] = 'utf-8'
    env['PYTHONDONTWRITEBYTECODE'] = '1'
    if seed == 'random':
        env.pop('PYTHONHASHSEED', None)
    else:
        env['PYTHONHASHSEED'] = seed
    try:
        p = subprocess.run([python, path], capture_output=True, timeout=TIMEOUT,
                           env=env, cwd=os.path.dirname(path))
    except subprocess.TimeoutExpired:
        return ('<timeout>', -1, '<timeout>', '')
    out = p.stdout.decode('utf-8', 'replace')
    err = p.stderr.decode('utf-8', 'replace')
    return (out, p.returncode, last_line(err), err)


LINT_PATTERNS = [
    (re.compile(r'^\s*import\s+(?!sys\b|gc\b|weakref\b)'), 'import of a module outside the subset'),
    (re.compile(r'^\s*from\s+(?!sys\b|gc\b|weakref\b)'), 'from-import outside the subset'),
    (re.compile(r'^\s*@'), 'decorator'),
    (re.compile(r'\basync\b|\bawait\b'), 'async'),
    (re.compile(r'^\s*match\s'), 'match statement'),
    (re.compile(r"['\"]\s*%\s*[\(\w]"), '%-formatting'),
]


def lint(path, text, engine):
    problems = []
    lines = text.splitlines()
    if not 5 <= len(lines) <= 60:
        problems.append(f'{len(lines)} lines (want 5-60)')
    if not lines or not lines[0].startswith('#'):
        problems.append('first line is not a comment')
    for no, line in enumerate(lines, 1):
        for rx, what in LINT_PATTERNS:
            if rx.search(line):
                problems.append(f'line {no}: {what}')
        if engine == 'engine1' and re.search(r'\b(gc|weakref)\b', line) and not line.lstrip().startswith('#'):
            problems.append(f'line {no}: gc/weakref in engine1')
    return problems


def check(path, pythons, seeds, repeat):
    name = os.path.relpath(path, HERE)
    engine = name.split(os.sep)[0]
    with open(path, encoding='utf-8') as f:
        text = f.read()
    problems = lint(path, text, engine)
    results = {}
    for py in pythons:
        for seed in seeds:
            for r in range(repeat):
                results[(py, seed, r)] = run_one(py, path, seed)
    keys = list(results)
    ref = results[keys[0]]
    for k in keys[1:]:
        if results[k][:3] != ref[:3]:
            what = [n for n, a, b in zip(('stdout', 'status', 'stderr'), results[k], ref) if a != b]
            problems.append(f'differs ({", ".join(what)}) between {keys[0]} and {k}')
            break
    out, rc, err_last, err = ref
    base = os.path.basename(path)
    if rc != 0 and 'uncaught' not in base:
        problems.append(f'exit status {rc} but the name does not say "uncaught": {err_last}')
    if rc == 0 and 'uncaught' in base:
        problems.append('named "uncaught" but exits with status 0')
    if rc not in (0, 1):
        problems.append(f'exit status {rc}')
    if re.search(r' at 0x[0-9a-fA-F]+', out):
        problems.append('address-like text in stdout')
    if 'Warning' in err and 'syntax_warning' not in base:
        problems.append('a warning on stderr: ' + last_line(err))
    if (err and rc == 0 and 'del_exception' not in base and 'ignored' not in base
            and 'syntax_warning' not in base):
        problems.append('unexpected stderr output: ' + err_last)
    return name, problems, ref


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('paths', nargs='*')
    ap.add_argument('--python', action='append')
    ap.add_argument('--seeds', default='0,1,123,random')
    ap.add_argument('--repeat', type=int, default=1)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--filter', default='')
    ap.add_argument('--show', action='store_true', help='print the reference output of each snippet')
    args = ap.parse_args()
    pythons = args.python or DEFAULT_PYTHONS
    seeds = args.seeds.split(',')
    files = []
    for p in args.paths or DEFAULT_DIRS:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            files += [os.path.join(p, f) for f in sorted(os.listdir(p)) if f.endswith('.py')]
        else:
            files.append(p)
    files = [f for f in files if args.filter in os.path.basename(f)]
    bad = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        for name, problems, ref in ex.map(lambda f: check(f, pythons, seeds, args.repeat), files):
            if args.show:
                print(f'=== {name} (status {ref[1]})')
                print(ref[0], end='')
                if ref[3]:
                    print('--- stderr last line:', ref[2])
            if problems:
                bad += 1
                print(f'PROBLEM {name}:')
                for pr in problems:
                    print('   ', pr)
    print(f'{len(files)} snippets checked, {bad} with problems')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
