# global and nonlocal rebinding release the old value immediately
import sys
class Tag:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)
current = Tag('g1')
def replace_global(name):
    global current
    current = Tag(name)
    print("  inside, new global count:", sys.getrefcount(current))
print("replace global:")
replace_global('g2')
print("now:", current.name)
def outer():
    held = Tag('n1')
    def swap():
        nonlocal held
        held = Tag('n2')
    print("swap nonlocal:")
    swap()
    print("held is", held.name)
outer()
print("after outer")
current = None
print("end")
