#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates test-parser-cases.h: front-end cases whose expected results come
from the python3 running this script (CPython 3.11 is the oracle).

    python3 tests/engine/gen-test-parser-cases.py > tests/engine/test-parser-cases.h

 * ast_cases: the source's tree from ast.parse(), printed in hs_ast_dump()'s
   S-expression format, without and with locations (columns in code points);
 * error_cases: the SyntaxError compile() raises: class, message, line,
   offset, end line, end offset and text;
 * symtable_cases: the scopes from the symtable module: each symbol's name,
   scope and DEF_* flags, parameters, cell and free variables;
 * format_cases: what `python3 x.py` prints on stderr for a bad file.
"""

import ast
import os
import subprocess
import symtable
import sys
import tempfile


class D:
    def __init__(self, src, locs):
        self.src = src; self.locs = locs
        self.lines = src.encode('utf-8').replace(b'\r\n', b'\n').replace(b'\r', b'\n').split(b'\n')
    def ch(self, line, col):
        try:
            return len(self.lines[line - 1][:col].decode('utf-8', 'replace'))
        except IndexError:
            return col
    def loc(self, n):
        if not self.locs: return ''
        return f'@{n.lineno}:{self.ch(n.lineno, n.col_offset)}-{n.end_lineno}:{self.ch(n.end_lineno, n.end_col_offset)}'
    def ctx(self, n):
        c = type(n.ctx).__name__
        return '' if c == 'Load' else ':' + c
    def exprs(self, l):
        return ''.join(' ' + self.e(x) for x in l)
    def opt(self, x):
        return ' -' if x is None else ' ' + self.e(x)
    def lab(self, label, l, f):
        if not l: return ''
        return f' ({label}' + ''.join(' ' + f(x) for x in l) + ')'
    def arg(self, a):
        if a.annotation is None and not self.locs: return a.arg
        s = f'(arg{self.loc(a)} {a.arg}'
        if a.annotation is not None: s += self.opt(a.annotation)
        return s + ')'
    def args(self, a):
        s = '(arguments'
        s += self.lab('posonly', a.posonlyargs, self.arg)
        s += self.lab('args', a.args, self.arg)
        if a.vararg: s += f' (vararg {self.arg(a.vararg)})'
        s += self.lab('kwonly', a.kwonlyargs, self.arg)
        if a.kwonlyargs:
            s += ' (kw_defaults' + ''.join(self.opt(x) for x in a.kw_defaults) + ')'
        if a.kwarg: s += f' (kwarg {self.arg(a.kwarg)})'
        s += self.lab('defaults', a.defaults, self.e)
        return s + ')'
    def kw(self, k):
        return (f'{k.arg}=' if k.arg else '**') + self.e(k.value)
    def gens(self, gs):
        s = ''
        for g in gs:
            s += f' (for {self.e(g.target)} {self.e(g.iter)}' + ''.join(' if ' + self.e(i) for i in g.ifs) + ')'
        return s
    def const(self, n):
        v = n.value
        if v is Ellipsis: return '...'
        if isinstance(v, bool) or v is None: return repr(v)
        if isinstance(v, int):
            seg = ast.get_source_segment(self.src, n)
            return seg.replace('_', '') if seg else repr(v)
        if isinstance(v, float): return repr(v)
        return repr(v)
    def e(self, n):
        t = type(n).__name__; L = self.loc(n)
        if t == 'Name':
            if isinstance(n.ctx, ast.Load): return n.id + L
            return f'(Name{self.ctx(n)}{L} {n.id})'
        if t == 'Constant':
            if self.locs: return f'(Constant{L} {self.const(n)})'
            return self.const(n)
        if t == 'BoolOp':
            return f'(BoolOp{L} {"and" if isinstance(n.op, ast.And) else "or"}{self.exprs(n.values)})'
        if t == 'NamedExpr': return f'(NamedExpr{L}{self.opt(n.target)}{self.opt(n.value)})'
        if t == 'BinOp':
            ops = {'Add':'+','Sub':'-','Mult':'*','MatMult':'@','Div':'/','Mod':'%','Pow':'**','LShift':'<<','RShift':'>>','BitOr':'|','BitXor':'^','BitAnd':'&','FloorDiv':'//'}
            return f'(BinOp{L}{self.opt(n.left)} {ops[type(n.op).__name__]}{self.opt(n.right)})'
        if t == 'UnaryOp':
            ops = {'Invert':'~','Not':'not','UAdd':'+','USub':'-'}
            return f'(UnaryOp{L} {ops[type(n.op).__name__]}{self.opt(n.operand)})'
        if t == 'Lambda': return f'(Lambda{L} {self.args(n.args)}{self.opt(n.body)})'
        if t == 'IfExp': return f'(IfExp{L}{self.opt(n.test)}{self.opt(n.body)}{self.opt(n.orelse)})'
        if t == 'Dict':
            s = f'(Dict{L}'
            for k, v in zip(n.keys, n.values):
                s += ' (' + ('**' if k is None else self.e(k)) + self.opt(v) + ')'
            return s + ')'
        if t in ('Set', 'JoinedStr'): return f'({t}{L}{self.exprs(n.values if t == "JoinedStr" else n.elts)})'
        if t in ('List', 'Tuple'): return f'({t}{self.ctx(n)}{L}{self.exprs(n.elts)})'
        if t in ('ListComp', 'SetComp', 'GeneratorExp'): return f'({t}{L}{self.opt(n.elt)}{self.gens(n.generators)})'
        if t == 'DictComp': return f'(DictComp{L}{self.opt(n.key)}{self.opt(n.value)}{self.gens(n.generators)})'
        if t == 'Yield': return f'(Yield{L}' + (self.opt(n.value) if n.value else '') + ')'
        if t == 'YieldFrom': return f'(YieldFrom{L}{self.opt(n.value)})'
        if t == 'Compare':
            ops = {'Eq':'==','NotEq':'!=','Lt':'<','LtE':'<=','Gt':'>','GtE':'>=','Is':'is','IsNot':'is not','In':'in','NotIn':'not in'}
            return f'(Compare{L}{self.opt(n.left)}' + ''.join(f' {ops[type(o).__name__]}{self.opt(c)}' for o, c in zip(n.ops, n.comparators)) + ')'
        if t == 'Call': return f'(Call{L}{self.opt(n.func)}{self.exprs(n.args)}' + ''.join(' ' + self.kw(k) for k in n.keywords) + ')'
        if t == 'FormattedValue':
            conv = ' -1' if n.conversion == -1 else ' ' + chr(n.conversion)
            return f'(FormattedValue{L}{self.opt(n.value)}{conv}{self.opt(n.format_spec)})'
        if t == 'Attribute': return f'(Attribute{self.ctx(n)}{L}{self.opt(n.value)} {n.attr})'
        if t == 'Subscript': return f'(Subscript{self.ctx(n)}{L}{self.opt(n.value)}{self.opt(n.slice)})'
        if t == 'Starred': return f'(Starred{self.ctx(n)}{L}{self.opt(n.value)})'
        if t == 'Slice': return f'(Slice{L}{self.opt(n.lower)}{self.opt(n.upper)}{self.opt(n.step)})'
        if t == 'Await': return f'(Await{L}{self.opt(n.value)})'
        return f'(?{t})'
    def stmts(self, l): return ''.join(' ' + self.s(x) for x in l)
    def labs(self, label, l): return f' ({label}{self.stmts(l)})' if l else ''
    def alias(self, a):
        return f' (alias{self.loc(a)} {a.name}' + (f' {a.asname}' if a.asname else '') + ')'
    def s(self, n):
        t = type(n).__name__; L = self.loc(n)
        if t == 'FunctionDef':
            s = f'(FunctionDef{L} {n.name} {self.args(n.args)}'
            s += self.lab('decorators', n.decorator_list, self.e)
            if n.returns: s += f' (returns{self.opt(n.returns)})'
            return s + self.stmts(n.body) + ')'
        if t == 'ClassDef':
            s = f'(ClassDef{L} {n.name}' + self.lab('bases', n.bases, self.e)
            if n.keywords: s += ' (keywords' + ''.join(' ' + self.kw(k) for k in n.keywords) + ')'
            s += self.lab('decorators', n.decorator_list, self.e)
            return s + self.stmts(n.body) + ')'
        if t == 'Return': return f'(Return{L}' + (self.opt(n.value) if n.value else '') + ')'
        if t == 'Delete': return f'(Delete{L}{self.exprs(n.targets)})'
        if t == 'Assign': return f'(Assign{L}{self.exprs(n.targets)} ={self.opt(n.value)})'
        if t == 'AugAssign':
            ops = {'Add':'+','Sub':'-','Mult':'*','MatMult':'@','Div':'/','Mod':'%','Pow':'**','LShift':'<<','RShift':'>>','BitOr':'|','BitXor':'^','BitAnd':'&','FloorDiv':'//'}
            return f'(AugAssign{L}{self.opt(n.target)} {ops[type(n.op).__name__]}={self.opt(n.value)})'
        if t == 'AnnAssign':
            s = f'(AnnAssign{L}{self.opt(n.target)}{self.opt(n.annotation)}'
            if n.value: s += ' =' + self.opt(n.value)
            if n.simple: s += ' simple'
            return s + ')'
        if t == 'For': return f'(For{L}{self.opt(n.target)}{self.opt(n.iter)}{self.labs("body", n.body)}{self.labs("orelse", n.orelse)})'
        if t in ('While', 'If'): return f'({t}{L}{self.opt(n.test)}{self.labs("body", n.body)}{self.labs("orelse", n.orelse)})'
        if t == 'With':
            s = f'(With{L}'
            for i in n.items:
                s += f' (withitem{self.opt(i.context_expr)}' + (self.opt(i.optional_vars) if i.optional_vars else '') + ')'
            return s + self.labs('body', n.body) + ')'
        if t == 'Raise':
            s = f'(Raise{L}'
            if n.exc: s += self.opt(n.exc)
            if n.cause: s += ' from' + self.opt(n.cause)
            return s + ')'
        if t == 'Try':
            s = f'(Try{L}{self.labs("body", n.body)}'
            for h in n.handlers:
                s += f' (ExceptHandler{self.loc(h)}{self.opt(h.type)} {h.name or "-"}{self.stmts(h.body)})'
            return s + self.labs('orelse', n.orelse) + self.labs('finally', n.finalbody) + ')'
        if t == 'Assert': return f'(Assert{L}{self.opt(n.test)}' + (self.opt(n.msg) if n.msg else '') + ')'
        if t == 'Import': return f'(Import{L}' + ''.join(self.alias(a) for a in n.names) + ')'
        if t == 'ImportFrom': return f'(ImportFrom{L} {n.module or "-"} {n.level}' + ''.join(self.alias(a) for a in n.names) + ')'
        if t in ('Global', 'Nonlocal'): return f'({t}{L}' + ''.join(' ' + x for x in n.names) + ')'
        if t == 'Expr': return f'(Expr{L}{self.opt(n.value)})'
        if t in ('Pass', 'Break', 'Continue'): return f'({t}{L})'
        return f'(?{t})'


def ast_dump(src, locs):
    tree = ast.parse(src, 'x.py')
    return '(Module' + D(src, locs).stmts(tree.body) + ')'


def symtable_dump(t):
    s = f'({t.get_type()} {t.get_name()} {t.get_lineno()}'
    for sym in t.get_symbols():
        flags = sym._Symbol__flags & ((1 << 11) - 1)
        s += f' {sym.get_name()}:{sym._Symbol__scope}:{flags}'
    if t.get_type() == 'function' and t.get_parameters():
        s += ' params=' + ','.join(t.get_parameters())
    cells = sorted(x.get_name() for x in t.get_symbols() if x._Symbol__scope == 5)
    if t.get_type() == 'class' and any(c.get_type() == 'function' and '__class__' in c.get_frees()
                                       for c in t.get_children()):
        cells = ['__class__']
    if cells:
        s += ' cells=' + ','.join(cells)
    frees = sorted(x.get_name() for x in t.get_symbols()
                   if x._Symbol__scope == 4 or (x._Symbol__flags & 64))
    if frees:
        s += ' frees=' + ','.join(frees)
    for c in t.get_children():
        s += ' ' + symtable_dump(c)
    return s + ')'


def c_string(text):
    out = []
    for byte in text.encode('utf-8'):
        c = chr(byte)
        if c == '"' or c == '\\':
            out.append('\\' + c)
        elif c == '\n':
            out.append('\\n')
        elif c == '\t':
            out.append('\\t')
        elif 32 <= byte < 127 and c != '?':
            out.append(c)
        else:
            out.append('\\%03o' % byte)
    return '"' + ''.join(out) + '"'


AST_CASES = [
    'x = 1\n',
    'a = b = c = 0\n',
    'a, b = b, a\n',
    '[a, *b] = c\n',
    '(a, b), c = d\n',
    'x.y[0] = 1\n',
    'x += 1\n',
    'x.y **= 2\n',
    'x: int = 5\n',
    'y: list\n',
    '(z): int = 0\n',
    'del a, b[0], c.d\n',
    'del (a, b)\n',
    'pass\n',
    'while True:\n    break\nelse:\n    pass\n',
    'for i in range(3):\n    continue\n',
    'for k, v in d.items(): print(k, v)\n',
    'if a:\n    x\nelif b:\n    y\nelse:\n    z\n',
    'try:\n    f()\nexcept (A, B) as e:\n    raise\nexcept C:\n    pass\nelse:\n    g()\nfinally:\n    h()\n',
    'try:\n    pass\nexcept:\n    pass\n',
    'with open(p) as f, lock:\n    pass\n',
    'with (a as b, c as d):\n    pass\n',
    'with (a, b) as c:\n    pass\n',
    'raise ValueError("x") from err\n',
    'assert x > 0, "positive"\n',
    'import os.path as p, sys\n',
    'from .. import a as b\n',
    'from m import (x, y,)\n',
    'from m import *\n',
    'global a, b\n',
    'def f():\n    nonlocal x\n',
    'def f(a, b=1, *args, c, d=2, **kw):\n    return a\n',
    'def f(a, b, /, c, *, d):\n    pass\n',
    'def f(x: int, *a: str, **k: bool) -> None: ...\n',
    '@decorator\n@d.e(1)\ndef f(): pass\n',
    'class C(Base, metaclass=M):\n    x = 1\n    def m(self): return self.x\n',
    '@dataclass\nclass D: pass\n',
    'lambda: 0\n',
    'f = lambda x, y=1, *a, k, **kw: x\n',
    'x = a if b else c\n',
    'x = a or b and not c\n',
    'x = a < b <= c != d\n',
    'x = a is not b\n',
    'x = a not in b\n',
    'x = -2 ** 2\n',
    'x = 2 ** -1\n',
    'x = a | b ^ c & d << e >> f\n',
    'x = a + b - c * d / e // f % g @ h\n',
    'x = ~a + +b - -c\n',
    'x = f(a, *b, c=1, **d)\n',
    'x = f(y for y in z)\n',
    'x = f((y for y in z), w)\n',
    'x = a.b.c\n',
    'x = a[1]\n',
    'x = a[1:2]\n',
    'x = a[::2]\n',
    'x = a[1:2, 3]\n',
    'x = a[:, None]\n',
    'x = a[*b]\n',
    'x = [1, 2, *r]\n',
    'x = (1,)\n',
    'x = ()\n',
    'x = {}\n',
    'x = {"a": 1, **d}\n',
    'x = {1, 2}\n',
    'x = [i * 2 for i in range(10) if i % 2 if i > 3]\n',
    'x = {k: v for k, v in pairs}\n',
    'x = {c for c in s}\n',
    'x = [(i, j) for i in a for j in b]\n',
    'x = (y := 10)\n',
    'if (n := len(a)) > 10: pass\n',
    'x = [y := f(z), y**2]\n',
    'def g():\n    x = yield\n    y = yield 1, 2\n    yield from h()\n',
    'x = None, True, False, ...\n',
    'x = 0xff + 0o17 + 0b101 + 1_000_000\n',
    'x = 1.5 + 2e10 + .5 + 5. + 1e-7 + 1_0.5\n',
    'x = "a" \'b\' """c"""\n',
    'x = r"\\n" + b"\\x00\\xff" + rb"\\d"\n',
    'x = "tab\\tnew\\nline\\u00e9\\x41\\101\\q"\n',
    'x = f"{a}-{b!r}-{c:>10}-{d:{w}.{p}f}"\n',
    'x = f"{x=}" f"{y = }"\n',
    'x = "pre" f"{a}" "post"\n',
    'x = f"{{literal}}"\n',
    'x = f"""multi\n{a +\n b}"""\n',
    'x = (1 +\n     2)\n',
    'x = 1 + \\\n    2\n',
    'if x: y = 1; z = 2\n',
    'print("h\u00e9llo", \u00f1)\n',
    'match = 1\nmatch(x)\nprint(match)\n',
    'x = [\n    1,\n    2,\n]\n',
    'class A:\n    def __init__(self):\n        super().__init__()\n',
    '# comment only\n\n',
    '',
    'x = 1\r\ny = 2\r\n',
    '\ufeffx = 1\n',
    'if a:\n    if b:\n        pass\n\n    # comment\n    c\nd\n',
]

ERROR_CASES = [
    'x = (1,\n',
    'x = [1, 2\ny = 3\n',
    'x = ]\n',
    'x = (1]\n',
    'x = (1,\n 2]\n',
    'x = 1 +\n',
    'x = 1 2\n',
    'if x\n  pass\n',
    'for x in y\n  pass\n',
    'def f()\n  pass\n',
    'class A\n  pass\n',
    'else:\n  pass\n',
    'if x:\npass\n',
    'def f():\nreturn\n',
    'class A:\nx\n',
    'while x:\nx\n',
    'try:\n x\nexcept:\nx\n',
    'x = 1\n  y = 2\n',
    'if True:\n  pass\n x = 1\n',
    'if True:\n\tpass\n        x=1\n',
    'x = 1 \\ 2\n',
    'x = 1 + \\',
    "x = 'abc\n",
    'x = """abc\n\ny\n',
    'print "hello"\n',
    'f(a b)\n',
    'x = [1 2]\n',
    'f() = 1\n',
    'x + 1 = 2\n',
    '"abc" = 1\n',
    'None = 1\n',
    '(a, f()) = 1\n',
    'a = f() = 1\n',
    'x = yield = 1\n',
    'del f()\n',
    'del *a\n',
    'for f() in x: pass\n',
    'f() += 1\n',
    '(a, b): int\n',
    'f(): int\n',
    'if x = 1: pass\n',
    'if x.y = 1: pass\n',
    '(a.b := 1)\n',
    'x = 1 if y\n',
    'f(a=1, b)\n',
    'f(**a, b)\n',
    'f(**a, *b)\n',
    'f(a for a in b, c)\n',
    'f(a.b=1)\n',
    'f(True=1)\n',
    'def f(a=1, b): pass\n',
    'def f(*): pass\n',
    'def f(**k, a): pass\n',
    'def f(/, a): pass\n',
    'def f(a, a): pass\n',
    'lambda a=1, b: 1\n',
    'from x import a,\n',
    '{a: *b}\n',
    '{a:}\n',
    '[*a for a in b]\n',
    '[a, b for a in c]\n',
    'try:\n  pass\nexcept A, B:\n  pass\n',
    'try:\n x\ny = 1\n',
    'x = 0x\n',
    'x = 0o8\n',
    'x = 012\n',
    'x = 1__0\n',
    'x = 1abc\n',
    'x = $\n',
    'x = a\u20acb\n',
    'x = f"{}"\n',
    'x = f"{a!x}"\n',
    'x = f"{a b}"\n',
    'x = f"}"\n',
    'x = "\\x4"\n',
    'x = f"abc" b"x"\n',
    'with a as b\n',
    'return\n',
    'break\n',
    'continue\n',
    'yield 1\n',
    'def f():\n  x = 1\n  global x\n',
    'def f():\n  print(x)\n  global x\n',
    'nonlocal x\n',
    'def f():\n  nonlocal x\n',
    'def f(x):\n  global x\n',
    'def f(): return [(yield x) for x in y]\n',
    '[(y := 1) for y in x]\n',
    'class A: [(y := 1) for x in z]\n',
    'def f():\n  from x import *\n',
    'try:\n  pass\nexcept:\n  pass\nexcept A:\n  pass\n',
    'f(x=1, x=2)\n',
    'int(c bis)\n',
    '(c d not a)\n',
    'x = 1\nlat{e = None\ny = 2\n',
    'def_init__(self, name):\n',
    'x = [i for i ib y]\n',
    'x = a not b\n',
    '@x\n',
    'x = {*a: 1}\n',
    'if (x = 5):\n  pass\n',
    'x = f"{x\\n}"\n',
    'x = ' + '(' * 201 + ')' * 201 + '\n',
    ''.join(' ' * i + 'if x:\n' for i in range(101)) + ' ' * 101 + 'pass\n',
]

