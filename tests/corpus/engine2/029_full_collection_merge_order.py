# a full collection scans generation 2, then 0, then 1: finalizers follow that order
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
gc.collect()
p = D('P (gen2)')
p.me = p
gc.collect(1)
q = D('Q (gen1)')
q.me = q
gc.collect(0)
r = D('R (gen0)')
r.me = r
del p, q, r
print("collected:", gc.collect())
s = D('S (gen1)')
s.me = s
gc.collect(0)
t = D('T (gen0)')
t.me = t
del s, t
print("collect(1) merges gen0 after gen1:", gc.collect(1))
