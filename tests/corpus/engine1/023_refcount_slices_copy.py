# slices and copies are new containers that reference the same items
import sys
a = ['a']
b = ['b']
lst = [a, b, a]
print("start:", sys.getrefcount(a), sys.getrefcount(b))
part = lst[0:2]
print("slice [0:2]:", sys.getrefcount(a), sys.getrefcount(b))
whole = lst[:]
print("full slice:", sys.getrefcount(a), whole == lst, whole is lst)
cp = lst.copy()
print("copy():", sys.getrefcount(a))
rev = lst[::-1]
print("reversed slice:", sys.getrefcount(a), rev[0] is a)
del part, whole, cp, rev
print("all copies gone:", sys.getrefcount(a), sys.getrefcount(b))
tup = tuple(lst)
print("tuple(lst):", sys.getrefcount(a))
doubled = lst * 2
print("lst * 2:", sys.getrefcount(a), len(doubled))
lst[1:2] = []
print("slice deleted from lst:", sys.getrefcount(b))
