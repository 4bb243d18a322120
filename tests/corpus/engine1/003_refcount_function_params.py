# parameters, locals and nested calls each hold one reference while their frame is active
import sys
def show(p):
    return sys.getrefcount(p)
def local_only():
    mine = {}
    return sys.getrefcount(mine)
def two_params(a, b):
    return sys.getrefcount(a), sys.getrefcount(b)
def outer(x):
    inner_count = show(x)
    return inner_count, sys.getrefcount(x)
g = ['global']
print("local in a function:", local_only())
print("global passed as parameter:", show(g))
print("temporary passed as parameter:", show(['temp']))
print("same object twice:", two_params(g, g))
print("nested calls:", outer(g))
print("keyword argument:", show(p=g))
print("after the calls:", sys.getrefcount(g))
