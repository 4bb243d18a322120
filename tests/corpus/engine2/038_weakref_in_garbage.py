# a weakref that is itself part of the garbage never calls its callback
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
a.wr = weakref.ref(b, lambda w: print("  NEVER PRINTED"))
outside = weakref.ref(b, lambda w: print("  outside callback runs"))
del a, b
print("collected:", gc.collect())
print("outside() ->", outside())
