# a two-object cycle still bound to globals at exit, next to a plain object
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("exit del", self.name)
x = D('x')
y = D('y')
x.partner = y
y.partner = x
z = D('z')
print("end of script")
