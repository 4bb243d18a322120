# ValueError messages from conversions, list methods, unpacking and ranges
def show(thunk):
    try:
        thunk()
    except ValueError as e:
        print("ValueError:", e)
show(lambda: int('abc'))
show(lambda: int('1.5'))
show(lambda: int(''))
show(lambda: int('12', 2))
show(lambda: float('1,5'))
show(lambda: [1, 2].index(3))
show(lambda: [1].remove(2))
show(lambda: 'abc'.index('z'))
show(lambda: (1, 2).index(9))
show(lambda: range(0, 5, 0))
show(lambda: max([]))
show(lambda: chr(-1))
show(lambda: 'a,b'.split(''))
def unpack2(seq):
    a, b = seq
show(lambda: unpack2([1, 2, 3]))
show(lambda: unpack2([1]))
show(lambda: dict([(1, 2, 3)]))
show(lambda: int('x1'))
show(lambda: int('0b2', 0))
