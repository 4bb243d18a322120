# a two-instance cycle: finalizer order follows creation order, not deletion order
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
a = D('A')
b = D('B')
a.peer = b
b.peer = a
del b
del a
print("A created first, deleted last:")
print(" collected", gc.collect())
b = D('B2')
a = D('A2')
a.peer = b
b.peer = a
del a, b
print("B2 created first:")
print(" collected", gc.collect())
