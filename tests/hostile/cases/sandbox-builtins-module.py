import builtins
builtins.open('pwned.txt', 'w')
