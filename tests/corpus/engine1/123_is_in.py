# identity with 'is' versus equality; membership tests on every container type
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b, c is not a)
print(id(a) == id(c), id(a) == id(b))
print(2 in a, 3 in a, 2 in (1, 2), 'k' in {'k': 1}, 1 in {'k': 1}, 3 in {1, 3}, 'el' in 'hello')
class Always:
    def __eq__(self, other):
        return True
x = Always()
print(x == 5, x in [5], x is not None, [x] == [1])
nan = float('nan')
box = [nan]
print(nan == nan, nan in box, box == [nan], box.count(nan))
print(None in [0, False, ''], 0 in [False], 1 in [True])
print([1, 2] in [[1, 2], [3]], (1, 2) in {(1, 2): 'x'})
print(type(a) is list, type(True) is bool, type(1) is not bool)
