# "is" with a literal: the compiler's SyntaxWarning (after folding), shown before the run
n = 200 + 56
big = 1000
print(n is 256, big is 1000, n is not 256)
print(n is -5, n is 2 * 3, "ab" is "a" + "b", n is (1, 2), n is not ())
print(n is None, n is ..., n is not True, n is (not 1), n is (n,), n is f"{n}")
def check(v):
    return [x for x in (v, 300) if x is 300]
print(check(300))
words = ["abc", "xyz"]
try:
    print(words[0]["a"])
except TypeError as e:
    print(e)
try:
    print((1, 2)(3))
except TypeError as e:
    print(e)
try:
    print({1}[0])
except TypeError as e:
    print(e)
assert (n, "always true")
print("end")
