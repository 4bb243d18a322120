# a, b = b, a makes no tuple (BUILD_TUPLE + UNPACK_SEQUENCE become a SWAP); a constant tuple is loaded
import gc
gc.disable()
class Box:
    def __init__(self, v):
        self.v = v
a, b, c = Box(1), Box(2), Box(3)
gc.collect()
a, b = b, a
a, b, c = c, a, b
first = gc.get_count()
x, y = 1, 2
(p,) = (a,)
second = gc.get_count()
t = a, b
u, w = t
third = gc.get_count()
print(first, second, third, a.v, b.v, c.v, p is a, u is a, w is b)
def rotate(seq):
    out = []
    for i in range(len(seq) - 1):
        seq[i], seq[i + 1] = seq[i + 1], seq[i]
        out.append(seq[:])
    return out
print(rotate([1, 2, 3, 4]))
