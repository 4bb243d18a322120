# automatic collections with the default thresholds, observed through gc.callbacks
import gc
class C:
    pass
starts = []
def on_gc(phase, info):
    if phase == 'start':
        starts.append((len(keep), info['generation']))
keep = []
gc.collect()
gc.callbacks.append(on_gc)
for i in range(9000):
    keep.append(C())
gc.callbacks.remove(on_gc)
print("thresholds:", gc.get_threshold())
print("collections (instances appended before it started, generation):")
for entry in starts:
    print(" ", entry)
print("gaps between collections:", sorted(set(b[0] - a[0] for a, b in zip(starts, starts[1:]))))
