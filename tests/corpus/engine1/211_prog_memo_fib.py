# memoisation with a dict closure versus plain recursion; big-int results
def make_memo(fn_body):
    cache = {}
    def memo(n):
        if n not in cache:
            cache[n] = fn_body(memo, n)
        return cache[n]
    return memo, cache
def fib_body(self, n):
    return n if n < 2 else self(n - 1) + self(n - 2)
fib, cache = make_memo(fib_body)
print(fib(10), fib(90), len(cache))
print(fib(300))
calls = [0]
def slow_fib(n):
    calls[0] += 1
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(15), "calls:", calls[0])
print(sorted(cache)[:5], max(cache), cache[50])
print(f"{fib(80):,}", len(str(fib(300))))
