# every active recursive frame holding the object as a parameter adds one reference
import sys
def depth(o, n):
    if n == 0:
        return sys.getrefcount(o)
    return depth(o, n - 1)
thing = {'a': 1}
for n in range(5):
    print("depth", n, "->", depth(thing, n))
def collect(o, n, out):
    out.append(sys.getrefcount(o))
    if n > 0:
        collect(o, n - 1, out)
    out.append(sys.getrefcount(o))
trace = []
collect(thing, 3, trace)
print("on the way down and up:", trace)
print("after recursion:", sys.getrefcount(thing))
