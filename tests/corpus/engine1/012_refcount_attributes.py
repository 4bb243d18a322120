# attributes hold references; rebinding and deleting attributes release them
import sys
class Node:
    def __init__(self, value):
        self.value = value
payload = ['p']
n = Node(payload)
print("in __init__ stored:", sys.getrefcount(payload))
n.second = payload
print("second attribute:", sys.getrefcount(payload))
n.second = None
print("attribute rebound:", sys.getrefcount(payload))
m = Node(payload)
print("another node:", sys.getrefcount(payload))
del n.value
print("attribute deleted:", sys.getrefcount(payload), hasattr(n, 'value'))
m.link = n
print("node refers to node:", sys.getrefcount(n))
del m
print("referrer freed:", sys.getrefcount(n), sys.getrefcount(payload))
setattr(n, 'dyn', payload)
print("setattr:", sys.getrefcount(payload), getattr(n, 'dyn') is payload)
delattr(n, 'dyn')
print("delattr:", sys.getrefcount(payload))
