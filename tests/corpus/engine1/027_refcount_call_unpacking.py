# f(*t) and f(**d): the callee receives fresh containers built from the unpacked ones
import sys
obj = ['payload']
def star(*args):
    return sys.getrefcount(args[0]), len(args)
def kw(**kwargs):
    return sys.getrefcount(kwargs['k'])
args = (obj, obj)
print("tuple holding it twice:", sys.getrefcount(obj))
print("called with *args unpacking:", star(*args))
print("callee gets its own tuple:", (lambda *a: a is args)(*args))
opts = {'k': obj}
print("dict holding it once:", sys.getrefcount(obj))
print("called with **opts unpacking:", kw(**opts))
print("callee gets its own dict:", (lambda **k: k is opts)(**opts))
del args, opts
print("finally:", sys.getrefcount(obj))
