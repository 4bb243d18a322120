# the iterator protocol: __iter__ returning self, __next__ raising StopIteration
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
for n in Countdown(3):
    print("tick", n)
it = Countdown(2)
print(next(it), next(it), next(it, 'done'))
class Deck:
    def __init__(self, cards):
        self.cards = cards
    def __iter__(self):
        return iter(self.cards)
d = Deck(['A', 'K', 'Q'])
print(list(d), list(d), 'K' in d, sorted(d), list(zip(d, Countdown(3))))
it = iter(Countdown(1))
print(next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
print(sum(Countdown(4)), max(Countdown(4)), list(enumerate(Countdown(2))))
