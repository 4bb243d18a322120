# with gc disabled, objects alive at exit are finalized in creation order (no pre-exit collection)
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = D('a')
a.child = D('a.child')
lst = [D('lst[0]'), D('lst[1]')]
b = D('b')
d = {'k': D('d[k]')}
c = D('c')
print("end of script")
