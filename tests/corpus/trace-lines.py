#!/usr/bin/env python3
# trace-lines.py — reference line trace for heapscope --trace-lines
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a snippet under sys.settrace and record the line steps a debugger would make.

usage: python3 trace-lines.py FILE.py OUT

FILE.py runs as __main__ exactly as with `python3 FILE.py` (same sys.argv[0],
__file__, sys.path[0], stdout/stderr, exit status, exit-time finalization).
Every 'line' event of a frame whose code object belongs to FILE.py (module
body, functions, methods, __del__, generators, comprehensions, lambdas) is
written to OUT, one line number per line, in execution order.  Lines run by
__del__ methods or finalizers during interpreter shutdown are included.

The tracer only uses closure variables so that it keeps working while the
interpreter clears module dicts at shutdown.  If the snippet exhausts the
recursion limit, the RecursionError may be raised inside the tracer itself;
CPython then switches tracing off, so the trace stops there: the script
reports that on stderr and exits with status 3.
"""

import os
import sys


def _make_tracer(filename, fd):
    buf = []
    state = {'direct': False}

    def flush(write=os.write, fd=fd, buf=buf):
        if buf:
            write(fd, ''.join(buf).encode('ascii'))
            del buf[:]

    def local(frame, event, arg, buf=buf, state=state, flush=flush):
        if event == 'line':
            buf.append('%d\n' % frame.f_lineno)
            if state['direct'] or len(buf) >= 4096:
                flush()
        return local

    def global_(frame, event, arg, filename=filename, local=local):
        # 'call' event: trace only frames of the snippet's own code objects
        if frame.f_code.co_filename == filename:
            return local
        return None

    def to_direct_mode(state=state, flush=flush):
        # from here on (atexit, shutdown collections) write every line at once
        flush()
        state['direct'] = True

    return global_, flush, to_direct_mode


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__.split('\n\n')[1] + '\n')
        return 2
    path = os.path.abspath(sys.argv[1])
    out = sys.argv[2]
    with open(path, 'rb') as f:
        source = f.read()
    code = compile(source, path, 'exec', dont_inherit=True)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)

    import atexit
    import builtins
    import types

    tracer, flush, to_direct_mode = _make_tracer(path, fd)
    # registered first, so it runs last among atexit callbacks
    atexit.register(to_direct_mode)

    main_mod = types.ModuleType('__main__')
    main_mod.__file__ = path
    main_mod.__builtins__ = builtins
    main_mod.__cached__ = None
    sys.modules['__main__'] = main_mod
    sys.argv = [path]
    sys.path[0] = os.path.dirname(path)

    status = 0
    sys.settrace(tracer)
    try:
        exec(code, main_mod.__dict__)
        still_tracing = sys.gettrace() is tracer
    except SystemExit as e:
        still_tracing = sys.gettrace() is tracer
        sys.settrace(tracer)
        status = e.code
    except BaseException as e:
        still_tracing = sys.gettrace() is tracer
        sys.settrace(tracer)     # keep tracing the __del__ calls of the shutdown
        # report it like CPython, without this script's frame, and keep it in
        # sys.last_* so that the failing frames' locals die at shutdown as they do there
        tb = e.__traceback__.tb_next
        e.__traceback__ = tb
        sys.last_type, sys.last_value, sys.last_traceback = type(e), e, tb
        sys.excepthook(type(e), e, tb)
        status = 1
        # this frame outlives main() (the snippet's frames point back to it):
        # it must not hold anything of the snippet
        del tb
    del main_mod, code
    flush()
    if not still_tracing:
        sys.stderr.write('trace-lines: tracing was switched off while the snippet ran '
                         '(exception inside the tracer, e.g. RecursionError); trace incomplete\n')
        status = 3
    return status


if __name__ == '__main__':
    sys.exit(main())
