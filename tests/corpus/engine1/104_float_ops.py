# mixed int/float arithmetic, comparisons and conversions
x = 3
y = 2.0
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y)
print(type(x + y).__name__, type(x / 1).__name__, type(x // 1).__name__)
print(1 == 1.0, 1 < 1.5, -0.0 == 0.0, 2 ** 53 == 2.0 ** 53)
print(abs(-2.5), max(1, 2.5, 2), min(-1.5, -1), sum([0.1] * 10))
print(divmod(-7, 2.0), pow(2.0, 3), pow(4, 0.5))
print(f"{1/3:.5f} {2.5:e} {1234.5678:,.2f} {0.25:%}")
print(float(10 ** 20), int(2.5e3), round(1234.5678, -2), round(1234.5678, 1))
print((0.1).is_integer(), (2.0).is_integer())
print(str(-1.25), repr(1e-7), str(2.0), 5 / 2 * 2)
