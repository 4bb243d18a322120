# garbage cycles are reclaimed by an automatic collection in the middle of a loop
import gc
class Cyc:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        events.append(('del', self.n))
class Plain:
    pass
events = []
def cb(phase, info):
    if phase == 'stop':
        events.append(('stop', info['generation'], info['collected']))
gc.set_threshold(20, 10, 10)
gc.collect()
gc.callbacks.append(cb)
for i in range(3):
    Cyc(i)
keep = []
for i in range(30):
    keep.append(Plain())
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(events)
