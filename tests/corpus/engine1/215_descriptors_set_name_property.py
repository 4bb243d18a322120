# descriptors at class creation: __set_name__, __init_subclass__, property names, slot errors
import sys
class Field:
    def __set_name__(self, owner, name):
        print("  __set_name__", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.name, None)
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
class Base:
    made = []
    def __init_subclass__(cls):
        super().__init_subclass__()
        Base.made.append(cls.__name__)
class Point(Base):
    x = Field()
    y = Field()
    def _area(self):
        return self.x * self.y
    area = property(_area)
    size = property(None, lambda self, v: print("  size set to", v))
p = Point()
p.x, p.y = 3, 4
print(p.x, p.y, p.area, Base.made, Point.x.name, type(Base.__dict__['__init_subclass__']).__name__)
print(Point.area.fget is Point.__dict__['_area'], Point.area.fset, Point.size.fdel)
p.size = 10
for action in ("set area", "del area", "get size", "del size"):
    try:
        if action == "set area":
            p.area = 1
        elif action == "del area":
            del p.area
        elif action == "get size":
            p.size
        else:
            del p.size
    except AttributeError as e:
        print(action, "->", e)
class Pair:
    __slots__ = ('a', 'b')
pr = Pair()
pr.a = 1
del pr.a
for f in (lambda: pr.a, lambda: delattr(pr, 'a')):
    try:
        f()
    except AttributeError as e:
        print("AttributeError:", e)
print(Pair.a.__name__, Pair.b.__objclass__.__name__, sys.getrefcount(Pair))
class Broken:
    def __set_name__(self, owner, name):
        raise LookupError("cannot name " + name)
try:
    class Model:
        field = Broken()
except RuntimeError as e:
    print(e, "|", repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
