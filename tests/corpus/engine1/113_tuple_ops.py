# tuples: packing, indexing, slicing, count/index, comparison, immutability
t = 1, 2, 3
single = (5,)
print(t, single, type(single).__name__, (), len(()), (1) == 1)
print(t[0], t[-1], t[1:], t[::-1], t + (4,), t * 2)
print(t.count(2), t.index(3), 2 in t, (1, 2) < (1, 3), (1, 2, 3) == (1, 2, 3))
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
a, b, c = t
print(a + b + c, tuple('ab'), tuple([1, [2]]), tuple(range(3)))
print({(1, 2): 'pair'}[(1, 2)], {(1, 2), (1, 2)} == {(1, 2)})
try:
    {(1, [2]): 'unhashable key'}
except TypeError as e:
    print("TypeError:", e)
print(max((3, 'a'), (3, 'b')), sorted([(2, 'b'), (1, 'z'), (2, 'a')]))
