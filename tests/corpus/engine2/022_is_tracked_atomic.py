# which objects the collector tracks at all
import gc
it = gc.is_tracked
class C:
    pass
class S:
    __slots__ = ('a',)
def f():
    pass
print("atomic:", it(0), it(10 ** 30), it(2.5), it('text'), it(True), it(None), it(range(5)), it(object()))
print("containers:", it([]), it([1]), it(set()), it({1}), it(frozenset([1])))
print("instances and callables:", it(C()), it(S()), it(f), it(lambda: 0), it(C), it(len))
print("bound method:", it(C().__init__), it([].append))
print("exception:", it(ValueError('x')))
def g():
    yield 1
print("generator and iterators:", it(g()), it(iter([1])), it(iter(range(3))))
class MyInt(int):
    pass
class MyStr(str):
    pass
print("subclasses of atomics:", it(MyInt(1)), it(MyStr('s')))
