# which types support weak references, and the exact TypeError for those that do not
import weakref
class Plain:
    pass
class Slotted:
    __slots__ = ('x',)
class SlottedWeak:
    __slots__ = ('x', '__weakref__')
class MyList(list):
    pass
class MyInt(int):
    pass
class MyTuple(tuple):
    pass
def fn():
    pass
samples = [1, 2.5, 'text', True, None, [], {}, (), object(), set(), frozenset(), fn, Plain,
           Plain(), Slotted(), SlottedWeak(), MyList(), MyInt(3), MyTuple(), range(2), len]
for val in samples:
    try:
        weakref.ref(val)
        print(f"{type(val).__name__:20} ok")
    except TypeError as e:
        print(f"{type(val).__name__:20} TypeError: {e}")
