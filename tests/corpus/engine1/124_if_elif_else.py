# if/elif/else chains, nested conditions and conditional expressions
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n % 2 == 0:
        if n > 100:
            return 'big even'
        return 'even'
    else:
        return 'odd'
for n in [-3, 0, 4, 7, 200]:
    print(n, classify(n))
for v in [0, 1, '', 'a', [], [0], None]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
x = 5
label = 'small' if x < 10 else 'large'
print(label, 'even' if x % 2 == 0 else 'odd')
if x > 3: print("one-line if")
if x:
    pass
else:
    print("never")
