# a ring of four instances built in a loop, and a ring in reverse creation order
import gc
gc.disable()
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
ring = [D('r' + str(i)) for i in range(4)]
for i in range(4):
    ring[i].next = ring[(i + 1) % 4]
del ring
print("collected:", gc.collect())
first = D('q0')
cur = first
for i in range(1, 4):
    cur.prev_made = D('q' + str(i))
    cur = cur.prev_made
cur.prev_made = first
del first, cur
print("collected:", gc.collect())
