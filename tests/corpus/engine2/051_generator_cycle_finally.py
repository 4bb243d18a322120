# a suspended generator in a reference cycle is closed by the collector: its finally block runs
import gc
gc.disable()
class Holder:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def gen(h):
    try:
        yield 'first'
        yield 'second'
    finally:
        print("  finally in generator of", h.name)
h = Holder('h')
h.g = gen(h)
print(next(h.g))
del h
print("cycle h -> generator -> frame -> h, collecting:")
print("collected:", gc.collect())
k = Holder('k')
k.g = gen(k)
del k
print("never started generator in a cycle (no finally), collected:", gc.collect())
