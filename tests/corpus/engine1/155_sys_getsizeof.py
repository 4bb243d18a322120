# sys.getsizeof of common objects (64-bit CPython 3.11 sizes)
import sys
gs = sys.getsizeof
print("int:", gs(0), gs(1), gs(2 ** 30 - 1), gs(2 ** 30), gs(2 ** 60), gs(10 ** 100), gs(-1))
print("bool/None/float:", gs(True), gs(None), gs(1.5))
print("str ascii:", gs(''), gs('a'), gs('hello'), gs('x' * 100))
print("str latin-1/ucs2/ucs4:", gs('é'), gs('éé'), gs('€'), gs('😀'))
print("tuple:", gs(()), gs((1,)), gs((1, 2, 3)))
x = y = z = 0
print("list:", gs([]), gs([x]), gs([x, y, z]), gs([None] * 10))
print("dict:", gs({}), gs({'a': 1}), gs({1: 1}), gs(dict(a=1, b=2)))
print("set:", gs(set()), gs({1, 2, 3}), gs(set(range(10))))
class Plain:
    pass
class Slotted:
    __slots__ = ('a', 'b', 'c')
print("instances:", gs(Plain()), gs(Slotted()), gs(object()))
def fn():
    pass
print("function/range:", gs(fn), gs(lambda: 0), gs(range(100)))
p = Plain()
p.a = [1] * 1000
print("getsizeof ignores referenced objects:", gs(p))
