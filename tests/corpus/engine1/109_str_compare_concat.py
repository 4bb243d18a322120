# string comparison, concatenation, repetition and membership
a = 'apple'
b = 'banana'
print(a < b, a > b, a == 'apple', a != b, 'Apple' < 'apple', 'abc' < 'abd', 'ab' < 'abc')
print(a + ' ' + b, a * 2, 3 * 'ab', '-' * 10)
print(min(a, b), max([a, b, 'cherry']), sorted([b, a, 'Cherry']))
print('an' in b, 'nan' in b, b.count('an'), 'x' in '')
s = ''
for part in ['x', 'y', 'z']:
    s += part
print(s, s == 'xyz', len(s))
print(str(12) + str(3.5) + str(None) + str(True) + str([1, 'a']))
print(repr('it\'s'), str('plain'), repr(str(repr('a'))))
print('abc'.upper() == 'ABC', 'ABC'.lower() is not None)
