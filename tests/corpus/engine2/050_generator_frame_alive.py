# a suspended generator keeps its frame's locals alive; finishing or closing it releases them
import gc
import sys
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def worker(arg):
    local = D('local of ' + arg.name)
    yield 1
    yield 2
param = D('param')
g = worker(param)
print("unstarted, param refs:", sys.getrefcount(param) - 1, "| suspended:", g.gi_suspended)
next(g)
print("suspended with locals:", sorted(g.gi_frame.f_locals), g.gi_suspended)
print("the generator is tracked by the collector:", gc.is_tracked(g))
for v in g:
    pass
print("finished; frame is", g.gi_frame, "| param refs:", sys.getrefcount(param) - 1)
del g, param
print("end")
