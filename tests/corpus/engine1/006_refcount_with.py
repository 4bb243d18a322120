# 'with' keeps the manager's bound __exit__ on the stack until the block ends
import sys
class Manager:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name, sys.getrefcount(self))
        return self
    def __exit__(self, kind, value, tb):
        print("exit", self.name, sys.getrefcount(self), kind)
        return False
    def __del__(self):
        print("del", self.name)
with Manager('named') as m:
    print("in block:", sys.getrefcount(m))
print("after block:", sys.getrefcount(m))
del m
with Manager('anonymous'):
    print("block of an unnamed manager")
print("after second block")
class Other:
    def __enter__(self):
        return [1, 2]
    def __exit__(self, *exc):
        return False
with Other() as value:
    print("enter returned a new list:", sys.getrefcount(value), value)
