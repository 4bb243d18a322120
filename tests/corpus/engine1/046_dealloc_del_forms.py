# del on names, several names, attributes, items and slices
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
class Box:
    pass
print("del a, b:")
a = D('a')
b = D('b')
del a, b
print("del box.attr:")
box = Box()
box.attr = D('attr')
del box.attr
print("del lst[1]:")
lst = [D('l0'), D('l1'), D('l2')]
del lst[1]
print("del lst[-1]:")
del lst[-1]
print("del dct['k']:")
dct = {'k': D('k')}
del dct['k']
print("del lst[:]:")
lst.extend([D('m1'), D('m2')])
del lst[:]
print("del of a name that is an alias:")
x = D('x')
y = x
del x
print("  x gone, y alive:", y.n)
del y
print("end")
