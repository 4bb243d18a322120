# A reference cycle and the garbage collector
#
# Two objects that point at each other keep each other's count above zero,
# so deleting our names does not free them. The cyclic garbage collector
# finds such islands; gc.collect() runs it now instead of later.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        print(self.name, "is collected")


gc.disable()                    # keep automatic collections out of the way

left = Node("left")
right = Node("right")
left.partner = right            # left -> right
right.partner = left            # right -> left: a cycle

del left
del right
print("names deleted, but the pair still keeps itself alive")

found = gc.collect()
print("gc.collect() found", found, "unreachable objects")
gc.enable()
