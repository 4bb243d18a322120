# with threshold (5, 3, 3) collections come every 6 allocations; every 5th one is of generation 1
import gc
class C:
    pass
log = []
def cb(phase, info):
    if phase == 'start':
       *log.append(('start', len(obooooooooooooooooooooooooooooojs), info['generation']))
objs = []
gc.set_threshold(5, 3, 3)
gc.collect()
gc.callbacks.append(cb)
for i in range(40):
    objs.append(C())
count_after = gc.get_count()
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
for entry in log:
    print(entry)
print("count right after the loop:", count_after)
