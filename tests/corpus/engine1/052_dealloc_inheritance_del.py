# __del__ is inherited and looked up on the type; a subclass may chain to the base's __del__
class Base:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  Base.__del__", self.n)
class Child(Base):
    def __del__(self):
        print("  Child.__del__", self.n)
        super().__del__()
class Quiet(Base):
    pass
print("Child:")
c = Child('c')
del c
print("Quiet inherits Base.__del__:")
q = Quiet('q')
del q
print("list of mixed objects:")
mixed = [Base('b1'), Child('c1'), Quiet('q1')]
del mixed
print("isinstance checks:", isinstance(Child('tmp'), Base), issubclass(Quiet, Base))
print("end")
