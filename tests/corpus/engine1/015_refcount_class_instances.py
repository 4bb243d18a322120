# every instance references its class; measured as differences only
import sys
class Plain:
    pass
class Child(Plain):
    pass
base = sys.getrefcount(Plain)
objs = [Plain() for i in range(5)]
print("five instances add:", sys.getrefcount(Plain) - base)
c = Child()
print("subclass instance adds to Plain:", sys.getrefcount(Plain) - base)
cbase = sys.getrefcount(Child)
more = [Child(), Child()]
print("two Child instances add to Child:", sys.getrefcount(Child) - cbase)
del objs
print("list of instances dropped:", sys.getrefcount(Plain) - base)
alias = Plain
print("a name bound to the class:", sys.getrefcount(Plain) - base)
del alias, more
print("back to Child baseline:", sys.getrefcount(Child) - cbase)
print(type(c) is Child, type(c).__name__, c.__class__.__name__)
