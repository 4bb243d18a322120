# import sys and from-import forms; the module object and its attributes
import sys
from sys import getrefcount
from sys import getsizeof as size_of
import sys as system
print(system is sys, getrefcount is sys.getrefcount, size_of is sys.getsizeof)
print(type(sys).__name__, sys.__name__, callable(getrefcount))
l = []
print(getrefcount(l), size_of(l))
def inner_import():
    import sys
    from sys import getrecursionlimit
    return sys.getrecursionlimit() == getrecursionlimit()
print(inner_import())
print(sys is system, getrefcount(sys) > 1)
try:
    from sys import no_such_name
except ImportError as e:
    print("ImportError:", e)
print(hasattr(sys, 'getrefcount'), hasattr(sys, 'not_there'))
