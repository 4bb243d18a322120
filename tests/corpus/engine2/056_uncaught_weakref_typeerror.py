# uncaught TypeError: lists cannot be weakly referenced
import weakref
class Box:
    pass
r = weakref.ref(Box())
print("weakref to a temporary instance is dead at once:", r() is None)
data = [1, 2, 3]
r2 = weakref.ref(data)
print("never reached")
