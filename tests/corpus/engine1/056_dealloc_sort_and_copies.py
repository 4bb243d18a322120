# sorting, reversing and sorted() move or copy references but never free items
import sys
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return 'V(' + str(self.v) + ')'
    def __del__(self):
        print("  del", self.v)
vals = [V(3), V(1), V(2)]
vals.sort()
print("sorted in place:", vals)
vals.reverse()
print("reversed in place:", vals)
s = sorted(vals)
print("sorted copy:", s, "refcount of V(1):", sys.getrefcount(vals[2]) - 1)
r = list(reversed(vals))
print("reversed copy:", r)
print("dropping the copies:")
del s, r
print("dropping the original:")
del vals
print("end")
