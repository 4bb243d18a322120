# generator functions: suspension at yield, local state, return value in StopIteration
def count_up(limit):
    print("  generator starts")
    n = 0
    while n < limit:
        print("  yielding", n)
        yield n
        n += 1
    print("  generator finishes")
    return 'done'
g = count_up(2)
print("created")
print("next ->", next(g))
print("next ->", next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print("next on exhausted:", next(g, 'default'))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def pairs(seq):
    for i in range(len(seq) - 1):
        yield seq[i], seq[i + 1]
print(list(pairs('abcd')), dict(pairs([1, 2, 3])))
print(list(count_up(0)))
