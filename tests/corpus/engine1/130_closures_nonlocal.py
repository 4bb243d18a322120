# closures capture variables, not values; nonlocal rebinds the enclosing variable
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(); inc(5)
print(get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner
    x = 'changed before call'
    return middle()()
print(outer())
def accumulate():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    return add
add = accumulate()
print(add('a'), add('b'), add('c'))
def shadow():
    x = 1
    def inner():
        x = 2
        return x
    return inner(), x
print(shadow())
