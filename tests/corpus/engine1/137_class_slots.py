# __slots__ restrict attributes; no __dict__; unset slots raise AttributeError
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, 'y'), hasattr(p, '__dict__'))
p.y = 2
print(p.x + p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    P(0).y
except AttributeError as e:
    print("AttributeError:", e)
del p.y
print(hasattr(p, 'y'))
class Q(P):
    __slots__ = ('z',)
q = Q(5)
q.z = 6
print(q.x, q.z, isinstance(q, P))
class Open(P):
    pass
o = Open(7)
o.anything = 'allowed'
print(o.anything, hasattr(o, '__dict__'))
print(P.__slots__, Q.__slots__)
