# all augmented assignment operators on ints, floats, strings, lists and attributes
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n //= 5; print(n)
n %= 4; print(n)
n **= 3; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
n |= 3; print(n)
n &= 6; print(n)
n ^= 5; print(n)
f = 1.5
f /= 2; print(f)
s = 'ab'
s *= 3; print(s)
l = [1]
l *= 3; print(l)
l += 'xy'; print(l)
class C:
    pass
c = C()
c.v = 1
c.v += 41
print(c.v)
d = {'k': [1]}
d['k'] += [2]
d.setdefault('j', 0)
d['j'] -= 1
print(d)
lst = [1, 2, 3]
lst[1] *= 10
print(lst)
