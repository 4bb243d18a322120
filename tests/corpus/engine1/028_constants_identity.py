# equal literals in one code object are one constant; separate code objects or runtime values are not
def from_function():
    return 123456789
a = 123456789
b = 123456789
print("same literal twice at module level:", a is b)
print("module literal vs function literal:", a is from_function(), a == from_function())
c = int('123456789')
print("runtime value vs literal:", a is c, a == c)
f = 2.5
g = 2.5
print("float literals:", f is g)
h = float('2.5')
print("runtime float:", f is h, f == h)
t1 = (1, 2, 3)
t2 = (1, 2, 3)
print("constant tuples:", t1 is t2)
t3 = tuple([1, 2, 3])
print("runtime tuple:", t1 is t3, t1 == t3)
