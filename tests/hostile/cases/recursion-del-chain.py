# each __del__ frees the next: the trashcan keeps this off the C stack
import sys
sys.setrecursionlimit(100000)
class D:
    def __init__(self, nxt):
        self.nxt = nxt
    def __del__(self):
        pass
x = None
for i in range(100000): x = D(x)
del x
print("done")
