# slicing with steps, negative bounds and out-of-range values on lists, tuples and strings
l = list(range(10))
print(l[1:8:2], l[::3], l[::-2], l[8:1:-3], l[-1:-5:-1], l[-5:], l[:-7])
print(l[5:2], l[20:], l[-20:3], l[3:-3], l[::-1][:3])
t = tuple(l)
print(t[::4], t[9:0:-4])
s = 'abcdefgh'
print(s[::-1], s[1:-1:2], s[-2::-2])
m = list(range(8))
m[1:3] = []
print(m)
m[::2] = ['x'] * 3
print(m)
m[2:2] = ['inserted', 'twice']
print(m)
del m[::3]
print(m)
try:
    m[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
print(l[2:6], l[::-3])
