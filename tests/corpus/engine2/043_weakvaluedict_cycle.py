# a cyclic value stays in a WeakValueDictionary until the collector frees it
import gc
import weakref
gc.disable()
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
registry = weakref.WeakValueDictionary()
n = Node('cyclic')
n.me = n
registry['n'] = n
p = Node('plain')
registry['p'] = p
del n, p
print("after del:", sorted(registry))
print("collected:", gc.collect())
print("after collect:", sorted(registry))
