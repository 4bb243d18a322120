# getrecursionlimit/setrecursionlimit and how deep a plain recursion can go
import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print("max depth reached:", depth(0))
sys.setrecursionlimit(200)
print(sys.getrecursionlimit(), "max depth now:", depth(0))
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(150))
try:
    count(500)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
print(count(500))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
