# getweakrefcount/getweakrefs track live weakrefs and proxies; dead referents report 0
import gc
import weakref
gc.disable()
class C:
    pass
c = C()
print(weakref.getweakrefcount(c), weakref.getweakrefs(c))
r1 = weakref.ref(c)
r2 = weakref.ref(c, lambda w: None)
p = weakref.proxy(c)
print(weakref.getweakrefcount(c), len(weakref.getweakrefs(c)))
print("plain ref first in the list:", weakref.getweakrefs(c)[0] is r1)
del r2
print("after del r2:", weakref.getweakrefcount(c))
del c
print("after the referent died:", r1())
d = C()
refs = [weakref.ref(d, lambda w: None) for i in range(5)]
print(weakref.getweakrefcount(d))
refs.clear()
print(weakref.getweakrefcount(d))
print(weakref.getweakrefcount(5), weakref.getweakrefs([]))
