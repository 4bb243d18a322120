# yield from delegates iteration, send() and the subgenerator's return value
def inner(tag):
    x = yield tag + '-1'
    print("  inner got", x)
    yield tag + '-2'
    return 'inner result of ' + tag
def outer():
    r = yield from inner('A')
    print("  outer received return value:", r)
    yield from ['list', 'items']
    yield from range(2)
    return 'outer done'
g = outer()
print(next(g))
print(g.send('sent value'))
print(list(g))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def delegator():
    result = yield from outer()
    yield result
print(list(delegator()))
