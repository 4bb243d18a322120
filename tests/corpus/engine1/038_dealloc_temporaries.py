# temporaries die at the end of the expression that consumed them
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
    def get(self):
        return self.n
print("expression statement:")
D('expr')
print("attribute of a temporary:")
print("  value", D('attr').n)
print("method of a temporary:")
name = D('meth').get()
print("  got", name)
print("temporary in a binary operation:")
total = len([D('x'), D('y')]) + len([D('z')])
print("  total", total)
print("argument of a builtin:")
print("  len", len([D('arg0'), D('arg1')]))
print("conditional expression:")
v = D('yes').n if True else D('no').n
print("  v", v)
print("end")
