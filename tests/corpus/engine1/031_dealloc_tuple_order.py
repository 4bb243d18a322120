# tuples also release last to first; a tuple shared by two names dies with the last one
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
print("tuple:")
t = (D('t0'), D('t1'), D('t2'))
del t
print("shared tuple:")
t = (D('s0'), D('s1'))
u = t
del t
print("  first name gone")
del u
print("tuple inside a list:")
l = [D('l0'), (D('l1a'), D('l1b')), D('l2')]
del l
print("end")
