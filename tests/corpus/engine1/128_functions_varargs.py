# *args and **kwargs collection, forwarding and unpacking in calls
def collect(*args, **kwargs):
    return args, kwargs
print(collect())
print(collect(1, 2, x=3, y=4))
print(collect(*[1, 2], *(3,), **{'a': 1}, b=2))
def forward(*args, **kwargs):
    return collect(*args, **kwargs)
print(forward('p', k='v'))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))
def options(name, **opts):
    return name + ':' + ','.join(k + '=' + str(v) for k, v in opts.items())
print(options('cfg', b=2, a=1, c=3))
args = (3, 1, 2)
print(max(*args), sorted(args), '{}-{}-{}'.format(*args))
print(dict(**{'x': 1}, y=2), [*range(3), *'ab'], {**{'a': 1}, 'b': 2})
try:
    collect(**{'a': 1}, a=2)
except TypeError as e:
    print("TypeError:", e)
