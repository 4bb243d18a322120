# nested containers are torn down depth-first: each child subtree completes before the next
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
print("list of lists:")
l = [[D('0a'), D('0b')], [D('1a'), D('1b')], D('2')]
del l
print("dict of lists:")
d = {'p': [D('p0'), D('p1')], 'q': [D('q0'), D('q1')]}
del d
print("instances holding instances:")
top = D('top')
top.kid = D('kid')
top.kid.grandkid = D('grandkid')
top.sibling = D('sibling')
del top
print("tuple in dict in list:")
x = [{'t': (D('t0'), D('t1'))}, D('after')]
del x
print("end")
