# your own objects move from generation 0 to 1 to 2 as they survive collections
import gc
gc.disable()
def gen_of(o):
    for g in range(3):
        if any(o is x for x in gc.get_objects(g)):
            return g
    return None
class C:
    pass
gc.collect()
a = C()
lst = [a]
print("new:", gen_of(a), gen_of(lst), "untracked int:", gen_of(5))
gc.collect(0)
print("after collect(0):", gen_of(a), gen_of(lst))
b = C()
print("b is young:", gen_of(b))
gc.collect(1)
print("after collect(1):", gen_of(a), gen_of(lst), gen_of(b))
c = C()
gc.collect(0)
print("c after collect(0):", gen_of(c), "a still:", gen_of(a))
gc.collect(2)
print("after full collect:", gen_of(a), gen_of(b), gen_of(c))
d = C()
print("d:", gen_of(d))
