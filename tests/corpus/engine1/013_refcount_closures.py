# closure variables live in cells shared by the inner functions
import sys
def make_pair():
    data = []
    def push(x):
        data.append(x)
    def size():
        return len(data)
    return push, size, data
push, size, data = make_pair()
print("cell + name + argument:", sys.getrefcount(data))
push(1)
push(2)
print("size via closure:", size(), data)
print("both closures share one cell:", size() == len(data))
del push
print("one closure deleted:", sys.getrefcount(data))
del size
print("both closures deleted:", sys.getrefcount(data))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())
