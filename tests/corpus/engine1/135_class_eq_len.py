# __eq__ and __len__: equality, !=, membership, truthiness and len()
class Vec:
    def __init__(self, *items):
        self.items = list(items)
    def __eq__(self, other):
        if not isinstance(other, Vec):
            return False
        return self.items == other.items
    def __len__(self):
        return len(self.items)
    def __repr__(self):
        return 'Vec' + repr(tuple(self.items))
a = Vec(1, 2)
b = Vec(1, 2)
c = Vec()
print(a == b, a != b, a is b, a == Vec(2, 1), a == (1, 2), a != 'x')
print(len(a), len(c), bool(a), bool(c), 'truthy' if c else 'empty')
print(a in [Vec(0), Vec(1, 2)], [a, c].index(Vec()), [a, b, c].count(Vec(1, 2)))
try:
    {a: 'vec key'}
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), p != Plain(), bool(p))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
