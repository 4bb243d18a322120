# arithmetic operator precedence, unary operators and chained comparisons
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 10 - 4 - 3)
print(7 // 2 * 2 + 7 % 2, 2 * 3 % 4, -7 // 2 ** 1, +5, -(-5), ~5)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 < 2 > 0)
x = 5
print(0 <= x < 10, 0 <= x < 5, x != 4 != x, 1 < x <= 5 == 5.0)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2), calls)
calls.clear()
print(v(1) < v(2) < v(3), calls)
print('a' < 'b' <= 'b', [1] < [1, 0] < [2], (1, 'a') < (1, 'b'))
print(3 & 5 | 2 ^ 7, 1 + 2 << 1, 8 >> 1 + 1)
print(not 1 == 2, not (1 == 2) and 3, 1 if 0 else 2 if 0 else 3)
