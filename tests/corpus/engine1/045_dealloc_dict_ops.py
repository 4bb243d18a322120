# dict item replacement, deletion, pop and popitem free values at once
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
d = {'a': D('a1'), 'b': D('b1'), 'c': D('c1'), 'd': D('d1')}
print("d['a'] = D('a2'):")
d['a'] = D('a2')
print("del d['b']:")
del d['b']
print("d.pop('c') statement:")
d.pop('c')
print("d.popitem() statement (last inserted):")
d.popitem()
print("remaining keys:", list(d))
print("d.update(a=...):")
d.update(a=D('a3'))
print("d = {}:")
d = {}
print("end")
