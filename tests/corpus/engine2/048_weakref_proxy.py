# weakref.proxy forwards attribute access and raises ReferenceError once the referent is gone
import gc
import weakref
gc.disable()
class Target:
    def __init__(self, name):
        self.name = name
    def greet(self, who):
        return self.name + ' greets ' + who
    def __del__(self):
        print("  __del__", self.name)
t = Target('t')
p = weakref.proxy(t)
print(p.name, p.greet('you'), type(p).__name__, weakref.getweakrefcount(t))
p.extra = 42
print("set through the proxy:", t.extra)
del t
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    p.greet('again')
except ReferenceError as e:
    print("ReferenceError:", e)
u = Target('u')
q = weakref.proxy(u, lambda pr: print("  proxy callback"))
del u
print("end")
