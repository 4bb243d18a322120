# augmented assignment on lists mutates in place; on tuples and ints it rebinds
import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
l = [D('l0')]
same = l
l += [D('l1')]
print("list += keeps identity:", l is same, len(same))
t = (D('t0'),)
old = t
t += (D('t1'),)
print("tuple += makes a new tuple:", t is old, len(t), len(old))
print("dropping the old tuple:")
del old
print("dropping the new tuple (last to first):")
t = None
n = 10 ** 20
m = n
n += 1
print("int += rebinds:", n is m, n - m)
s = ''.join(['ab'])
s2 = s
s += 'c'
print("str += rebinds:", s, s2, s is s2)
del l, same
print("end")
