# storing a caught exception in a local creates frame <-> traceback cycle that keeps locals alive
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def keeps_exception():
    local = D('local of keeps_exception')
    try:
        raise ValueError('kept')
    except ValueError as e:
        saved = e
    return 'returned'
print(keeps_exception())
print("function returned, local still alive in the cycle")
print("collected > 0:", gc.collect() > 0)
def drops_exception():
    local = D('local of drops_exception')
    try:
        raise ValueError('dropped')
    except ValueError as e:
        pass
    return 'returned'
print(drops_exception())
print("collected:", gc.collect())
