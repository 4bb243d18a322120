# slice assignment and deletion: which items die and in which order
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
def names(l):
    return [x.n for x in l]
l = [D('a'), D('b'), D('c'), D('d'), D('e')]
print("replace l[1:3] with one new item:")
l[1:3] = [D('X')]
print(" ", names(l))
print("del l[::2] (extended slice):")
del l[::2]
print(" ", names(l))
print("l[0] = new item:")
l[0] = D('Y')
print(" ", names(l))
print("l *= 0:")
l *= 0
print(" ", names(l))
print("end")
