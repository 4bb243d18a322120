# the seed's cycle left alone: unreachable after del, only the collection at interpreter exit frees it
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
print("after del obj_a: nothing printed")
del obj_b
print("after del obj_b: still nothing -- the two objects keep each other alive")
print("last statement of the script")
