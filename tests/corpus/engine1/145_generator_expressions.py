# generator expressions are lazy, single-use and can be passed directly to functions
g = (x * 2 for x in range(4))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in ['a', 'abc', 'ab']))
print(any(c.isdigit() for c in 'abc1'), all(n > 0 for n in [1, 2, -3]))
log = []
def noisy(n):
    log.append(n)
    return n
lazy = (noisy(i) for i in range(5))
print("created, log:", log)
print("first:", next(lazy), "log:", log)
print("rest:", list(lazy), "log:", log)
pairs = ((a, b) for a in 'xy' for b in (1, 2) if b != a)
print(list(pairs))
nums = [1, 2, 3]
doubled = (n * 2 for n in nums)
nums.append(4)
print(list(doubled))
print(sorted((n % 3, n) for n in range(6)), tuple(c for c in 'hi'))
