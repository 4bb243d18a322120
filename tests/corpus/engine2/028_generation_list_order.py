# surviving a collection can reorder objects; the order decides __del__ order later
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def names(g):
    return [o.name for o in gc.get_objects(g) if type(o) is D]
gc.collect()
a = D('A')
b = D('B')
b.o = a
a.o = b
root = b
del a, b
print("gen0 order:", names(0))
gc.collect(0)
print("gen1 order after surviving collect(0):", names(1))
root = None
print("collected:", gc.collect())
x = D('X')
y = D('Y')
keep = [y, x]
gc.collect(0)
print("bound to global names (the globals dict is older), order kept:", names(1))
del x, y
print("freeing the list releases its items last to first:")
keep = None
print("end")
