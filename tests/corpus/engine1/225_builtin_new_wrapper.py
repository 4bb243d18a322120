# super().__new__ in subclasses of built-ins reaches the built-in's own __new__ (tp_new_wrapper)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    def __repr__(self):
        return f"Point{tuple(self)}"
class Doubled(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
class Shout(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper() + "!")
class Bag(list):
    def __new__(cls, *items):
        return super().__new__(cls)
    def __init__(self, *items):
        super().__init__(items)
p = Point(3, 4)
print(p, p[0] + p[1], len(p), isinstance(p, tuple), Doubled(21), Shout("hi"), Bag(1, 2))
class Tagged(ValueError):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.tag = "new"
        return self
err = Tagged("bad", 7)
print(err.args, err.tag, "__new__" in vars(tuple), "__new__" in vars(ValueError), "__new__" in vars(Point))
for make in (lambda: int.__new__(str), lambda: tuple.__new__(5), lambda: object.__new__(dict),
             lambda: list.__new__()):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
print(float.__new__(float, "2.5"), tuple.__new__(Point, [1, 2]))
