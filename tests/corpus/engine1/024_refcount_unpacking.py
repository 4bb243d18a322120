# tuple unpacking, swapping and starred targets move references around
import sys
x = ['x']
y = ['y']
a, b = x, y
print("a, b = x, y:", sys.getrefcount(x), sys.getrefcount(y))
a, b = b, a
print("swapped:", a is y, b is x, sys.getrefcount(x))
first, *rest = [x, y, x]
print("starred target:", sys.getrefcount(x), type(rest).__name__, len(rest))
*init, last = (x, y)
print("starred first:", init[0] is x, last is y)
p = q = r = x
print("chained assignment:", sys.getrefcount(x))
del p, q, r, first, rest, init, last
print("cleaned up:", sys.getrefcount(x), sys.getrefcount(y))
(m, n), o = (x, y), x
print("nested:", m is x, n is y, sys.getrefcount(x))
