# a garbage cycle left at exit with gc disabled is still collected at shutdown, in creation order
import gc
gc.disable()
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
