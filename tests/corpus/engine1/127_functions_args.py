# positional, default and keyword arguments; keyword-only and defaults evaluated once
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 20), f(1, c=30), f(c=30, a=10), f(1, 2, 3))
def kwonly(a, *, flag=False):
    return a, flag
print(kwonly(1), kwonly(1, flag=True))
def g(x, y):
    return x - y
print(g(10, 3), g(y=10, x=3))
def counter(start=[0]):
    start[0] += 1
    return start[0]
print(counter(), counter(), counter([10]), counter())
def no_return():
    x = 1
print(no_return())
def early(n):
    if n:
        return 'early'
    return
print(early(1), early(0))
def multi():
    return 1, 'two', [3]
print(multi(), type(multi()).__name__)
print(f.__name__, g.__name__, callable(f))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, y=3)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, z=3)
except TypeError as e:
    print("TypeError:", e)
