# indexing, negative indices and slicing of strings
s = 'abcdefghij'
print(s[0], s[-1], s[3], s[-3])
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[:])
print(s[::2], s[1::2], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:2], s[2:100])
print(len(s), len(''), len('€uro'))
for i, ch in enumerate('hey'):
    print(i, ch, ord(ch))
print('b' in s, 'cde' in s, 'ce' in s, '' in s, 'z' not in s)
print(s.index('e'), s[s.index('e'):])
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = 'z'
except TypeError as e:
    print("TypeError:", e)
