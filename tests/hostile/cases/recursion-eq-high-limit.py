import sys
sys.setrecursionlimit(100000)
class E:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return E(self.n - 1) == other if self.n else True
print(E(90000) == E(0))
