# for loops with break, continue, else and nested loops
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for ch in 'abcdef':
    if ch in 'bd':
        continue
    if ch == 'f':
        break
    print("char", ch)
else:
    print("not printed: loop was broken")
for x in []:
    print("never")
else:
    print("else after an empty loop")
total = 0
for i, v in enumerate([10, 20, 30], start=1):
    total += i * v
print("total", total)
for k in {'z': 1, 'y': 2}:
    print("key", k)
for row in [[1, 2], [3, 4]]:
    for cell in row:
        print(cell, end=' ')
print()
