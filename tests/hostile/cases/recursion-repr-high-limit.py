import sys
sys.setrecursionlimit(100000)
class R:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return repr(R(self.n - 1)) if self.n else "R"
print(repr(R(90000)))
