# searches are linear (two-way), not quadratic
x = 'a' * 10**7
print(('a' * 10**6 + 'b') in x, x.count('a' * 10**5 + 'b'), x.rfind('b' + 'a' * 10**6))
