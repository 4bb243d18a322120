# a function that refers to itself through its closure cell forms a cycle with the cell
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def make():
    payload = D('payload')
    def recurse(n):
        return payload.name if n == 0 else recurse(n - 1)
    return recurse
f = make()
print(f(3))
print("cell contents is the function itself:", any(c.cell_contents is f for c in f.__closure__))
del f
print("function deleted; collecting:")
print("collected:", gc.collect())
