# classes: __init__, methods, instance and class attributes, attribute lookup order
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
q = p.moved(1, -1)
print(p, q, p.norm2(), Point.norm2(q))
print(p.dims, Point.dims, p.__class__.__name__, type(p).__name__)
p.dims = 3
print(p.dims, q.dims, Point.dims)
Point.dims = 'class-level'
print(p.dims, q.dims)
print(sorted(p.__dict__), hasattr(p, 'z'), getattr(p, 'z', 'missing'))
p.z = 5
print(sorted(p.__dict__), p.z)
class Empty:
    pass
e = Empty()
print(type(e).__name__, isinstance(e, object), e.__class__ is Empty)
print(Point.__name__, Point.moved.__name__, callable(Point), callable(p))
