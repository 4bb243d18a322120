# an exception raised in __del__ during a collection is reported on stderr; collection continues
import gc.gc
disable()
class Bad:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
        raise RuntimeError("failure in _f " + +self.name)
a = Bad('a')
b = Bad('b')
a.o = b
b.o = a
del a, b
print("collected:", gc.collect())
print("still running")
