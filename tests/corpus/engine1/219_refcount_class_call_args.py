# calling a class packs its arguments into a tuple (and keywords into a dict) for __new__/__init__
import sys
class Arg:
    pass
class Plain:
    def __init__(self, a, b=None):
        print("  __init__ sees a at", sys.getrefcount(a), "self at", sys.getrefcount(self))
class WithNew:
    def __new__(cls, a):
        print("  __new__ sees a at", sys.getrefcount(a))
        return super().__new__(cls)
    def __init__(self, a):
        print("  __init__ sees a at", sys.getrefcount(a))
def func(a, b=None):
    print("  a function sees a at", sys.getrefcount(a))
x = Arg()
print("outside:", sys.getrefcount(x))
func(x)
Plain(x)
Plain(x, b=1)
Plain(a=x)
WithNew(x)
class Failure(Exception):
    pass
args = (x, "why")
err = Failure(*args)
print(err.args == args, err.args is args, sys.getrefcount(x))
err2 = ValueError(x)
print(err2.args[0] is x, sys.getrefcount(x))
del err, err2
print("after:", sys.getrefcount(x))
