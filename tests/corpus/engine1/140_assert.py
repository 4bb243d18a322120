# assert with and without a message, and the AssertionError it raises
x = 5
assert x == 5
assert x > 0, "x must be positive"
print("asserts passed")
try:
    assert x < 0, "x must be negative, got " + str(x)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert x == 6
except AssertionError as e:
    print("AssertionError with no message:", repr(e), e.args)
try:
    assert [], ['message', 'is', 'a', 'list']
except AssertionError as e:
    print("args:", e.args)
def check(v):
    assert isinstance(v, int), f"not an int: {v!r}"
    return v * 2
print(check(4))
try:
    check('4')
except AssertionError as e:
    print("AssertionError:", e)
