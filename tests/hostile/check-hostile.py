#!/usr/bin/env python3
# check-hostile.py — run hostile inputs through `heapscope --run`, check each answer
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every case in cases/ (NAME.py, or NAME.gen.py: a python3 script whose
# stdout is the input, for inputs too big or too odd to keep in git) has one
# line in expectations.txt:
#
#   NAME | STATUS | LAST STDERR LINE CONTAINS | OPTIONS | STDOUT CONTAINS
#
# STATUS is the exit status; the phrase must appear in the last non-empty
# line of stderr ("-": stderr must be empty); OPTIONS are extra heapscope
# arguments; the last field is optional. Each run happens in an empty
# directory with its own HOME and must leave the directory as it found it
# (a snippet never touches the real system), finish within --timeout
# seconds (Heapscope stays responsive) and never die from a signal.
#
# Usage: check-hostile.py --heapscope EXE [--tap] [--timeout S] [--filter SUBSTR] [--show]
# --show prints what each case actually does, to write a new expectation.

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_expectations(path):
    cases = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            fields = [field.strip() for field in line.split('|')]
            if len(fields) < 4 or len(fields) > 5:
                sys.exit('%s:%d: expected 4 or 5 fields separated by |' % (path, number))
            name, status, stderr, options = fields[:4]
            cases.append({
                'name': name,
                'status': int(status),
                'stderr': stderr,
                'options': shlex.split(options) if options != '-' else [],
                'stdout': fields[4] if len(fields) == 5 and fields[4] != '-' else None,
            })
    return cases


def case_input(cases_dir, name):
    plain = os.path.join(cases_dir, name + '.py')
    generator = os.path.join(cases_dir, name + '.gen.py')
    if os.path.exists(plain):
        with open(plain, 'rb') as f:
            return f.read()
    if os.path.exists(generator):
        return subprocess.run([sys.executable, generator], check=True,
                              stdout=subprocess.PIPE).stdout
    return None


def run_case(heapscope, case, data, timeout):
    """Returns (problems, status, last stderr line, stdout)."""
    problems = []
    with tempfile.TemporaryDirectory(prefix='hs-hostile-') as root:
        work = os.path.join(root, 'work')
        home = os.path.join(root, 'home')
        os.mkdir(work)
        os.mkdir(home)
        script = case['name'] + '.py'
        with open(os.path.join(work, script), 'wb') as f:
            f.write(data)
        env = dict(os.environ, HOME=home, TMPDIR=home)
        env.pop('DISPLAY', None)
        env.pop('WAYLAND_DISPLAY', None)
        try:
            proc = subprocess.run([heapscope, '--run', script] + case['options'], cwd=work, env=env,
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return ['no answer within %d s' % timeout], None, '', ''
        left = sorted(os.listdir(work))
        if left != [script]:
            problems.append('the run changed its directory: %s' % left)

    stdout = proc.stdout.decode('utf-8', 'replace')
    lines = [l for l in proc.stderr.decode('utf-8', 'replace').splitlines() if l.strip()]
    last = lines[-1] if lines else ''
    if proc.returncode < 0:
        problems.append('killed by signal %d' % -proc.returncode)
    elif proc.returncode != case['status']:
        problems.append('exit status %d, expected %d' % (proc.returncode, case['status']))
    if case['stderr'] == '-':
        if lines:
            problems.append('stderr should be empty, ends with: %s' % last[:200])
    elif case['stderr'] not in last:
        problems.append('last stderr line: %r, expected it to contain %r'
                        % (last[:200], case['stderr']))
    if case['stdout'] is not None and case['stdout'] not in stdout:
        problems.append('stdout does not contain %r (starts %r)' % (case['stdout'], stdout[:100]))
    return problems, proc.returncode, last, stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--heapscope', required=True)
    parser.add_argument('--tap', action='store_true')
    parser.add_argument('--timeout', type=int, default=120)
    parser.add_argument('--filter', default='')
    parser.add_argument('--show', action='store_true')
    parser.add_argument('--cases', default=os.path.join(HERE, 'cases'))
    parser.add_argument('--expectations', default=os.path.join(HERE, 'expectations.txt'))
    args = parser.parse_args()

    heapscope = shutil.which(args.heapscope) or os.path.abspath(args.heapscope)
    cases = parse_expectations(args.expectations)
    named = {c['name'] for c in cases}
    on_disk = {f[:-len('.gen.py')] if f.endswith('.gen.py') else f[:-len('.py')]
               for f in os.listdir(args.cases) if f.endswith('.py')}
    orphans = sorted(on_disk - named)
    cases = [c for c in cases if args.filter in c['name']]

    failed = 0
    if args.tap:
        print('1..%d' % (len(cases) + 1))
    for number, case in enumerate(cases, 1):
        data = case_input(args.cases, case['name'])
        if data is None:
            problems, status, last, stdout = ['no cases/%s.py or .gen.py' % case['name']], None, '', ''
        else:
            problems, status, last, stdout = run_case(heapscope, case, data, args.timeout)
        if args.show:
            print('%s | %s | %s | %s | %s' % (case['name'], status, last[:150],
                                              ' '.join(case['options']) or '-',
                                              stdout.strip().replace('\n', '⏎')[:60] or '-'))
            continue
        if problems:
            failed += 1
        if args.tap:
            print('%s %d - %s' % ('not ok' if problems else 'ok', number, case['name']))
            for p in problems:
                print('# %s' % p)
        elif problems:
            print('FAIL %s: %s' % (case['name'], '; '.join(problems)))

    # Every input file needs an expectation.
    if args.tap:
        print('%s %d - every case has an expectation%s'
              % ('not ok' if orphans else 'ok', len(cases) + 1,
                 ''.join('\n# no expectation for %s' % o for o in orphans)))
    elif orphans:
        print('FAIL: no expectation for %s' % ', '.join(orphans))
    failed += 1 if orphans else 0
    if not args.tap and not args.show:
        print('%d passed, %d failed' % (len(cases) + 1 - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
