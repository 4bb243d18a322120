# when exactly popped and removed items die
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
l = [D('0'), D('1'), D('2'), D('3')]
print("pop(0) statement:")
l.pop(0)
print("remove via del l[0]:")
del l[0]
print("pop into a name, then rebind:")
x = l.pop()
print("  x =", x.n)
x = l.pop()
print("  x =", x.n)
print("list.remove:")
l.append(D('4'))
l.remove(l[0])
print("remaining:", l)
print("rebinding x:")
x = 0
print("end")
