# an exception raised in __del__ is reported on stderr and otherwise ignored
class Bad:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  __del__ of", self.n, "raises")
        raise ValueError("oops in __del__ " + self.n)
b = Bad('first')
del b
print("execution continues")
items = [Bad('x'), Bad('y')]
items = None
print("end of script")
