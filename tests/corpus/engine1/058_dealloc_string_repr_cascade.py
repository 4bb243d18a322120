# __repr__ and __str__ are used by print and str(); objects still die at the right moments
class Named:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'Named(' + repr(self.n) + ')'
    def __str__(self):
        return 'named ' + self.n
    def __del__(self):
        print("  del", self.n)
print(Named('a'))
print([Named('b'), Named('c')])
print(str(Named('d')), repr(Named('e')))
x = Named('f')
print(f"{x} / {x!r}")
label = str(x)
del x
print("label survives:", label)
print("end")
