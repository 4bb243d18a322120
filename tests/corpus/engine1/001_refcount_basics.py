# getrefcount of a fresh list as names, list slots, attributes and dict values come and go
import sys
data = [1, 2, 3]
print("one name:", sys.getrefcount(data))
alias = data
print("two names:", sys.getrefcount(data))
holder = [data, data, data]
print("plus three list slots:", sys.getrefcount(data))
del alias
print("alias deleted:", sys.getrefcount(data))
holder.pop()
print("one slot popped:", sys.getrefcount(data))
holder = None
print("holder dropped:", sys.getrefcount(data))
class Box:
    pass
b = Box()
b.content = data
print("attribute:", sys.getrefcount(data))
table = {'x': data, 'y': data}
print("two dict values:", sys.getrefcount(data))
del table['x']
print("one dict entry removed:", sys.getrefcount(data))
del b.content
print("attribute deleted:", sys.getrefcount(data))
print("temporary list:", sys.getrefcount([4, 5]))
print("temporary instance:", sys.getrefcount(Box()))
