# a __del__ that breaks its own cycle: the objects die by refcount and collect() returns 0
import gc
gc.disable()
class Breaker:
    def __del__(self):
        print("  Breaker.__del__ drops its link")
        self.link = None
class Other:
    def __del__(self):
        print("  Other.__del__")
a = Breaker()
b = Other()
a.link = b
b.link = a
del a, b
print("collected:", gc.collect())
c = Other()
d = Breaker()
c.link = d
d.link = c
del c, d
print("Other created first:", gc.collect())
