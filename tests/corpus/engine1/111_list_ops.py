# list operations: indexing, slicing, concatenation, repetition, comparison, membership
l = [3, 1, 4, 1, 5, 9, 2, 6]
print(l[0], l[-1], l[2:5], l[::3], l[::-1], l[-2:])
print(l + [0], [0] * 3, [[0]] * 2, len(l), 4 in l, 7 not in l)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
m = l[:]
m[0] = 100
m[1:3] = ['a', 'b', 'c']
print(m, l[:3])
m[::2] = [0] * len(m[::2])
print(m)
nested = [[1, 2], [3, 4]]
print(nested[1][0], [row[1] for row in nested], sum(nested, []))
alias = nested[0]
alias.append(99)
print(nested)
print(list('abc'), list(range(3)), list((1, 2)), list({'k': 1}), list())
print(min(l), max(l), sum(l), sorted(l), sorted(l, reverse=True))
