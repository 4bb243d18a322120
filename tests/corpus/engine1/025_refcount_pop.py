# pop() hands its reference to the expression: the item lives until the statement ends
import sys
class Item:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)
stack = [Item('bottom'), Item('middle'), Item('top')]
print("pop as a statement:")
stack.pop()
print("pop bound to a name:")
kept = stack.pop()
print("  kept:", kept.name, sys.getrefcount(kept))
print("pop inside an expression:", stack.pop().name)
print("rebinding kept:")
kept = None
d = {'a': Item('dict-a'), 'b': Item('dict-b')}
print("dict pop:", d.pop('a').name)
print("popitem statement:")
d.popitem()
print("end", len(stack), len(d))
