globals()['__builtins__'].open('pwned.txt', 'w')
