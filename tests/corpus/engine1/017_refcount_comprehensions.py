# comprehension variables are local to a hidden function and vanish afterwards
import sys
o = ['o']
print("list comprehension:", [sys.getrefcount(x) for x in [o]])
print("over a global list:", [sys.getrefcount(x) for x in (o,)])
print("dict comprehension:", {k: sys.getrefcount(o) for k in range(1)})
print("set comprehension:", {sys.getrefcount(y) for y in [o]})
print("generator expression:", list(sys.getrefcount(z) for z in [o]))
try:
    x
except NameError as e:
    print("NameError:", e)
copies = [o for i in range(4)]
print("four slots:", sys.getrefcount(o))
del copies
print("after del:", sys.getrefcount(o))
