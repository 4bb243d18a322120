# list methods: append extend insert remove pop index count sort reverse copy clear
l = []
l.append(1)
l.extend([2, 3])
l.extend(range(4, 6))
l.insert(0, 0)
l.insert(100, 'end')
l.insert(-1, 'before end')
print(l)
l.remove('end')
print(l.pop(), l.pop(0), l)
print(l.index(3), l.count(3), [1, 1, 2].count(1))
l.append(3)
print(l.index(3, 3), l)
words = ['pear', 'Apple', 'fig', 'banana']
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower(), reverse=True)
print(words)
words.reverse()
print(words)
c = words.copy()
c.clear()
print(c, len(words))
print([3, 1, 2].sort(), sorted([3, 1, 2]))
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(7)
except ValueError as e:
    print("ValueError:", e)
