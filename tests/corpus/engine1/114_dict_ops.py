# dicts keep insertion order; lookups, membership, views, comparisons
d = {'one': 1, 'two': 2}
d['three'] = 3
d['one'] = 'uno'
print(d, len(d), 'two' in d, 2 in d, d['three'])
print(list(d.keys()), list(d.values()), list(d.items()))
del d['two']
d['two'] = 2
print(d)
print(d == {'two': 2, 'one': 'uno', 'three': 3}, {} == dict())
e = dict(a=1, b=2)
f = dict([('x', 10), ('y', 20)])
g = dict(zip('pq', [7, 8]))
print(e, f, g, dict(e, c=3))
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print({1: 'int', 1.0: 'float?', True: 'bool?'})
print({(1, 2): 'tuple key', None: 'none key', 'x': [1]})
for k, v in {'b': 1, 'a': 2}.items():
    print(k, v)
print(sorted({'b': 1, 'a': 2}), max({'b': 1, 'a': 2}), len({}))
