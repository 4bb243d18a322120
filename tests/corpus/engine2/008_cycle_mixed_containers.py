# a cycle through an instance, a list, a tuple and a dict
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
root = D('root')
root.children = [D('c0'), D('c1')]
root.children.append(({'back': root},))
print("path back to root:", root.children[2][0]['back'] is root)
del root
print("collected:", gc.collect())
x = D('x')
t = (x, [x])
x.t = t
del x, t
print("tuple + list + instance:", gc.collect())
