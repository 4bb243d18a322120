# at exit, objects reachable only through a container come after the directly bound ones
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("exit del", self.name)
a = D('a')
items = [D('items[0]'), D('items[1]'), D('items[2]')]
b = D('b')
print("end of script")
