__builtins__.open('pwned.txt', 'w')
