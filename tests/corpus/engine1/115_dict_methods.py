# dict methods: get setdefault update pop popitem copy clear keys values items fromkeys
d = {'a': 1}
print(d.get('a'), d.get('z'), d.get('z', 0))
print(d.setdefault('b', []), d.setdefault('a', 99), d)
d['b'].append('x')
d.update({'c': 3}, d=4)
d.update([('e', 5)])
print(d)
print(d.pop('c'), d.pop('zz', 'default'), d)
print(d.popitem(), d)
c = d.copy()
c['a'] = 'changed'
c['b'].append('shared list')
print(d, c)
keys = d.keys()
d['new'] = 0
print(list(keys), len(keys), 'new' in keys)
print(dict.fromkeys(['x', 'y'], 0), dict.fromkeys('ab'))
c.clear()
print(c)
try:
    d.pop('missing')
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
