# StopIteration from next(), iterators of builtins and a StopIteration inside a generator
it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration:", repr(e), e.value)
print(next(iter(''), 'empty default'), next(iter({}), None))
d = iter({'a': 1})
print(next(d), next(d, 'end'))
def bad_gen():
    yield 1
    raise StopIteration('escaped')
g = bad_gen()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)
def returns_value():
    return 'value'
    yield
try:
    next(returns_value())
except StopIteration as e:
    print("return value carried:", e.value, e.args)
r = iter(range(1))
print(list(r), list(r))
