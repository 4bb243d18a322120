# generators outside cycles close by refcount at once; gi_frame and getrefcount show what they hold
import gc
import sys
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def producer(n):
    items = [D('item' + str(i)) for i in range(n)]
    try:
        for it in items:
            yield it.name
    finally:
        print("  producer finally")
g = producer(3)
print(next(g), next(g))
print("frame locals:", sorted(g.gi_frame.f_locals))
print("dropping the suspended generator:")
g = None
print("generator expression over a list:")
src = [D('src0'), D('src1')]
ge = (d.name for d in src)
print(next(ge), "| src refs:", sys.getrefcount(src) - 1)
del src
print("list kept alive by the generator expression's iterator")
del ge
print("end")
