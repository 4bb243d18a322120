# a for loop keeps its iterator (and so the iterated list) on the stack; the variable is a plain binding
import sys
item0 = ['first']
item1 = ['second']
seq = [item0, item1]
for it in seq:
    print("in loop:", sys.getrefcount(seq), sys.getrefcount(it))
print("after loop, seq:", sys.getrefcount(seq))
print("loop variable keeps the last item:", it is item1, sys.getrefcount(item1))
del it
print("after del it:", sys.getrefcount(item1))
for a in [item0]:
    for b in [item0]:
        print("nested loops, both variables bound:", sys.getrefcount(item0))
del a, b
n = 0
while n < 2:
    tmp = item0
    n += 1
print("while loop leaves tmp bound:", sys.getrefcount(item0))
