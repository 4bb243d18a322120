# gc.freeze moves every tracked object to the permanent generation; frozen cycles are never collected
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def in_any_generation(o):
    return any(o is x for g in range(3) for x in gc.get_objects(g))
gc.collect()
a = D('frozen-cycle')
a.me = a
gc.freeze()
print("count after freeze:", gc.get_count(), "frozen > 0:", gc.get_freeze_count() > 0)
print("frozen object in a generation:", in_any_generation(a))
del a
print("collect while frozen:", gc.collect())
b = D('young-cycle')
b.me = b
print("new object tracked normally:", in_any_generation(b))
del b
print("collect:", gc.collect())
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
print("collect finds the formerly frozen cycle:", gc.collect())
