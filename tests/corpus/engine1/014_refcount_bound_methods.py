# a bound method object references both the instance and the function
import sys
class Greeter:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "hello " + self.name
    def __del__(self):
        print("del Greeter", self.name)
g = Greeter('ann')
print("instance alone:", sys.getrefcount(g))
methods = [g.hello, g.hello, g.hello]
print("three bound methods:", sys.getrefcount(g))
print("they are distinct objects:", methods[0] is methods[1], methods[0] == methods[1])
print("calling one:", methods[2]())
del g
print("name deleted; instance kept alive by bound methods")
methods.pop()
methods.pop()
print("two methods gone")
methods.pop()
print("end")
