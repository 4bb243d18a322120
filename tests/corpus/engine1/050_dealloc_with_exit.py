# objects created by a with statement die when the block ends, unless bound by 'as'
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
class Manager:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("  enter", self.n)
        return D('resource of ' + self.n)
    def __exit__(self, exc_type, exc, tb):
        print("  exit", self.n)
        return False
    def __del__(self):
        print("  del manager", self.n)
print("with ... as r:")
with Manager('m1') as r:
    print("  body uses", r.n)
print("after the block, r still bound")
del r
print("with without as:")
with Manager('m2'):
    print("  body")
print("nested managers:")
with Manager('outer') as a, Manager('inner') as b:
    print("  body", a.n, b.n)
del a, b
print("end")
