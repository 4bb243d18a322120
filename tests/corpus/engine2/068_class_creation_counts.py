# a class statement allocates a type, its dict, bases/MRO tuples, descriptors and a weakref in its base
import gc
import weakref
gc.disable()
class Warmup:
    pass
class Warmup2(Warmup):
    pass
gc.collect()
g0 = gc.get_count()[0]
class Plain:
    pass
plain = gc.get_count()[0] - g0
g0 = gc.get_count()[0]
class WithMethods:
    def one(self):
        return 1
    def two(self):
        return 2
methods = gc.get_count()[0] - g0
g0 = gc.get_count()[0]
class Sub(Plain):
    pass
sub = gc.get_count()[0] - g0
g0 = gc.get_count()[0]
class Sub2(Plain):
    x = 1
sub2 = gc.get_count()[0] - g0
print(plain, methods, sub, sub2)
print(weakref.getweakrefcount(Plain), weakref.ref(Plain) is weakref.getweakrefs(Plain)[0])
del Sub, Sub2
print("collected:", gc.collect(), weakref.getweakrefcount(Plain))
