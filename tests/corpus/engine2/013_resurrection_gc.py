# __del__ resurrecting objects during a collection: they survive and are not counted
import gc
gc.disable()
saved = []
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
        saved.append(self)
a = R('a')
b = R('b')
a.o = b
b.o = a
del a, b
print("collected:", gc.collect(), "saved:", [s.name for s in saved])
print("finalized flags:", [gc.is_finalized(s) for s in saved])
saved.clear()
print("after dropping them:", gc.collect(), "(no second __del__)")
c = R('only-one-resurrects')
c.me = c
del c
print("collected:", gc.collect(), len(saved))
saved.clear()
print("collected:", gc.collect())
