open('pwned.txt', 'w').write('x')
