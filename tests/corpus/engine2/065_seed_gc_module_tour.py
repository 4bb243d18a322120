# the seed's gc module tour in our own words: counts after a collection and a manual collect
import gc
gc.disable()
class Temp:
    pass
objs = []
gc.collect()
after_collect = gc.get_count()
for i in range(3):
    objs.append(Temp())
after_three = gc.get_count()
cycle = []
cycle.append(cycle)
del cycle
found = gc.collect()
after_manual = gc.get_count()
print("generation counts after a collection:", after_collect)
print("three instances later (plus the tuple returned above):", after_three)
print("manual collection found", found, "object(s)")
print("counts reset:", after_manual)
print("Garbage collection manually triggered.")
