# the seed's list trace in other words: two names, a reassignment, then del, with counts and a destructor
import sys
class Tracked(list):
    def __del__(self):
        print("  freed:", list(self))
first = Tracked([10, 20, 30])
print("start:", first, sys.getrefcount(first))
second = first
print("shared by two names:", sys.getrefcount(first), first is second)
first = Tracked([40, 50, 60])
print("first rebound:", first, second, sys.getrefcount(second), sys.getrefcount(first))
print("about to delete second")
del second
print("second deleted; first still", first)
first = None
print("end")
