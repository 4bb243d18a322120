# weak references to functions, lambdas, classes and bound methods
import gc
import weakref
gc.disable()
def f():
    return 'f called'
rf = weakref.ref(f)
print(rf()(), rf() is f)
lam = lambda: 'lambda called'
rl = weakref.ref(lam, lambda w: print("  lambda freed"))
print(rl()())
del lam
print("after del lam:", rl())
class K:
    def m(self):
        return 'method'
rk = weakref.ref(K)
k = K()
rm = weakref.ref(k.m, lambda w: print("  bound method object freed at once"))
print("bound method ref:", rm())
print(rk() is K, k.m())
del f
print("function deleted:", rf())
