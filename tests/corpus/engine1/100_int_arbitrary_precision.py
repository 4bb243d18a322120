# ints have arbitrary precision: powers, big products, conversions, comparisons
a = 2 ** 100
print(a)
print(2 ** 64 - 1, -(2 ** 63))
b = 123456789012345678901234567890
c = 987654321098765432109876543210
print(b * c)
print(c - b, b - c)
print(c // b, c % b)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20])
print(2 ** 100 > 2 ** 99, 2 ** 100 == 1267650600228229401496703205376)
print(int('9' * 40) + 1)
print(-(10 ** 30) // 7, -(10 ** 30) % 7)
print(abs(-2 ** 70), hex(2 ** 70), 2 ** 70 >> 60, 1 << 90)
print((2 ** 100).bit_length(), (255).bit_length())
big = 10 ** 25
print(big * big == 10 ** 50, (big + 1) * (big - 1))
