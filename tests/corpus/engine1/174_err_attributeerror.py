# AttributeError messages for instances, classes, modules, builtins and None
import sys
def show(thunk):
    try:
        thunk()
    except AttributeError as e:
        print("AttributeError:", e)
class Thing:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
t = Thing()
show(lambda: t.nothing)
show(lambda: Thing.nothing)
show(lambda: None.upper())
show(lambda: (5).append(1))
show(lambda: [].push(1))
show(lambda: 'x'.foo)
show(lambda: sys.not_an_attribute)
show(lambda: delattr(t, 'cls_attr'))
def set_on_int():
    n = 1
    n.extra = 2
show(set_on_int)
def set_on_object():
    o = object()
    o.x = 1
show(set_on_object)
class Slots:
    __slots__ = ('a',)
show(lambda: Slots().a)
show(lambda: setattr(Slots(), 'b', 1))
print(getattr(t, 'nothing', 'fallback'), hasattr(None, 'x'))
