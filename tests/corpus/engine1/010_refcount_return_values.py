# returned objects are handed over to the caller; the callee's locals are released at return
import sys
def make():
    fresh = [0] * 3
    return fresh
print("fresh return value used as argument:", sys.getrefcount(make()))
kept = make()
print("bound to a name:", sys.getrefcount(kept))
def passthrough(x):
    return x
print("passthrough of a global:", sys.getrefcount(passthrough(kept)))
def pair():
    a = []
    return a, a
p = pair()
print("a list in a returned tuple twice:", sys.getrefcount(p[0]))
x, y = pair()
print("after unpacking into x, y:", sys.getrefcount(x), x is y)
del p
print("tuple dropped:", sys.getrefcount(kept))
