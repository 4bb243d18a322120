# small ints are shared objects: visible through 'is' and refcount differences only
import sys
a = int('100')
b = int('100')
print("100 computed twice is the same object:", a is b)
c = int('1000')
d = int('1000')
print("1000 computed twice:", c is d, c == d)
print("-5 and -6:", int('-5') is int('-5'), int('-6') is int('-6'))
print("256 and 257:", int('256') is int('256'), int('257') is int('257'))
before = sys.getrefcount(42)
x = 42
y = 42
d_two = sys.getrefcount(42) - before
del x
d_one = sys.getrefcount(42) - before
del y
print("two names add:", d_two, "; one removed:", d_one)
print("big int fresh object:", sys.getrefcount(c))
n = 7
m = n + 0
print("arithmetic result in the cache:", m is n)
n20 = int('20')
big = 10 ** n20
other = 10 ** n20
print("big computed twice:", big is other, big == other)
