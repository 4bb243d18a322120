# WeakSet members disappear when they die by refcount or by collection
import gc
import weakref
gc.disable()
class M:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
ws = weakref.WeakSet()
a = M('a')
b = M('b')
c = M('c')
for m in (a, b, c):
    ws.add(m)
del m
print(len(ws), sorted(x.name for x in ws), a in ws)
del b
print("after del b:", sorted(x.name for x in ws))
c.me = c
del c
print("cycle member still listed:", sorted(x.name for x in ws))
gc.collect()
print("after collect:", sorted(x.name for x in ws))
ws.discard(a)
print("discarded:", len(ws))
del a
