# del on names, attributes, items and slices, and the errors when the target is missing
x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
class C:
    pass
c = C()
c.a = 1
c.b = 2
del c.a
print(hasattr(c, 'a'), c.b)
try:
    del c.a
except AttributeError as e:
    print("AttributeError:", e)
l = list(range(10))
del l[0], l[-1]
print(l)
del l[2:5]
print(l)
del l[::2]
print(l)
d = {'k': 1, 'j': 2}
del d['k']
print(d)
try:
    del d['k']
except KeyError as e:
    print("KeyError:", e)
try:
    del l[10]
except IndexError as e:
    print("IndexError:", e)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("NameError:", e)
def f():
    v = 1
    del v
    return v
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
