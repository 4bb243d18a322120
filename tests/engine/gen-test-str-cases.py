#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates test-str-cases.h: str/bytes cases whose expected results come
from the python3 running this script (CPython 3.11 is the oracle).

    python3 tests/engine/gen-test-str-cases.py > tests/engine/test-str-cases.h

Each case is evaluated here with real Python and emitted twice: a C
expression that builds the same operands with the engine's C API and runs
the same operation, and the expected text, which is repr(result) or
"ExceptionType: message". test-str.c compares the two.
"""

import math
import sys


def c_string(b):
    out = []
    for byte in b:
        c = chr(byte)
        if c == '"' or c == '\\':
            out.append('\\' + c)
        elif 32 <= byte < 127 and c != '?':
            out.append(c)
        else:
            out.append('\\%03o' % byte)
    return '"' + ''.join(out) + '"'


def c_value(v):
    if v is None:
        return 'NONE ()'
    if v is True:
        return 'BOOL (TRUE)'
    if v is False:
        return 'BOOL (FALSE)'
    if isinstance(v, int):
        if -2**62 < v < 2**62:
            return 'I (%d)' % v
        return 'IBIG ("%d")' % v
    if isinstance(v, float):
        if math.isinf(v):
            return 'F (%sINFINITY)' % ('-' if v < 0 else '')
        if math.isnan(v):
            return 'F (NAN)'
        return 'F (%s)' % v.hex()
    if isinstance(v, str):
        b = v.encode('utf-8', 'surrogatepass')
        return 'S (%s, %d)' % (c_string(b), len(b))
    if isinstance(v, bytes):
        return 'B (%s, %d)' % (c_string(v), len(v))
    if isinstance(v, tuple):
        return 'T (%d%s)' % (len(v), ''.join(', ' + c_value(x) for x in v))
    if isinstance(v, list):
        return 'L (%d%s)' % (len(v), ''.join(', ' + c_value(x) for x in v))
    if isinstance(v, dict):
        return 'D (%d%s)' % (len(v), ''.join(', %s, %s' % (c_value(k), c_value(x)) for k, x in v.items()))
    if isinstance(v, slice):
        return 'SL (%s, %s, %s)' % tuple('NULL' if x is None else c_value(x) for x in (v.start, v.stop, v.step))
    raise TypeError(v)


def py_text(v):
    if isinstance(v, slice):
        parts = ['' if x is None else repr(x) for x in (v.start, v.stop, v.step)]
        return ':'.join(parts if v.step is not None else parts[:2])
    return repr(v)


class M:
    """self.name(*args, **kwargs)"""
    def __init__(self, name, recv, /, *args, **kwargs):
        self.name, self.recv, self.args, self.kwargs = name, recv, args, kwargs

    def run(self):
        # Evaluated as written: CPython words some errors differently when a
        # bound method object is called instead (find() vs str.find()).
        return eval(self.text())

    def c(self):
        vals = [c_value(self.recv)] + [c_value(a) for a in self.args] + [c_value(v) for v in self.kwargs.values()]
        names = ''.join(', "%s"' % k for k in self.kwargs)
        return 'CALL_M ("%s", %d, %d%s, %s)' % (self.name, len(self.args) + 1, len(self.kwargs), names, ', '.join(vals))

    def text(self):
        args = [py_text(a) for a in self.args] + ['%s=%r' % kv for kv in self.kwargs.items()]
        return '%r.%s(%s)' % (self.recv, self.name, ', '.join(args))


class NEW:
    """str(*args) or bytes(*args)"""
    def __init__(self, type_, /, *args, **kwargs):
        self.type, self.args, self.kwargs = type_, args, kwargs

    def run(self):
        return self.type(*self.args, **self.kwargs)

    def c(self):
        vals = [c_value(a) for a in self.args] + [c_value(v) for v in self.kwargs.values()]
        names = ''.join(', "%s"' % k for k in self.kwargs)
        return 'CALL_T (vm->types.%s, %d, %d%s%s)' % (self.type.__name__, len(self.args), len(self.kwargs),
                                                    names, ''.join(', ' + v for v in vals))

    def text(self):
        args = [py_text(a) for a in self.args] + ['%s=%r' % kv for kv in self.kwargs.items()]
        return '%s(%s)' % (self.type.__name__, ', '.join(args))


OPS = {'+': 'HS_OP_ADD', '*': 'HS_OP_MULT', '%': 'HS_OP_MOD', '-': 'HS_OP_SUB'}
CMPS = {'<': 'HS_LT', '<=': 'HS_LE', '==': 'HS_EQ', '!=': 'HS_NE', '>': 'HS_GT', '>=': 'HS_GE'}


class OP:
    def __init__(self, op, a, b):
        self.op, self.a, self.b = op, a, b

    def run(self):
        return eval('a %s b' % self.op, {'a': self.a, 'b': self.b})

    def c(self):
        if self.op in CMPS:
            return 'CMP (%s, %s, %s)' % (c_value(self.a), c_value(self.b), CMPS[self.op])
        if self.op == 'in':
            return 'IN (%s, %s)' % (c_value(self.a), c_value(self.b))
        return 'BINOP (%s, %s, %s)' % (c_value(self.a), c_value(self.b), OPS[self.op])

    def text(self):
        return '%s %s %s' % (py_text(self.a), self.op, py_text(self.b))


class GET:
    def __init__(self, a, key):
        self.a, self.key = a, key

    def run(self):
        return self.a[self.key]

    def c(self):
        return 'GET (%s, %s)' % (c_value(self.a), c_value(self.key))

    def text(self):
        return '%r[%s]' % (self.a, py_text(self.key))


class FN:
    """A builtin applied to one value: repr, str, ascii, len, list (iteration), getsizeof."""
    C = {'repr': 'REPR', 'str': 'STR', 'ascii': 'ASCII', 'len': 'LEN', 'list': 'LIST', 'getsizeof': 'SIZE',
         'hash_eq_bytes': 'HASH_EQ_BYTES'}

    def __init__(self, fn, a):
        self.fn, self.a = fn, a

    def run(self):
        if self.fn == 'getsizeof':
            return sys.getsizeof(self.a)
        if self.fn == 'hash_eq_bytes':
            return hash(self.a) == hash(self.a.encode())
        return {'repr': repr, 'str': str, 'ascii': ascii, 'len': len, 'list': list}[self.fn](self.a)

    def c(self):
        return '%s (%s)' % (self.C[self.fn], c_value(self.a))

    def text(self):
        return '%s(%r)' % (self.fn, self.a)


class FMT:
    def __init__(self, value, spec):
        self.value, self.spec = value, spec

    def run(self):
        return format(self.value, self.spec)

    def c(self):
        return 'FMT (%s, %s)' % (c_value(self.value), c_value(self.spec))

    def text(self):
        return 'format(%r, %r)' % (self.value, self.spec)


class FSTR:
    """f'{value!conv:spec}'"""
    def __init__(self, value, conv=None, spec=None):
        self.value, self.conv, self.spec = value, conv, spec

    def run(self):
        v = {'s': str, 'r': repr, 'a': ascii, None: lambda x: x}[self.conv](self.value)
        return format(v, self.spec or '')

    def c(self):
        conv = "'%s'" % self.conv if self.conv else '-1'
        spec = 'NULL' if self.spec is None else c_value(self.spec)
        return 'FSTR (%s, %s, %s)' % (c_value(self.value), conv, spec)

    def text(self):
        return "f'{%r%s%s}'" % (self.value, '!' + self.conv if self.conv else '', ':' + self.spec if self.spec else '')


CASES = [
    # Case mapping
    M('upper', 'hello World'), M('lower', 'HeLLo'), M('upper', 'straße'), M('lower', 'ΣΑΣ ΟΔΟΣ'),
    M('lower', 'İx'), M('casefold', 'Straße'), M('capitalize', 'hELLO wORLD'), M('capitalize', 'ﬁne'),
    M('title', "they're bill's friends"), M('title', 'hello wORLD 3rd'), M('title', 'ßa'), M('swapcase', 'Hello ß Σ'),
    M('upper', ''), M('upper', 'x', 1), M('lower', 'x', x=1),
    # Predicates
    M('isdigit', '123'), M('isdigit', '²3'), M('isdecimal', '²3'), M('isnumeric', '½一'), M('isalpha', 'héllo'),
    M('isalpha', ''), M('isalnum', 'abc123'), M('isalnum', 'abc 123'), M('isspace', ' \t\n\x0b\x0c\r\x1c\x85\u3000'),
    M('isspace', ''), M('isupper', 'HELLO 1'), M('isupper', 'Hello'), M('islower', 'hello ª'), M('istitle', 'Hello World'),
    M('istitle', 'Hello world'), M('istitle', ''), M('isidentifier', '_abc1'), M('isidentifier', '1abc'),
    M('isidentifier', 'héllo'), M('isprintable', 'abc\n'), M('isprintable', ''), M('isprintable', '\u00ad'),
    M('isascii', 'abc'), M('isascii', 'é'), M('isascii', ''),
    # strip
    M('strip', '  hi \n'), M('lstrip', '  hi '), M('rstrip', '  hi '), M('strip', 'xxhixx', 'x'),
    M('strip', 'abchicba', 'abc'), M('strip', '\u3000hi\u3000'), M('strip', 'hi', None), M('strip', 'hi', 1),
    M('strip', 'hi', 'a', 'b'), M('rstrip', 'mississippi', 'ipz'),
    # split and friends
    M('split', 'a b  c'), M('split', '  a b  '), M('split', 'a,b,,c', ','), M('split', 'a,b,c', ',', 1),
    M('split', 'a b c', maxsplit=1), M('split', 'a', ''), M('split', 'a', 1), M('split', 'a', 1, 2, 3),
    M('split', 'a', foo=1), M('split', 'a', 'a', sep='b'), M('split', ''), M('split', '', ','),
    M('split', 'aXbXc', 'X', 0), M('split', 'é ü ö'), M('rsplit', 'a b c', None, 1), M('rsplit', 'a,b,c', ',', 1),
    M('rsplit', '  a  b  '), M('rsplit', 'a', 1, 2, 3), M('splitlines', 'a\nb\r\nc\rd'),
    M('splitlines', 'a\nb\r\n', True), M('splitlines', 'a\x0bb\x1cc\u2028d'), M('splitlines', ''),
    M('splitlines', 'a', keepends=True, x=1), M('splitlines', 'a', 'x'), M('partition', 'key=value=x', '='),
    M('partition', 'abc', '='), M('rpartition', 'key=value=x', '='), M('rpartition', 'abc', '='),
    M('partition', 'abc', ''), M('partition', 'abc', 1),
    # join
    M('join', ',', ['a', 'b', 'c']), M('join', '', []), M('join', '-', ('x',)), M('join', ', ', ['a', 1]),
    M('join', ',', [1]), M('join', ',', 5), M('join', '', 'abc'), M('join', 'é', ['a', 'b']),
    M('join', ',', {'a': 1, 'b': 2}),
    # replace
    M('replace', 'aaa', 'a', 'b'), M('replace', 'aaa', 'a', 'b', 2), M('replace', 'abc', '', '-'),
    M('replace', 'abc', '', '-', 2), M('replace', '', '', 'x'), M('replace', 'hello', 'l', ''),
    M('replace', 'héllo', 'é', 'e'), M('replace', 'a', 'a'), M('replace', 'a', 1, 'b'), M('replace', 'a', 'b', 'c', 1, 2),
    M('replace', 'a', 'a', 'b', count=1),
    # search
    M('find', 'hello', 'l'), M('find', 'hello', 'l', 3), M('find', 'hello', 'z'), M('find', 'hello', ''),
    M('find', 'hello', '', 10), M('find', 'héllo wörld', 'wö'), M('find', 'hello', 'l', -2), M('find', 'a', 'a', 'x'),
    M('find', 'a', 1), M('find', 'a'), M('find', 'a', 'a', x=1), M('rfind', 'hello', 'l'), M('rfind', 'hello', ''),
    M('index', 'hello', 'e'), M('index', 'hello', 'z'), M('rindex', 'hello', 'z'), M('rindex', 'héllo', 'l'),
    M('count', 'banana', 'an'), M('count', 'banana', ''), M('count', 'banana', 'a', 2), M('count', 'aaaa', 'aa'),
    M('count', 'abc', '', 5), M('startswith', 'hello', 'he'), M('startswith', 'hello', ('x', 'he')),
    M('startswith', 'hello', 'l', 2), M('startswith', 'hello', 1), M('startswith', 'hello', (1,)),
    M('endswith', 'hello', 'lo'), M('endswith', 'hello', ('a', 'b')), M('endswith', 'hello', 'll', 0, 4),
    M('endswith', 'a', ('a', 1)), M('startswith', 'hello', '', 5), M('startswith', 'hello', '', 6),
    M('removeprefix', 'prefix_x', 'prefix_'), M('removeprefix', 'abc', 'x'), M('removesuffix', 'file.py', '.py'),
    M('removeprefix', 'a', 1), M('removesuffix', 'a'),
    # padding
    M('center', 'ab', 7), M('center', 'ab', 7, '*'), M('center', 'abc', 6, '-'), M('ljust', 'ab', 5, '.'),
    M('rjust', 'ab', 5), M('ljust', 'abc', 2), M('center', 'a', 5, 'ab'), M('center', 'a', 5, 1),
    M('center', 'a', '5'), M('center', 'a'), M('rjust', 'é', 3, 'ü'), M('zfill', '42', 5), M('zfill', '-42', 5),
    M('zfill', '+4', 4), M('zfill', 'abc', 2), M('zfill', 'a'), M('expandtabs', 'a\tb\tc'),
    M('expandtabs', '01\t012\t0123\t', 4), M('expandtabs', 'a\nb\tc', 2), M('expandtabs', 'a\tb', tabsize=0),
    M('expandtabs', 'x', 'y'),
    # encode
    M('encode', 'héllo'), M('encode', 'héllo', 'latin-1'), M('encode', 'é', 'ascii'), M('encode', 'é€', 'ascii', 'replace'),
    M('encode', 'é€😀', 'ascii', 'backslashreplace'), M('encode', 'a', 'latin-9'), M('encode', '\udcff'),
    M('encode', 'aé€b', 'latin-1'),
    # str.format and format_map
    M('format', '{} and {}', 'a', 'b'), M('format', '{1}{0}', 'a', 'b'), M('format', '{name}!', name='x'),
    M('format', '{0.__class__.__name__}', 3), M('format', '{0[1]}', [5, 6]), M('format', '{0[a]}', {'a': 5}),
    M('format', '{!r} {!s} {!a}', 'é', 'é', 'é'), M('format', '{:>{w}}|', 'a', w=5), M('format', '{:{}}|', 'a', 4),
    M('format', '{{}} {{{0}}}', 5), M('format', '{:.2f} {:x} {:,}', 3.14159, 255, 1234567),
    M('format', '{:*^9}', 'mid'), M('format', '}'), M('format', '{'), M('format', '{0'), M('format', '{2}', 1),
    M('format', '{}'), M('format', '{x}'), M('format', '{}{1}', 1, 2), M('format', '{1}{}', 1, 2),
    M('format', '{0!x}', 1), M('format', '{0!rr}', 1), M('format', '{0[0}', [1]), M('format', '{0.}', 1),
    M('format', '{0[0]x}', [1]), M('format', '{:{:{}}}', 1, 2, 3), M('format', '{:d}', 'a'),
    M('format', '{a.b}', a=1), M('format', '{0:}', 'x'), M('format', '{!s:}', 1), M('format', '{0[1]}', 'xyz'),
    M('format_map', '{a}-{b}', {'a': 1, 'b': 2}), M('format_map', '{}', {}), M('format_map', '{x}', {}),
    # % formatting
    OP('%', '%d items', 5), OP('%', '%s=%r', ('k', 'v')), OP('%', '%(name)s is %(age)d', {'name': 'Ann', 'age': 7}),
    OP('%', '%5.2f|', 3.14159), OP('%', '%-5d|', 3), OP('%', '%05d', -3), OP('%', '%+d % d', (3, 3)),
    OP('%', '%#x %#o %X', (255, 8, 255)), OP('%', '%x', -255), OP('%', '%e %g %G', (12345.678, 0.00001234, 1e20)),
    OP('%', '%c%c', (65, 'é')), OP('%', '%5s|%-5s|', ('ab', 'cd')), OP('%', '%.2s', 'abcdef'), OP('%', '%r', 'é'),
    OP('%', '%a', 'é'), OP('%', '%s', None), OP('%', '%%', ()), OP('%', '%d', True), OP('%', '%d', 3.9),
    OP('%', '%i', 1.5), OP('%', '%s', [1]), OP('%', '%s', (1, 2)), OP('%', '%s', ((1, 2),)), OP('%', '%*d|', (5, 42)),
    OP('%', '%-*s|', (5, 'a')), OP('%', '%.*f', (2, 3.14159)), OP('%', '%.3d', 5), OP('%', '%d', 2**100),
    OP('%', '%d %d', 1), OP('%', '%d', (1, 2)), OP('%', '%s', ()), OP('%', '%d', 'x'), OP('%', '%x', 1.5),
    OP('%', '%f', 'a'), OP('%', '%z', 1), OP('%', '%', 1), OP('%', '%(a)s', 5), OP('%', '%(a)s %s', {'a': 1}),
    OP('%', '%c', 'ab'), OP('%', '%c', 1114112), OP('%', '%*d', ('a', 1)), OP('%', '%(a', {'a': 1}),
    OP('%', 'a', 1), OP('%', 'a', ()), OP('%', 'a', []), OP('%', '%s %s', [1, 2]), OP('%', '%(a)s', {}),
    OP('%', '%5%', (1,)), OP('%', '%d', None), OP('%', '%ld %hd', (5, 6)), OP('%', '%.0s|', 'abc'),
    OP('%', '%03s', 'a'), OP('%', '%10.4f|', 3.14159), OP('%', '%u', 5), OP('%', '%F %E', (1.5, 1.5)),
    # format() and f-strings
    FMT('ab', '>5'), FMT('ab', '^6'), FMT('ab', '*<5'), FMT('abc', '.2'), FMT('ab', '05'), FMT('ab', 'd'),
    FMT('ab', '=5'), FMT('ab', '+'), FMT('ab', ','), FMT('ab', '#'), FMT('ab', ' '), FMT('a', '10000000000000000000000'),
    FMT(True, ''), FMT(True, 'd'), FMT(True, '>5'), FMT(1.5, ''), FMT(None, ''), FMT(None, 'x'), FMT([1], ''),
    FMT(255, '#x'), FMT(1234567, ','), FMT(3.14159, '.3f'), FMT(0.25, '%'), FMT(-7, '+05d'), FMT(2**70, ','),
    FMT('héllo', '~^9'),
    FSTR('x'), FSTR('x', 'r'), FSTR('é', 'a'), FSTR(42, None, '>6'), FSTR(3.5, 's', '>6'), FSTR('q', None, '3'),
    FSTR([1, 'a'], 'r'),
    # repr, ascii and the other builtins
    FN('repr', 'hello'), FN('repr', "it's"), FN('repr', 'say "hi"'), FN('repr', 'it\'s "x"'), FN('repr', 'a\\b'),
    FN('repr', '\t\n\r\x00\x1f\x7f\x80\x9f\xa0\xad'), FN('repr', 'é€😀'), FN('repr', '\u2028\ud800\U000e0001 \u0378'),
    FN('repr', ''), FN('ascii', 'é€😀\x7f'), FN('str', 'x'), FN('repr', b'\x00abc\'"\\\x7f\xff'), FN('repr', b"it's"),
    FN('repr', b''), FN('len', 'héllo'), FN('len', '😀'), FN('len', b'ab\x00'), FN('list', 'héy'), FN('list', b'ab'),
    FN('getsizeof', ''), FN('getsizeof', 'a'), FN('getsizeof', 'abc'), FN('getsizeof', 'x' * 10), FN('getsizeof', 'é'),
    FN('getsizeof', 'éé'), FN('getsizeof', '€'), FN('getsizeof', '€€'), FN('getsizeof', '😀'), FN('getsizeof', '😀😀'),
    FN('getsizeof', 'aé€😀'), FN('getsizeof', b''), FN('getsizeof', b'abc'), FN('hash_eq_bytes', 'abc'),
    # indexing, slicing, operators
    GET('hello', 1), GET('hello', -1), GET('héllo', 1), GET('hello', 5), GET('hello', 'x'), GET('hello', 1.5),
    GET('hello', 2**70), GET('hello', slice(1, 3)), GET('hello', slice(None, None, -1)), GET('héllo wörld', slice(1, None, 2)),
    GET('hello', slice(10, 20)), GET('hello', slice(None, None, 0)), GET('😀a😀b', slice(-3, None)),
    GET(b'abc', 0), GET(b'abc', slice(1, None)), GET(b'abc', -4), GET(b'abcdef', slice(None, None, 2)),
    OP('+', 'ab', 'cd'), OP('+', 'a', 1), OP('+', 1, 'a'), OP('*', 'ab', 3), OP('*', 3, 'ab'), OP('*', 'ab', 0),
    OP('*', 'ab', -1), OP('*', 'a', 'b'), OP('*', 'a', 1.5), OP('*', 'ab', 2**62), OP('*', 'a', 2**70),
    OP('-', 'a', 'b'), OP('+', b'ab', b'cd'), OP('+', b'a', 'b'), OP('*', b'ab', 2),
    OP('<', 'apple', 'banana'), OP('<', 'a', 'B'), OP('<=', 'é', 'z'), OP('>', 'é', 'z'), OP('==', 'a', 'a'),
    OP('!=', 'a', 'b'), OP('<', 'ab', 'abc'), OP('<', 'a', 1), OP('==', 'a', 1), OP('<', b'a', b'b'),
    OP('in', 'ell', 'hello'), OP('in', '', 'x'), OP('in', 'z', 'hello'), OP('in', 1, 'a'), OP('in', 98, b'abc'),
    OP('in', b'bc', b'abc'), OP('in', 'a', b'abc'), OP('in', 300, b'a'),
    # constructors and codecs
    NEW(str), NEW(str, 42), NEW(str, b'abc'), NEW(str, b'caf\xc3\xa9', 'utf-8'), NEW(str, b'\xff', 'utf-8'),
    NEW(str, b'a\xe2\x82', 'utf-8'), NEW(str, b'a\xe2\x82z', 'utf-8'), NEW(str, b'\xed\xa0\x80', 'utf-8'),
    NEW(str, b'\xe9', 'latin-1'), NEW(str, b'\xe9', 'ascii'), NEW(str, b'a\xffb', 'utf-8', 'replace'),
    NEW(str, b'a\xffb', 'utf-8', 'ignore'), NEW(str, b'a', 'latin-9'), NEW(str, 1, 'utf-8'), NEW(str, 'a', 'utf-8'),
    NEW(str, 1, 2, 3, 4), NEW(str, x=1), NEW(str, object=5), NEW(str, b'ab', errors='strict'), NEW(str, b'a', 1),
    NEW(bytes), NEW(bytes, 3), NEW(bytes, [104, 105]), NEW(bytes, 'hé', 'utf-8'), NEW(bytes, 'a'), NEW(bytes, -1),
    NEW(bytes, [256]), NEW(bytes, ['a']), NEW(bytes, 1.5), NEW(bytes, 1, 'utf-8'),
    M('decode', b'caf\xc3\xa9'), M('decode', b'\xe9', 'ascii'), M('decode', b'\xf0\x9f\x98', 'utf-8'),
    M('decode', b'\xff\xfe', 'utf-8', 'backslashreplace'), M('hex', b'\x00\xffa'),
    M('startswith', b'abc', b'ab'), M('endswith', b'abc', b'bc'),
    # More Unicode edge cases
    M('upper', 'և ﬃ ŉ ǰ'), M('title', 'և ﬃ ŉ ǅx'), M('lower', 'ΟΔΟΣ.'), M('lower', 'Σ'), M('lower', 'ΑΣ\u0301Β'),
    M('swapcase', 'ǅ'), M('istitle', 'ǅungla'), M('isupper', 'Ⅷ'), M('islower', 'ⓐ'), M('capitalize', 'ǆx'),
    M('strip', 'éaé', 'é'), M('split', 'aéébéc', 'é'), M('rsplit', 'a€b€c', '€', 1), M('splitlines', 'a\r\n\r\nb\n'),
    M('splitlines', '\n'), M('expandtabs', 'é\tb'), M('zfill', 'é', 3), M('center', 'ab', 5), M('center', 'abc', 5),
    M('center', 'ab', 6, 'é'), M('find', 'aéb€c', '€', 2, 4), M('find', 'aéb€c', '€', 4), M('rfind', 'a€b€c', '€', 0, 3),
    M('count', 'é€é€', '€', 1, -1), M('index', 'aéb€c', 'c', -1), M('startswith', 'héllo', 'é', 1),
    M('startswith', 'hello', 'lo', -2), M('endswith', 'héllo', 'él', 0, -2), M('replace', 'a€a€a', '€', 'éé', 1),
    M('join', '€', ['x', 'é', '😀']), M('format', '{0} {٠}', 'a'), M('format', '{0:{1}>{2}}', 'é', '€', 4),
    M('format', '{:>4}|{:<4}|{:^4}', 'a', 'b', 'c'), M('format', '{0!r:^10}', 'é'), M('format', '{:.1}', 'xyz'),
    M('format', '{0:.3f}', 2.5), M('format', '{:5d}|', 42), M('format', '{:x<4d}', 7), M('format', '{[0]}', 'ab'),
    OP('%', '%(a)s-%(a)r', {'a': 'é'}), OP('%', '%*.*f', (8, 2, 3.14159)), OP('%', '%-6.2f|', 2.5), OP('%', '%+.1e', 12345.0),
    OP('%', '%#g', 1.0), OP('%', '% 5d|', 42), OP('%', '%+05d', 42), OP('%', '%#08x', 255), OP('%', '%o', -8),
    OP('%', '%-#6o|', 8), OP('%', '%c', 0x1F600), OP('%', '%3c|', 'é'), OP('%', '%.1s', 'éa'), OP('%', '%5r', 'a'),
    OP('%', '%s and %s', ('é', 2**70)), OP('%', '%x', 2**70), OP('%', '%d%%', 50),
    FN('repr', '\u200b\ue000\u00a0\u0301a\u0301'), FN('repr', '\U0010ffff\U0001f9ff'), FN('ascii', "'\n"),
    FN('repr', b'"'), FN('repr', b'\'"'), FN('list', 'a€😀'), FN('getsizeof', 'a' * 100), FN('getsizeof', 'é' * 3 + 'a'),
    GET('a€😀b', -2), GET('a€😀bc', slice(None, None, -2)), GET('a€😀bc', slice(-2, -5, -1)), GET('abc', -4),
    OP('<', '\ud800', '\ue000'), OP('<', '\uffff', '\U00010000'), OP('>', 'é', 'e\u0301'), OP('in', '€b', 'a€b'),
    OP('*', 'é€', 2), OP('+', 'é', '😀'), OP('*', '', 5), OP('*', b'', 3), OP('in', 0, b'\x00'),
    NEW(str, b'\xc3\xa9', encoding='utf8'), NEW(str, b'\xe9', 'LATIN1'), NEW(str, b'ab', 'ascii'),
    M('encode', 'é', 'utf_8'), M('encode', 'aéb', 'ascii', 'ignore'), M('encode', 'aé€', 'ascii', 'xmlcharrefreplace'),
    M('decode', b'a\xe9\xffb', 'utf-8', 'surrogateescape'), M('decode', b'\xe0\x80\x80', 'utf-8', 'replace'),
]


def expected(case):
    try:
        r = case.run()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
    return repr(r)


def main():
    out = sys.stdout
    out.write('/* test-str-cases.h — generated by gen-test-str-cases.py from python3 %s; do not edit\n'
              ' *\n * SPDX-License-Identifier: GPL-3.0-or-later\n */\n\n' % sys.version.split()[0])
    out.write('static const StrCase str_cases[] = {\n')
    for c in CASES:
        exp = expected(c).encode('utf-8', 'surrogatepass')
        desc = c.text().encode('utf-8', 'surrogatepass')
        out.write('  { %s, %s },\n' % (c_string(desc), c_string(exp)))
    out.write('};\n\n')
    out.write('static HsObject *\neval_str_case (guint i)\n{\n  switch (i)\n    {\n')
    for i, c in enumerate(CASES):
        out.write('    case %d: return %s;\n' % (i, c.c()))
    out.write('    default: return NULL;\n    }\n}\n')


if __name__ == '__main__':
    main()
