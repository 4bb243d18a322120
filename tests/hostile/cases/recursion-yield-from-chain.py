import sys
sys.setrecursionlimit(100000)
def g(n):
    if n:
        yield from g(n - 1)
    else:
        yield 1
print(list(g(90000)))
