# *args builds a tuple and **kwargs a dict that hold their own references
import sys
obj = ['payload']
def star(*args):
    return sys.getrefcount(args[0]), len(args)
def kw(**kwargs):
    return sys.getrefcount(kwargs['k'])
def both(a, *rest, **named):
    return sys.getrefcount(a), len(rest), sorted(named)
print("*args:", star(obj))
print("*args same object three times:", star(obj, obj, obj))
print("**kwargs:", kw(k=obj))
print("mixed:", both(obj, 1, 2, x=3, y=4))
def defaults_and_star(a, b=obj, *rest):
    return sys.getrefcount(b), rest
print("default plus empty *rest:", defaults_and_star(1))
print("*rest gets the extra argument:", defaults_and_star(1, 2, obj)[1] == (obj,))
print("finally:", sys.getrefcount(obj))
