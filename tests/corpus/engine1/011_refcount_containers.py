# container slots: list, tuple, dict keys and values, set members, nested containers
import sys
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n
    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n
k = Key(1)
v = []
print("start:", sys.getrefcount(k), sys.getrefcount(v))
d = {k: v}
print("dict key and value:", sys.getrefcount(k), sys.getrefcount(v))
d[k] = v
print("same key stored again:", sys.getrefcount(k), sys.getrefcount(v))
d[Key(1)] = 'other'
print("equal key replaces only the value:", sys.getrefcount(k), sys.getrefcount(v))
s = {k}
s.add(k)
print("set member once:", sys.getrefcount(k))
t = (v, v, v)
print("tuple of three:", sys.getrefcount(v))
nested = [[v], (v,), {'v': v}]
print("nested containers:", sys.getrefcount(v))
del nested, t, s, d
print("all dropped:", sys.getrefcount(k), sys.getrefcount(v))