SYMTABLE_CASES = [
    'x = 1\ndef f(a, b=2, *c, d, **e):\n  g = a\n  return g\n',
    'def outer():\n  x = 1\n  def inner():\n    return x\n  return inner\n',
    'def outer():\n  x = 1\n  def inner():\n    nonlocal x\n    x = 2\n  return inner\n',
    'g = 0\ndef f():\n  def h():\n    global g\n    return g\n  g = 2\n  return h\n',
    'class A:\n  x = 1\n  def m(self):\n    return x\n',
    'class A:\n  def m(self):\n    return super().m()\n',
    'class A:\n  __p = 1\n  def m(self, __q):\n    self.__r = __q\n    return __p\n',
    'x = [i * y for i in range(3) for j in z if i]\n',
    'def f():\n  [(y := i) for i in range(3)]\n  return y\n',
    'import os.path as p, sys\nfrom a import b, c as d\n',
    'def f():\n  x = 1\n  class C:\n    y = x\n    def m(self):\n      return x\n  return C\n',
    'def a():\n  def b():\n    def c():\n      return v\n    return c\n  v = 1\n  return b\n',
    'def f():\n  x = 1\n  return [lambda: x for _ in y]\n',
    'def f():\n  x: int = 1\n  y: int\n',
    'lambda x, *y: x + z\n',
]

