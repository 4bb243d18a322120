# list, dict and set comprehensions with conditions, nesting and expressions
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print([c.upper() if c in 'aeiou' else c for c in 'education'])
print({k: len(k) for k in ['one', 'three', 'seven']})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print({n % 4 for n in range(10)}, sorted({w[:2] for w in ['alpha', 'also', 'beta']}))
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
x = 'outer x'
print([x for x in 'ab'], x)
print([y for y in []], {z: z for z in ()}, [a + b for a, b in [(1, 2), (3, 4)]])
print(sum([n for n in range(101) if n % 2]), len({i // 3 for i in range(30)}))
