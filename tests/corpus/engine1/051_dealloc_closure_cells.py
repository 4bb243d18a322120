# a closure keeps its cell (and so the captured object) alive until the last inner function dies
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
def make():
    captured = D('captured')
    not_captured = D('not captured')
    def inner():
        return captured.n
    return inner
print("calling make():")
fn = make()
print("make returned; inner sees", fn())
other = fn
del fn
print("one name deleted")
other = None
print("closure rebinding the captured variable:")
def make2():
    v = D('v1')
    def change():
        nonlocal v
        v = D('v2')
    return change
ch = make2()
ch()
print("after change()")
del ch
print("end")
