# WeakValueDictionary entries vanish when their values die by refcount
import gc
import weakref
gc.disable()
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
cache = weakref.WeakValueDictionary()
a = Obj('a')
b = Obj('b')
cache['a'] = a
cache['b'] = b
cache['temp'] = Obj('temp')
print("temporary value vanished at once:", sorted(cache))
print(len(cache), cache['a'].name, cache.get('zz'), 'b' in cache)
del a
print("after del a:", sorted(cache))
try:
    cache['a']
except KeyError as e:
    print("KeyError:", e)
b2 = cache['b']
del b
print("still held by b2:", sorted(cache))
b2 = None
print("empty:", sorted(cache), len(cache))
