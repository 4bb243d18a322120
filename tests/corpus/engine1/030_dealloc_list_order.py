# a list releases its items last to first, on del, clear(), slice clearing and rebinding
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
print("del of a list:")
items = [D('a0'), D('a1'), D('a2'), D('a3')]
del items
print("clear():")
items = [D('b0'), D('b1'), D('b2')]
items.clear()
print("slice assignment l[:] = []:")
items = [D('c0'), D('c1'), D('c2')]
items[:] = []
print("rebinding the only name:")
items = [D('d0'), D('d1')]
items = []
print("del of a middle slice:")
items = [D('e0'), D('e1'), D('e2'), D('e3')]
del items[1:3]
print("remaining:", [x.n for x in items])
del items
print("end")
