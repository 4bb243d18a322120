# __del__ can resurrect an object; it is never called twice for the same object
graveyard = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
        graveyard.append(self)
p = Phoenix('bird')
print("del p:")
del p
print("resurrected:", [x.name for x in graveyard])
print("dropping it again:")
graveyard.clear()
print("no second __del__ call; graveyard size", len(graveyard))
q = Phoenix('second')
print("rebinding q:")
q = None
print("graveyard:", [x.name for x in graveyard])
graveyard.pop()
print("end")
