# a ring of three instances, entered through any member, is collected as a whole
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name, "-> next is", self.next.name)
x = D('x')
y = D('y')
z = D('z')
x.next = y
y.next = z
z.next = x
entry = y
del x, y, z
print("ring still reachable through 'entry':", gc.collect())
entry = None
print("collected:", gc.collect())
