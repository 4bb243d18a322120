# enumerate and zip recycle their result tuple: the last items stay referenced until the next step
import sys
class Item:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  free item", self.n)
items = [Item(0), Item(1)]
base = sys.getrefcount(items[0])
for i, it in enumerate(items):
    print("enumerate", i, sys.getrefcount(it) - base)
for a, b in zip(items, reversed(items)):
    print("zip", a.n, b.n, sys.getrefcount(a) - base)
e = enumerate(items)
first = next(e)
print("kept pair:", sys.getrefcount(items[0]) - base)
second = next(e)
print("new tuple while the first is held:", first is not second)
del first, second
print("both released:", sys.getrefcount(items[0]) - base, sys.getrefcount(items[1]) - base)
def produce():
    for k in range(2, 5):
        yield Item(k)
for n, item in enumerate(produce()):
    print("got", item.n)
    del item
print("loop done")
pairs = zip(produce(), "ab")
print([(x.n, c) for x, c in pairs])
del pairs, e, it, a, b
print("drop the list")
del items
print("end")
