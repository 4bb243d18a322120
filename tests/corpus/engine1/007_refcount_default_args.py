# default values are stored once with the function and shared between calls
import sys
shared = []
def f(x=shared):
    return sys.getrefcount(x)
print("global name + stored default + parameter + argument:", f())
print("explicit argument instead:", f([]))
print("count of shared outside:", sys.getrefcount(shared))
def appender(item, into=[]):
    into.append(item)
    return into
a = appender(1)
b = appender(2)
print("mutable default is shared:", a, b, a is b)
print("default list refs (defaults, a, b, arg):", sys.getrefcount(a))
del b
print("after del b:", sys.getrefcount(a))
g = lambda q=shared: sys.getrefcount(q)
print("lambda default:", g())
del g
print("lambda deleted:", sys.getrefcount(shared))
