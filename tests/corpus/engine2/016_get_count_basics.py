# gc.get_count() after gc.collect() and after creating and freeing k instances
import gc
gc.disable()
class C:
    pass
keep = []
gc.collect()
print("after collect:", gc.get_count())
before = gc.get_count()[0]
for i in range(25):
    keep.append(C())
after_create = gc.get_count()[0]
keep.clear()
after_free = gc.get_count()[0]
print("25 instances created:", after_create - before)
print("and freed again:", after_free - after_create)
before = gc.get_count()[0]
s = 'not' * 100
n = 10 ** 50
f = 1.5 * 3
print("str/int/float do not count:", gc.get_count()[0] - before)
before = gc.get_count()[0]
a = C()
b = C()
c = C()
print("three instances bound to names:", gc.get_count()[0] - before)
for i in range(40):
    keep.append(C())
gc.collect()
print("after collect:", gc.get_count())
keep.clear()
del a, b, c
print("freeing after a collection never goes below zero:", gc.get_count())
