# gc.get_stats(): per-generation collections and collected totals, as differences
import gc
gc.disable()
class C:
    pass
def snapshot():
    return [(s['collections'], s['collected'], s['uncollectable']) for s in gc.get_stats()]
gc.collect()
before = snapshot()
a = C(); a.me = a; del a
gc.collect(0)
b = C(); c = C(); b.o = c; c.o = b; del b, c
gc.collect(1)
l = []; l.append(l); del l
gc.collect(2)
gc.collect(0)
after = snapshot()
for g in range(3):
    print("generation", g, "delta:", tuple(x - y for x, y in zip(after[g], before[g])))
