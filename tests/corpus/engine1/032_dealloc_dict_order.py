# a dict releases each key then its value, in insertion order; deleted entries leave the order
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return self is other
print("dict with object keys and values:")
d = {D('k1'): D('v1'), D('k2'): D('v2')}
del d
print("values only, insertion order kept after reassignment:")
d = {}
d['z'] = D('z')
d['a'] = D('a')
d['m'] = D('m')
d['z'] = D('z2')
print("  (z replaced above)")
del d
print("deleted then re-inserted key goes last:")
d = {'x': D('x'), 'y': D('y')}
del d['x']
d['x'] = D('x-again')
d.clear()
print("end")
