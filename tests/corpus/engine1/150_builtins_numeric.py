# numeric builtins: abs round divmod pow sum min max hex int float bool
print(abs(-3), abs(2.5), abs(-0.0), abs(True))
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(1234, -2), type(round(2.7)).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(5.5, 2))
print(pow(3, 4), pow(3, 4, 5), pow(2, -2), pow(2.0, 0.5), pow(10, -1))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1, 0.2]), sum([]), sum([[1], [2]], []))
print(min(4, 2, 8), max('apple', 'pear', 'fig'), min([3, 1], key=lambda v: -v), max([], default='none'))
print(min('hello'), max(range(5)), min((2, 'b'), (2, 'a')), max([1, 5, 3], key=lambda v: v % 3))
print(hex(0), hex(17), hex(-17), int('0o17', 8), int('z', 36), int(' -12 '))
print(float('inf') > 10 ** 300, float(' 1e-3 '), bool(0.0), bool('False'))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    int('12a')
except ValueError as e:
    print("ValueError:", e)
try:
    float('abc')
except ValueError as e:
    print("ValueError:", e)
