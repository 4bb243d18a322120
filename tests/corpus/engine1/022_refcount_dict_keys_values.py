# dict operations: setdefault, update, get, pop, popitem, copy and their effect on counts
import sys
val = ['v']
key = ''.join(['k', 'e', 'y'])
d = {}
d[key] = val
print("stored:", sys.getrefcount(key), sys.getrefcount(val))
got = d.get(key)
print("get bound to a name:", sys.getrefcount(val))
del got
d.setdefault(key, [])
print("setdefault on existing key:", sys.getrefcount(val))
e = d.copy()
print("shallow copy:", sys.getrefcount(key), sys.getrefcount(val))
e.update({key: None})
print("update replaced value in the copy:", sys.getrefcount(val))
popped = d.pop(key)
print("popped and bound:", sys.getrefcount(val), len(d))
del popped
e[key] = val
k2, v2 = e.popitem()
print("popitem:", k2 is key, v2 is val, sys.getrefcount(val))
del k2, v2
print("end:", sys.getrefcount(key), sys.getrefcount(val), e, d)
