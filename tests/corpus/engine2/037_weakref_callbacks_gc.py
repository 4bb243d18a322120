# GC death: weakref callbacks run before any __del__, and the referent is already unreachable
import gc
import weakref
gc.disable()
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
a = C('a')
b = C('b')
a.o = b
b.o = a
ra = weakref.ref(a, lambda w: print("  callback for a, w() ->", w()))
rb = weakref.ref(b, lambda w: print("  callback for b, w() ->", w()))
del a, b
print("before collect, ra() alive:", ra() is not None)
print("collected:", gc.collect())
print("after:", ra(), rb())
