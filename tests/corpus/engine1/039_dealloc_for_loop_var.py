# the for variable keeps the last item; the iterated temporary list dies when the loop ends
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
print("loop over a temporary list:")
for x in [D('i0'), D('i1'), D('i2')]:
    print("  visit", x.n)
print("after loop, x is", x.n)
del x
print("loop with break:")
for y in [D('b0'), D('b1'), D('b2')]:
    if y.n == 'b1':
        break
print("after break, y is", y.n)
y = None
print("loop variable rebound each time, items not kept:")
for i in range(3):
    z = D('z' + str(i))
print("after while-like loop, z is", z.n)
del z
print("end")
