# an exception in a weakref callback is reported on stderr and ignored
import weakref
class C:
    pass
def bad_callback(wr):
    print("  callback runs, then raises")
    raise ValueError("raised in weakref callback")
c = C()
r = weakref.ref(c, bad_callback)
del c
print("execution continues; r() is", r())
