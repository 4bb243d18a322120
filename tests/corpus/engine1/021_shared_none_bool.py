# None, True and False are singletons; their counts change by one per reference (differences only)
import sys
# all measurements first: printing itself may touch None's count the first time
before = sys.getrefcount(None)
slots = [None, None, None]
d_three = sys.getrefcount(None) - before
slots = [1, 2, 3]
d_replaced = sys.getrefcount(None) - before
t0 = sys.getrefcount(True)
flags = [True, 1 < 2]
d_true = sys.getrefcount(True) - t0
del flags
d_true_released = sys.getrefcount(True) - t0
print("three list slots:", d_three)
print("list replaced:", d_replaced)
print("True stored twice:", d_true)
print("and released:", d_true_released)
print("None is None:", None is None, type(None).__name__)
print("bool results are the singletons:", (3 > 2) is True, (3 < 2) is False, bool(0) is False)
def nothing():
    pass
print("a function without return gives None:", nothing() is None)
e = ()
print("empty tuple shared:", tuple() is e, tuple([]) is e)
s = ''.join([])
print("empty str shared:", s is str(), len(s))
