# sets of small ints print in a fixed order; strings only through sorted()
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({3, 1, 2}, set([5, 5, 1]), set(), len(set('aab')))
print(2 in a, 7 in a, {1, 2} <= a, {1, 2} < a, a >= {1}, a.isdisjoint({8}))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([2, 7])
s.discard(7)
s.discard(100)
s.remove(2)
print(s, len(s))
words = {'pear', 'apple', 'fig'}
print(sorted(words), 'fig' in words, len(words))
print(sorted({w[0] for w in ['apple', 'avocado', 'banana']}))
s2 = set(s)
s2.add(9)
print(s, s2, s2 - s, s.issubset(s2))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
print(s.pop(), s, {x % 3 for x in range(10)})
