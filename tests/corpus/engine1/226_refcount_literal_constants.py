# literal constants: one object per value in the module (tuple items too), also held by the parse arena
import sys
big = 123456
print("a literal bound to a name:", sys.getrefcount(big))
same = 123456
print("the same literal again is the same object:", big is same, sys.getrefcount(big))
pair = (123456, 654321)
print("tuple items are merged:", pair[0] is big, sys.getrefcount(pair), sys.getrefcount(pair[1]))
twice = (1000.5, 1000.5)
print(twice[0] is twice[1])
half = 2.5
folded = 5 / 2
print("a folded 5 / 2 is the literal 2.5:", half is folded, sys.getrefcount(half))
text = "not an identifier!"
print(sys.getrefcount(text))
def inside():
    local = 777777
    return sys.getrefcount(local)
print("in a function:", inside())
computed = int("123456")
print("computed at run time:", computed == big, computed is big, sys.getrefcount(computed))
