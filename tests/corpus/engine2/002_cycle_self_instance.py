# an instance that references itself survives del and is reclaimed by the collector
import gc
import sys
gc.disable()
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
n = Node('self-loop')
n.me = n
print("refcount with self reference:", sys.getrefcount(n) - 1)
del n
print("after del: nothing happened")
print("collected:", gc.collect())
m = Node('self-loop in list')
m.items = [1, m]
del m
print("collected:", gc.collect())
