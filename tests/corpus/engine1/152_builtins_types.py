# type, isinstance, issubclass, callable, str/int/float/bool/repr conversions
print(type(1).__name__, type(1.0).__name__, type('').__name__, type([]).__name__, type(()).__name__)
print(type({}).__name__, type(set()).__name__, type(None).__name__, type(range(1)).__name__, type(len).__name__)
print(type(type).__name__, type(int) is type, type(lambda: 0).__name__)
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance('a', (int, str)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(ValueError, Exception))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(callable(len), callable(print), callable(42), callable(int), callable(lambda: 1))
print(str(10), str(1.0), str([1, 'a']), repr('a'), repr([1, 'a']), str(-0))
print(int('7') + int(7.9) + int(True), float('2') + float(1), bool([]), bool([[]]))
print(list((1,)), tuple([1]), dict([(1, 2)]), set([1, 1]), object().__class__.__name__)
class A:
    pass
class B(A):
    pass
print(isinstance(B(), A), type(B()) is A, type(B()).__name__, issubclass(B, (int, A)))
print(B.__name__, A.__name__, isinstance(B(), object))
