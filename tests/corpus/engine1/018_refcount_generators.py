# a generator keeps its arguments and locals alive while suspended
import sys
data = ['d']
def gen(a):
    local = a
    yield sys.getrefcount(a)
    yield sys.getrefcount(a)
g = gen(data)
print("created, not started:", sys.getrefcount(data))
print("first next inside:", next(g))
print("suspended, outside:", sys.getrefcount(data))
print("second next inside:", next(g))
print("exhausted:", next(g, 'done'), sys.getrefcount(data))
g2 = gen(data)
next(g2)
print("another one suspended:", sys.getrefcount(data))
g2.close()
print("after close:", sys.getrefcount(data))
del g, g2
print("end:", sys.getrefcount(data))
