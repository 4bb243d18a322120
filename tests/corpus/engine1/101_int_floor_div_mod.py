# floor division and modulo round toward negative infinity; divmod agrees
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3)]:
    print(a, b, "//:", a // b, "%:", a % b, "divmod:", divmod(a, b))
print("true division:", 7 / 2, -7 / 2, 6 / 3, 1 / 3)
print("big negative:", -(2 ** 70) // 3, -(2 ** 70) % 3)
print("mod of big by small:", (10 ** 40 + 7) % 10, (10 ** 40) // (10 ** 38))
print("floats:", 7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print("divmod floats:", divmod(7.5, 2), divmod(-1.5, 1))
print("identity holds:", all((a // b) * b + a % b == a for a in range(-9, 10) for b in (-4, -3, 3, 4)))
