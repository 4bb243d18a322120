# iter(callable, sentinel): calls until the sentinel comes back, then lets go of both
import sys
class Source:
    def __init__(self, values):
        self.values = list(values)
    def __call__(self):
        return self.values.pop(0) if self.values else "END"
src = Source([3, 1, 4, "END", 5])
before = sys.getrefcount(src)
it = iter(src, "END")
print(type(it).__name__, sys.getrefcount(src) - before)
print(list(it), src.values)
print("after the sentinel:", sys.getrefcount(src) - before, next(it, "exhausted"))
chunks = iter([b"ab", b"cd", b""]).__next__
print([c for c in iter(chunks, b"")])
def stops():
    raise StopIteration
print(list(iter(stops, None)))
count = [0]
def tick():
    count[0] += 1
    return count[0]
print([n for n in iter(tick, 4)], count)
try:
    iter(5, 0)
except TypeError as e:
    print(e)
