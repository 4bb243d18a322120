# instance attributes are released in insertion order after the instance's own __del__
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
class Holder:
    def __init__(self):
        self.third = None
        self.first = D('first')
        self.second = D('second')
        self.third = D('third')
print("attributes set in __init__ (third inserted first, as None):")
h = Holder()
del h
print("attributes added later:")
class Bag:
    pass
b = Bag()
b.y = D('y')
b.x = D('x')
b.w = D('w')
del b.x
b.x = D('x2')
del b
print("owner with its own __del__:")
class Owner:
    def __del__(self):
        print("  del Owner, child still there:", self.child.n)
o = Owner()
o.child = D('child')
del o
print("end")
