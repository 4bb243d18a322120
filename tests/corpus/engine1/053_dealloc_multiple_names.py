# an object reachable by several names and containers dies when the last reference goes
import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
obj = D('shared')
a = obj
lst = [obj]
dct = {'o': obj}
print("references (minus the argument):", sys.getrefcount(obj) - 1)
del obj
print("del obj")
a = None
print("a = None")
lst.clear()
print("lst.clear()")
print("dct.pop('o') bound to t:")
t = dct.pop('o')
print("  t is the last reference:", sys.getrefcount(t) - 1)
del t
print("end")
