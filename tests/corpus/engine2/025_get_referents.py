# gc.get_referents: list/tuple items last to first, dict keys and values, instance attributes then class
import gc
inner = [1, 2]
outer = [inner, 'x', 3]
print(gc.get_referents(outer))
print(gc.get_referents((1, 'a', inner)))
print(gc.get_referents({'k': inner, 'j': 5}))
print(gc.get_referents(1), gc.get_referents('s'), gc.get_referents(None))
class P:
    pass
p = P()
p.a = inner
p.b = 'bee'
print([type(r).__name__ for r in gc.get_referents(p)])
print(gc.get_referents(p)[0] is inner, gc.get_referents(p)[-1] is P)
class S:
    __slots__ = ('x', 'y')
s = S()
s.y = 'why'
s.x = 'ex'
print([r if isinstance(r, str) else type(r).__name__ for r in gc.get_referents(s)])
print(len(gc.get_referents(outer, inner)), sorted(gc.get_referents({3, 1, 2})))
