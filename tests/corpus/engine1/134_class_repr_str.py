# __repr__ and __str__: print, str(), repr(), containers and f-strings use the right one
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
m = Money(1234)
print(m)
print(str(m), repr(m))
print([m, Money(5)])
print(f"{m} {m!r}")
print((m,), {'price': m})
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print('{} and {}'.format(m, repr(m)))
