getattr(__builtins__, 'open')('pwned.txt', 'w')
