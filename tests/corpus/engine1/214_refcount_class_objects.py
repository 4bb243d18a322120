# what refers to a class: its MRO, its __dict__/__weakref__ descriptors, slot members, subclasses
import sys
class Plain:
    pass
class Slotted:
    __slots__ = ('a', 'b')
class Child(Plain):
    pass
class Err(Exception):
    pass
class Num(int):
    pass
for cls in (Plain, Slotted, Child, Err, Num):
    own = [k for k in vars(cls) if k not in ('__module__', '__doc__', '__slots__')]
    print(cls.__name__, own, sys.getrefcount(cls), cls.__bases__[0].__name__)
print(Plain.__dict__['__dict__'], Plain.__dict__['__weakref__'], Slotted.a)
print(Plain.__doc__, Child.__doc__)
p = Plain()
p.x = 1
print(p.__dict__, p.__weakref__)
p.__dict__ = {'y': 2}
print(vars(p), p.y)
try:
    p.__dict__ = []
except TypeError as e:
    print(e)
del p.__dict__
print(vars(p))
Made = type('Made', (Plain,), {'z': 0})
print(Made.__module__, sorted(vars(Made)), Made.__bases__ == (Plain,))
print(sys.getrefcount(Plain))
del Child, Made
