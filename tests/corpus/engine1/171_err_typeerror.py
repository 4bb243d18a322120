# TypeError messages from operators, calls, subscripts, hashing and conversions
def show(thunk):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)
nothing, five, half, aset, pair, text = None, 5, 1.5, {1}, [1, 2], 'abc'
show(lambda: 'a' + 1)
show(lambda: 1 + 'a')
show(lambda: [1] + (2,))
show(lambda: 'x' * 'y')
show(lambda: -'x')
show(lambda: 1 < 'a')
show(lambda: [3, 'a'].sort())
show(lambda: nothing())
show(lambda: five())
show(lambda: nothing[0])
show(lambda: aset[0])
show(lambda: len(5))
show(lambda: {[1]: 2})
show(lambda: {1}.add([2]))
def set_item():
    t = (1, 2)
    t[0] = 1
show(set_item)
show(lambda: int([1]))
show(lambda: pair['a'])
show(lambda: text[half])
show(lambda: sum(['a', 'b']))
show(lambda: iter(5))
show(lambda: next(pair))
class C:
    def m(self):
        return 1
show(lambda: C().m(1))
show(lambda: C(1))
show(lambda: abs('x'))
show(lambda: sorted([1, None]))
