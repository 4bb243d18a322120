f = lambda: 0
f.__globals__['__builtins__'].open('pwned.txt', 'w')
