# code objects: names of locals, cells and free variables, argument counts, names and constants
def outer(a, b=2, *args, k=1, **kw):
    c = a + b
    def inner(x):
        y = x + c + a
        return y
    return inner
f = outer(1)
for code in (outer.__code__, f.__code__):
    print(code.co_name, code.co_qualname, code.co_argcount, code.co_kwonlyargcount)
    print(" ", code.co_varnames, code.co_cellvars, code.co_freevars, code.co_nlocals)
    print(" ", code.co_names, code.co_firstlineno, code.co_filename.endswith(".py"))
print([cell.cell_contents for cell in f.__closure__], f(10))
def g(x):
    "doc"
    return "s", 1.5, None, (1, 2), x
print(g.__code__.co_consts, g.__code__.co_posonlyargcount)
class K:
    def m(self):
        return __class__
print(K.m.__code__.co_freevars, K.m.__code__.co_varnames, K().m() is K)
def failing():
    local = [1]
    return local[5]
try:
    failing()
except IndexError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
