# gc.collect() called while a collection is running does nothing and returns 0
import gc
gc.disable()
results = []
def cb(phase, info):
    if phase == 'start':
        results.append(('nested collect', gc.collect()))
gc.collect()
class C:
    pass
c = C()
c.me = c
del c
gc.callbacks.append(cb)
outer = gc.collect()
gc.callbacks.remove(cb)
print(results, "outer:", outer)
