# sys.getsizeof of an instance's __dict__: split tables sized by the class's shared keys
import sys
size = sys.getsizeof
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(size(p), size(p.__dict__), sorted(vars(p)))
q = Point(3, 4)
print(size(q.__dict__), size(p.__dict__))
p.z = 5
print(size(p.__dict__), size(Point(0, 0).__dict__))
class Crowd:
    pass
people = [Crowd() for _ in range(40)]
print(size(people[0].__dict__))
for c in people[:3]:
    c.name = "n"
    c.age = 1
print(size(people[0].__dict__), size(people[1].__dict__), size(people[2].__dict__))
bag = Crowd()
d = bag.__dict__
d["first"] = 1
print(size(d))
class Wide:
    pass
w = Wide()
wd = w.__dict__
for i in range(32):
    wd["k" + str(i)] = i
print(size(wd), len(wd), size({}), size({"a": 1}))
d.clear()
print(size(d))
