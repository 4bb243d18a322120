# a cycle reachable from a live object is not garbage; cutting the link makes it collectable
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
anchor = D('anchor')
a = D('a')
b = D('b')
a.peer = b
b.peer = a
anchor.hold = a
del a, b
print("reachable cycle:", gc.collect())
print("anchor still reaches", anchor.hold.name, anchor.hold.peer.name)
anchor.hold = None
print("link cut, nothing freed by refcounting")
print("collected:", gc.collect())
print("anchor itself is fine:", anchor.name)
del anchor
print("end")
