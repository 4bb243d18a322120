# the seed's Object A / Object B cycle: del does not free them; breaking the link by hand does
import sys
class MyClass:
    def __init__(self, name):
        self.name = name
        print(f"{self.name} created.")
    def __del__(self):
        print(f"{self.name} is being destroyed!")
obj_a = MyClass("Object A")
obj_b = MyClass("Object B")
obj_a.other = obj_b
obj_b.other = obj_a
print("refcounts with the cycle:", sys.getrefcount(obj_a) - 1, sys.getrefcount(obj_b) - 1)
print("del obj_a:")
del obj_a
print("  nothing destroyed; B still reaches A:", obj_b.other.name)
print("break the cycle: obj_b.other = None")
obj_b.other = None
print("del obj_b:")
del obj_b
print("end")
