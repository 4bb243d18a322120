# the seed's Object A / Object B cycle: destructors run only when gc.collect() finds the cycle
import gc
gc.disable()
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
del obj_a
del obj_b
print("both names deleted, no destructor ran")
print("count before collecting:", gc.get_count()[0] > 0)
found = gc.collect()
print("gc.collect() returned", found)
print("a second collection finds nothing:", gc.collect())
print("Garbage collection manually triggered.")
