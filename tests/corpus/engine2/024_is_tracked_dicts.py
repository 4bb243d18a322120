# dicts are untracked until a container is stored; only a full collection untracks them again
import gc
gc.disable()
d = {}
print("empty:", gc.is_tracked(d))
d['n'] = 1
d['s'] = 'str'
print("atomic values:", gc.is_tracked(d))
d['l'] = []
print("after storing a list:", gc.is_tracked(d))
del d['l']
print("after deleting it:", gc.is_tracked(d))
gc.collect(0)
print("after collect(0):", gc.is_tracked(d))
gc.collect(1)
print("after collect(1):", gc.is_tracked(d))
gc.collect(2)
print("after collect(2):", gc.is_tracked(d))
print("literal with a list:", gc.is_tracked({'k': []}), "with a tuple of atomics:", gc.is_tracked({'k': (1, 2)}))
e = {(1, 2): 'tuple key'}
print("tuple key:", gc.is_tracked(e))
class C:
    pass
c = C()
c.x = 1
print("materialized instance dict of atomics:", gc.is_tracked(c.__dict__))
