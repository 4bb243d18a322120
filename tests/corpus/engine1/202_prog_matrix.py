# matrices as lists of lists: transpose, multiply, identity, and aliasing pitfalls
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def transpose(m):
    return [list(row) for row in zip(*m)]
def multiply(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(transpose(a))
print(multiply(a, b))
print(multiply(identity(2), [[5, 6], [7, 8]]))
shared = [[0] * 3] * 2
shared[0][0] = 'x'
print("aliased rows:", shared, shared[0] is shared[1])
separate = [[0] * 3 for _ in range(2)]
separate[0][0] = 'x'
print("separate rows:", separate, separate[0] is separate[1])
power = identity(2)
step = [[1, 1], [1, 0]]
for _ in range(10):
    power = multiply(power, step)
print("fib via matrix power:", power[0][1])
print([[round(v / 3, 2) for v in row] for row in a])
