# locals() in a function returns the frame's one dict, refreshed each call, holding the values
import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
def probe():
    x = D("x")
    print("before locals():", sys.getrefcount(x))
    snap = locals()
    print("after locals():", sys.getrefcount(x), sorted(snap))
    y = 1
    print("not refreshed yet:", sorted(snap))
    again = locals()
    print("same dict:", again is snap, sorted(snap))
    del x
    print("x deleted, the dict still holds it")
    locals()
    print("refreshed:", sorted(snap))
    return "probe done"
print(probe())
def worker():
    keep = D("keep")
    scratch = D("scratch")
    yield 1
    del scratch
    yield 2
g = worker()
next(g)
print(sorted(g.gi_frame.f_locals))
next(g)
print("closing the generator")
g.close()
def failing(arg=D("default")):
    local = D("local")
    raise ValueError("kept by the traceback")
f = failing
try:
    f()
except ValueError as e:
    saved = e
del failing, f
print("dropping the exception")
del saved
print("end")
