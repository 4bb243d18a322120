# gc.collect(generation): valid generations, ValueError for others, younger generations included
import gc
gc.disable()
gc.collect()
class N:
    pass
n = N(); n.me = n; del n
print("collect(0):", gc.collect(0))
n = N(); n.me = n; del n
print("collect(1):", gc.collect(1))
n = N(); n.me = n; del n
print("collect(2):", gc.collect(2))
for g in (-1, 3, 10):
    try:
        gc.collect(g)
    except ValueError as e:
        print(f"collect({g}): ValueError: {e}")
n = N(); n.me = n; gc.collect(0); del n
print("object promoted to gen1, collect(0) misses it:", gc.collect(0))
print("collect(1) finds it:", gc.collect(1))
print("keyword form:", gc.collect(generation=2))
