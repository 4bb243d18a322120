# values already pushed on the evaluation stack count as references
import sys
v = []
print("plain:", sys.getrefcount(v))
print("inside a list display:", [v, sys.getrefcount(v)][1])
print("inside a tuple display:", (v, v, sys.getrefcount(v))[2])
def second(a, b):
    return b
print("as an earlier argument:", second(v, sys.getrefcount(v)))
print("in a dict display:", {'k': v, 'n': sys.getrefcount(v)}['n'])
print("left operand of +:", (v + [sys.getrefcount(v)])[-1])
r = [sys.getrefcount(v) for w in [v]]
print("comprehension over [v]:", r)
print("after all that:", sys.getrefcount(v))
