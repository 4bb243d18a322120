# DEBUG_SAVEALL keeps unreachable objects in gc.garbage instead of freeing them
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = D('saved')
a.me = a
del a
print("collect:", gc.collect())
print("garbage:", [type(o).__name__ for o in gc.garbage], gc.garbage[0].name)
gc.set_debug(0)
print("debug flags:", gc.get_debug())
gc.garbage.clear()
print("after clearing gc.garbage, the object is a cycle again:", gc.collect())
print("garbage:", gc.garbage)
