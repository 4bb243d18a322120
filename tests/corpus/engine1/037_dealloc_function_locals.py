# at return a frame releases parameters first, then locals in order of first appearance
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
def f(p1, p2):
    z = D('local z')
    a = D('local a')
    print("  body done")
print("call with two temporaries:")
f(D('param 1'), D('param 2'))
print("returned")
def g():
    late = None
    early = D('early')
    late = D('late')
    early2 = early
    return 'result'
print("g:", g())
def h(keep):
    tmp = D('tmp in h')
    return keep
r = h(D('returned param'))
print("h returned", r.n)
del r
print("end")
