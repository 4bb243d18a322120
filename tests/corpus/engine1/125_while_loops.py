# while loops with break, continue and else
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n =", n)
else:
    print("while ended normally")
i = 10
while True:
    i -= 3
    if i < 0:
        print("break at", i)
        break
else:
    print("never printed")
a, b = 0, 1
fib = []
while a < 100:
    fib.append(a)
    a, b = b, a + b
print(fib)
k = 0
while k < 0:
    print("never")
else:
    print("else runs when the condition is false at once")
