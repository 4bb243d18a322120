# finalizers of objects still alive at exit run (atexit=True) before module teardown
import weakref
class C:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("C.__del__", self.name)
first = C('first')
second = C('second')
third = C('third')
weakref.finalize(first, print, "finalize(first) at exit")
f2 = weakref.finalize(second, print, "finalize(second): never printed")
f2.atexit = False
weakref.finalize(third, print, "finalize(third) at exit")
print("end of script")
