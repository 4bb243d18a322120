# rebinding a name frees the old value during the store, after the new value exists
class D:
    def __init__(self, n):
        self.n = n
        print("  new", n)
    def __del__(self):
        print("  del", self.n)
print("x = D('old'); x = D('new'):")
x = D('old')
x = D('new')
print("self-referencing rebinding x = D(x.n + '+'):")
x = D(x.n + '+')
print("swap via tuple assignment:")
a = D('A')
b = D('B')
a, b = b, a
print("  a is", a.n, "b is", b.n)
print("a = b (A loses its last name):")
a = b
print("del a, b, x:")
del a, b
del x
print("end")
