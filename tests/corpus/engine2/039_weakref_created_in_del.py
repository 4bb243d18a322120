# weakrefs created inside __del__: their callbacks still run when the object is finally freed
import gc
import weakref
gc.disable()
refs = []
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
        refs.append(weakref.ref(self, lambda w, n=self.name: print("  callback of the ref made in __del__ of", n)))
print("refcount path:")
c = C('c')
r = weakref.ref(c, lambda w: print("  pre-existing callback"))
del c
print("  ref made in __del__ is dead:", refs[0]() is None, "| old one:", r())
refs.clear()
print("gc path:")
d = C('d')
d.me = d
r = weakref.ref(d, lambda w: print("  pre-existing callback"))
del d
print("  collected:", gc.collect())
print("  ref made in __del__ is dead:", refs[0]() is None)
refs.clear()
