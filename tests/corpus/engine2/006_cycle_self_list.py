# lists that contain themselves, and two lists containing each other
import gc
import sys
gc.disable()
l = [1, 2]
l.append(l)
print(l, sys.getrefcount(l) - 1)
del l
print("self-referencing list collected:", gc.collect())
a = []
b = [a]
a.append(b)
print(a, b)
del a, b
print("two lists in a cycle:", gc.collect())
c = [[], []]
c[0].append(c)
c[1].append(c[0])
del c
print("three lists:", gc.collect())
