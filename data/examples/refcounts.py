# Reference counts
#
# Every value lives on the heap as an object, and every name, list slot or
# argument that points at it is one reference. sys.getrefcount() reports the
# count, plus one for the reference its own argument holds while it runs.
import sys

shopping = ["eggs", "milk"]
print("one name:", sys.getrefcount(shopping) - 1)

basket = shopping           # a second name for the same list, not a copy
print("two names:", sys.getrefcount(shopping) - 1)
print("same object?", basket is shopping)

pantry = [shopping, shopping]   # each slot of a list is a reference too
print("two names and two slots:", sys.getrefcount(shopping) - 1)


def count_inside(items):
    # While the call runs, the parameter 'items' adds one more reference.
    return sys.getrefcount(items) - 1


print("during a call:", count_inside(shopping))

pantry.clear()
print("after emptying the pantry:", sys.getrefcount(shopping) - 1)

basket.append("bread")      # a change through one name shows through the other
print(shopping)
