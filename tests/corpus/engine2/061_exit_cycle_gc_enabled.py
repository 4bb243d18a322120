# with gc enabled, an unreachable cycle is collected by the pre-shutdown collection, before live objects
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
live = D('live (created first)')
x = D('x')
y = D('y')
x.o = y
y.o = x
del x, y
later = D('later')
print("end of script")
