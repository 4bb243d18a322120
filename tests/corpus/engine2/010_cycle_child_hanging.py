# non-cycle objects reachable only from a cycle are finalized in the same pass as the cycle
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
a.child = D('A.child')
a.child.grandchild = D('A.child.grandchild')
b.items = [D('B.items[0]'), D('B.items[1]')]
del a, b
print("collected:", gc.collect())