FORMAT_CASES = [
    'x = (1,\ny = 2\n',
    'f() = 1\n',
    'if x:\npass\n',
    '    x = 1\n',
    'x = (a for a in b\n    for c in d) = 5\n',
    'print("hi")\nx = 1 +\n',
    'def f():\n  nonlocal x\n',
    'if True:\n\tpass\n        x=1\n',
    'x = 1\ny = "a\0b"\n',
    'print "hello"\n',
]


def error_case(src):
    data = src.encode('utf-8')
    try:
        compile(data, 'x.py', 'exec')
    except SyntaxError as e:
        line = e.lineno or 0
        col = e.offset or 0
        end_line = e.end_lineno if e.end_lineno is not None else line
        end_col = e.end_offset if e.end_offset is not None else col
        if end_line < line or end_col <= 0:
            end_line, end_col = line, col
        text = e.text
        if text is None:
            lines = src.split('\n')
            text = lines[line - 1] if 1 <= line <= len(lines) else None
        else:
            text = text.rstrip('\n')
        return type(e).__name__, e.msg, line, col, end_line, end_col, text
    raise SystemExit('no error for %r' % src)


def python_stderr(src):
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, 'x.py'), 'wb') as f:
            f.write(src.encode('utf-8'))
        r = subprocess.run([sys.executable, 'x.py'], cwd=tmp, capture_output=True, text=True)
        # python3 names the script by its full path
        return r.stderr.replace(os.path.join(os.path.realpath(tmp), 'x.py'), 'x.py')


