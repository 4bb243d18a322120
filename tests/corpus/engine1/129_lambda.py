# lambdas as values, as sort keys, with defaults, returning lambdas
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: 'no args')())
pairs = [(1, 'one'), (3, 'three'), (2, 'two')]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x + 1, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])
make_mul = lambda n: lambda x: x * n
triple = make_mul(3)
print(triple(5), make_mul(2)(8))
print(square.__name__, (lambda *a, **k: (a, k))(1, z=2))
