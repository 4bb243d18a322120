# a method call keeps self on the stack; reading obj.meth creates a bound method holding obj
import sys
class Counter:
    def __init__(self):
        self.n = 0
    def count_self(self):
        return sys.getrefcount(self)
    def count_arg(self, other):
        return sys.getrefcount(other)
c = Counter()
print("baseline:", sys.getrefcount(c))
print("inside a method:", c.count_self())
print("argument of a method:", c.count_arg(c))
lst = []
lst.append(sys.getrefcount(lst))
print("list.append sees:", lst[0])
m = c.count_self
print("bound method stored:", sys.getrefcount(c), m.__self__ is c)
print("calling the stored bound method:", m())
print("two reads give two objects:", c.count_self is c.count_self, c.count_self == c.count_self)
del m
print("bound method deleted:", sys.getrefcount(c))