def main():
    out = sys.stdout
    v = sys.version_info
    out.write('/* test-parser-cases.h — generated by gen-test-parser-cases.py from python3 '
              '%d.%d.%d; do not edit\n *\n * SPDX-License-Identifier: GPL-3.0-or-later\n */\n\n'
              % (v.major, v.minor, v.micro))
    out.write('#define S(literal) literal, sizeof (literal) - 1\n\n')

    out.write('/* ast.parse(): the tree without and with locations */\n')
    out.write('static const AstCase ast_cases[] = {\n')
    for src in AST_CASES:
        data = src.encode('utf-8')
        text = data.decode('utf-8-sig').replace('\r\n', '\n')
        tree = ast.parse(data, 'x.py')
        plain = '(Module' + D(text, False).stmts(tree.body) + ')'
        located = '(Module' + D(text, True).stmts(tree.body) + ')'
        out.write('  { S (%s),\n    %s,\n    %s },\n' % (c_string(src), c_string(plain), c_string(located)))
    out.write('};\n\n')

    out.write('/* compile(): the SyntaxError (class, message, line, offset, end line,\n'
              ' * end offset, text) */\n')
    out.write('static const ErrorCase error_cases[] = {\n')
    for src in ERROR_CASES:
        kind, msg, line, col, end_line, end_col, text = error_case(src)
        out.write('  { S (%s), "%s",\n    %s, %d, %d, %d, %d, %s },\n'
                  % (c_string(src), kind, c_string(msg), line, col, end_line, end_col,
                     c_string(text) if text is not None else 'NULL'))
    out.write('};\n\n')

    out.write('/* symtable.symtable(): scopes as (type name line name:scope:flags ...) */\n')
    out.write('static const SymtableCase symtable_cases[] = {\n')
    for src in SYMTABLE_CASES:
        out.write('  { S (%s),\n    %s },\n'
                  % (c_string(src), c_string(symtable_dump(symtable.symtable(src, 'x.py', 'exec')))))
    out.write('};\n\n')

    out.write('/* `python3 x.py`: what it prints on stderr */\n')
    out.write('static const FormatCase format_cases[] = {\n')
    for src in FORMAT_CASES:
        out.write('  { S (%s),\n    %s },\n' % (c_string(src), c_string(python_stderr(src))))
    out.write('};\n')


if __name__ == '__main__':
    main()
