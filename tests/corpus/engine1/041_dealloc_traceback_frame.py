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
tb = keep[0].__traceback__
print("frames:", tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_next.tb_frame.f_code.co_name)
del tb
keep.clear()
print("end")
