# objects stored as class attributes live as long as the class attribute binding
import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
class Registry:
    default = D('class default')
    items = []
r1 = Registry()
r2 = Registry()
print("shared through instances:", r1.default is r2.default, r1.items is Registry.items)
r1.items.append(D('registered'))
print("visible via r2:", [x.n for x in r2.items])
r1.default = D('instance override')
print("r1 shadows, r2 sees class value:", r1.default.n, r2.default.n)
print("del r1.default:")
del r1.default
print("  r1 sees class value again:", r1.default.n)
print("replace class attribute:")
Registry.default = D('new class default')
print("clear class list:")
Registry.items.clear()
del Registry.default
print("end", hasattr(r2, 'default'))
