# refcount death: __del__ runs first, then weakref callbacks, newest weakref first
import gc
import weakref
gc.disable()
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def make_cb(tag):
    def cb(wr):
        print("  callback", tag, "| referent:", wr())
    return cb
x = C('x')
r1 = weakref.ref(x, make_cb('r1 (first)'))
r2 = weakref.ref(x, make_cb('r2 (second)'))
r3 = weakref.ref(x, make_cb('r3 (third)'))
print("refs with callbacks are distinct:", r1 is not r2, weakref.getweakrefcount(x))
print("del x:")
del x
y = C('y')
ry = weakref.ref(y, make_cb('never printed'))
print("the weakref dies first:")
del ry
del y
print("callback receives the weakref object itself:")
z = C('z')
holder = []
rz = weakref.ref(z, lambda w: holder.append(w is rz))
del z
print(" ", holder)
