# unpacking assignment including starred targets, nesting and for-loop targets
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = 'xyz'
print(x, y, z)
first, *middle, last = range(6)
print(first, middle, last)
*head, tail = [1]
print(head, tail)
one, *rest = 'ab'
print(one, rest)
(p, q), r = (1, 2), [3]
print(p, q, r)
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
m = n = []
m.append(1)
print(m, n, m is n)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(i, lst)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
