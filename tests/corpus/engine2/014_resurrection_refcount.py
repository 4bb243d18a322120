# resurrection on the refcount path, observed with gc.is_finalized
import gc
gc.disable()
keep = []
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
        keep.append(self)
r = R('r')
print("before:", gc.is_finalized(r))
del r
print("resurrected:", keep[0].name, "finalized:", gc.is_finalized(keep[0]))
keep.clear()
print("freed silently")
p = R('plain')
print(gc.is_finalized(p), gc.is_finalized(1), gc.is_finalized([]))
keep.append(p)
del p
print("still alive in keep, never finalized:", gc.is_finalized(keep[0]))
keep.pop()
keep.clear()
print("end")
