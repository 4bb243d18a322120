# several finalizers on one object, and finalizers of objects dying in a cycle
import gc
import weakref
gc.disable()
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
o = Obj('o')
weakref.finalize(o, print, "  finalizer 1 (registered first)")
weakref.finalize(o, print, "  finalizer 2")
weakref.finalize(o, print, "  finalizer 3 (registered last)")
print("refcount death:")
del o
a = Obj('a')
b = Obj('b')
a.o = b
b.o = a
weakref.finalize(a, print, "  finalizer of a")
weakref.finalize(b, print, "  finalizer of b")
del a, b
print("cycle death, collected:", gc.collect())
