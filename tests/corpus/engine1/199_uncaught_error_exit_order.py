# uncaught error: the traceback keeps the failing frames' locals alive until exit; they die before globals
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def level2():
    inner = D('level2 local')
    raise IndexError('from level2')
def level1():
    outer = D('level1 local')
    level2()
temp = D('global')
print("calling")
level1()
