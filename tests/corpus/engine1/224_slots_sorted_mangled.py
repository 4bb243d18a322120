# __slots__ are stored sorted and mangled: member order, layout and release order follow the sort
class Item:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  release", self.name)
class Record:
    __slots__ = ('zeta', 'alpha', '__secret', 'mid')
    def __init__(self):
        self.zeta = Item("zeta")
        self.alpha = Item("alpha")
        self.__secret = Item("secret")
        self.mid = Item("mid")
    def secret(self):
        return self.__secret.name
r = Record()
print(r.secret(), Record.__slots__)
print([k for k in vars(Record) if k not in ('__module__', '__doc__', '__slots__', '__init__', 'secret')])
print(Record._Record__secret)
class Child(Record):
    __slots__ = ('beta', 'able')
c = Child.__new__(Child)
c.beta, c.able = Item("beta"), Item("able")
print("drop r")
del r
print("drop c")
del c
print("end")
