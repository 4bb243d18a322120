# IndexError and KeyError messages for lists, tuples, strings, ranges, dicts and sets
def show(thunk):
    try:
        thunk()
    except (IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e, "| repr:", repr(e))
show(lambda: [][0])
show(lambda: [1, 2][-3])
show(lambda: (1,)[1])
show(lambda: 'ab'[2])
show(lambda: range(3)[5])
show(lambda: [].pop())
show(lambda: [1].pop(4))
show(lambda: {}['missing'])
show(lambda: {1: 'a'}[2])
show(lambda: {(1, 2): 0}[(2, 1)])
show(lambda: {'a': 1}[None])
show(lambda: set().pop())
show(lambda: {1}.remove(2))
show(lambda: {}.pop('k'))
def assign():
    l = [0]
    l[1] = 5
show(assign)
print(issubclass(IndexError, LookupError), issubclass(KeyError, LookupError))
try:
    {'k': 1}['K']
except LookupError as e:
    print("caught as LookupError:", type(e).__name__, e.args)
