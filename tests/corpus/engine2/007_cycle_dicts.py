# dicts in cycles: a dict holding itself, two dicts, and a dict-instance cycle
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
d = {}
d['self'] = d
print(d)
del d
print("self-referencing dict:", gc.collect())
p = {'name': 'p'}
q = {'name': 'q', 'other': p}
p['other'] = q
del p, q
print("two dicts:", gc.collect())
owner = D('owner')
owner.registry = {'owner': owner, 'child': D('child')}
del owner
print("instance <-> dict:", gc.collect())
