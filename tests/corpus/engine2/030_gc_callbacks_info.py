# gc.callbacks receive ('start', info) and ('stop', info) around every collection
import gc
gc.disable()
class C:
    pass
log = []
def cb(phase, info):
    log.append((phase, info['generation'], info['collected'], info['uncollectable']))
gc.collect()
gc.callbacks.append(cb)
a = C(); b = C(); a.o = b; b.o = a; del a, b
n0 = gc.collect(0)
n2 = gc.collect()
l = []; l.append(l); del l
n1 = gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
print("returned:", n0, n2, n1)
for entry in log:
    print(entry)
print("callbacks list empty again:", gc.callbacks == [])
