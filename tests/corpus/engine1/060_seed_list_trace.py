# the seed's list example retold: watch a list's count as names are added, rebound and deleted
import sys
class Traced(list):
    def __del__(self):
        print("  the list", list(self), "is freed")
numbers = Traced([1, 2, 3])
print(f"created {numbers}, refcount {sys.getrefcount(numbers) - 1}")
same = numbers
print(f"second name, refcount {sys.getrefcount(numbers) - 1}")
numbers = Traced([4, 5, 6])
print(f"numbers rebound to {numbers}; the old list still has {sys.getrefcount(same) - 1} reference")
print("deleting the last name of the first list:")
del same
print("first list gone; numbers is still", numbers)
print("deleting numbers:")
del numbers
print("end")
