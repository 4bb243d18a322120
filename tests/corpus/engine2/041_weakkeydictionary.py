# WeakKeyDictionary entries vanish when their keys die; values are held strongly
import gc
import weakref
gc.disable()
class Key:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__ key", self.name)
class Val:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__ value", self.name)
meta = weakref.WeakKeyDictionary()
k1 = Key('k1')
k2 = Key('k2')
meta[k1] = Val('v1')
meta[k2] = Val('v2')
print(len(meta), meta[k1].name, k2 in meta)
del k1
print("after del k1:", len(meta), sorted(k.name for k in meta))
meta[k2] = Val('v2b')
print("value replaced")
del k2
print("empty:", len(meta))
