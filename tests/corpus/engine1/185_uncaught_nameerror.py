# uncaught NameError inside a function: output before it is kept, status 1
import sys
def compute(values):
    total = 0
    for v in values:
        total += v
    print("total so far", total)
    return total * scale_factor
data = [1, 2, 3]
print("refcount of data:", sys.getrefcount(data))
print(compute(data))
print("never reached")
