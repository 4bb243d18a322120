import sys
sys.setrecursionlimit(100000)
class A:
    def __init__(self, n):
        if n:
            A(n - 1)
A(90000)
print("done")
