# a traceback keeps the raising function's frame and its locals alive
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
def inner():
    local_inner = D('inner local')
    raise ValueError('deep')
def outer():
    local_outer = D('outer local')
    inner()
try:
    outer()
except ValueError:
    print("handler runs while both locals are alive")
print("after the handler")
keep = []
try:
    outer()
except ValueError as exc:
    keep.append(exc)
print("exception kept in a list")
print("the exception object is kept, so are both frames:", type(keep[0]).__name__)
keep.clear()
print("end")
