# range objects: lazy sequences with len, indexing, slicing, membership
r = range(10)
print(r, list(r), len(r))
print(list(range(2, 8)), list(range(0, 20, 5)), list(range(5, 0, -1)), list(range(0)))
print(list(range(10, 0, -3)), list(range(-5, -1)), len(range(0, 100, 7)))
print(r[3], r[-1], r[2:5], list(r[::2]), r[::-1])
print(5 in r, 10 in r, 3 in range(0, 10, 2), range(0) == range(2, 2))
print(sum(range(101)), max(range(7)), min(range(3, 9)))
print(range(1, 10, 2).index(7), range(1, 10, 2).count(4))
for i in range(3):
    print("step", i)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
