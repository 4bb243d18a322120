# a weak reference does not keep its referent alive and returns None once it is gone
import gc
import sys
import weakref
gc.disable()
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
o = C('o')
before = sys.getrefcount(o)
r = weakref.ref(o)
print("refcount unchanged:", sys.getrefcount(o) == before, "| r() is o:", r() is o)
print("getweakrefcount:", weakref.getweakrefcount(o), "| getweakrefs == [r]:", weakref.getweakrefs(o) == [r])
print("same plain ref returned again:", weakref.ref(o) is r)
strong = r()
print("a strong reference from r():", sys.getrefcount(o) - before)
del strong
print("deleting o:")
del o
print("r() now:", r(), "| weakref type:", type(r).__name__)
print("dead refs compare by identity:", r == r, r == weakref.ref(C('temp')))
