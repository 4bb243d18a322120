# list over-allocation and dict growth seen through sys.getsizeof
import sys
def cap(l):
    return (sys.getsizeof(l) - 56) // 8
l = []
seen = [cap(l)]
for i in range(100):
    l.append(i)
    if cap(l) != seen[-1]:
        seen.append(cap(l))
print("append capacities:", seen)
print("list(range(n)) capacities:", [cap(list(range(n))) for n in range(6)])
print("[x]*n capacities:", [cap([0] * n) for n in range(6)])
m = [0] * 40
del m[15:]
print("after shrinking 40 -> 15:", cap(m))
d = {}
sizes = [sys.getsizeof(d)]
for i in range(30):
    d[i] = i
    if sys.getsizeof(d) != sizes[-1]:
        sizes.append(sys.getsizeof(d))
print("dict sizes with int keys:", sizes)
d.clear()
print("after clear:", sys.getsizeof(d))
s = set()
print("set:", sys.getsizeof(s), end=' ')
s.update(range(5))
print(sys.getsizeof(s))
