eval("open('pwned.txt', 'w')")
