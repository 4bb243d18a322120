# exit order with gc disabled: finalizers first (newest first), then __del__ in creation order
import gc
import weakref
gc.disable()
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("C.__del__", self.name)
a = C('a')
b = C('b')
c = C('c')
c.child = C('c.child')
weakref.finalize(a, print, "finalize(a)")
weakref.finalize(c, print, "finalize(c)")
print("end of script")
