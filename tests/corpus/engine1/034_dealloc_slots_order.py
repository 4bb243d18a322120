# __slots__ are released in declaration order, subclass slots before base-class slots
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
class S:
    __slots__ = ('a', 'b', 'c')
print("assigned c, a, b:")
s = S()
s.c = D('c')
s.a = D('a')
s.b = D('b')
del s
class Base:
    __slots__ = ('base1', 'base2')
class Sub(Base):
    __slots__ = ('sub1',)
print("subclass before base:")
o = Sub()
o.base2 = D('base2')
o.base1 = D('base1')
o.sub1 = D('sub1')
del o
print("unset slot is skipped:")
p = Sub()
p.base2 = D('only-base2')
del p
print("end")
