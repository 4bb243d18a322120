exec("open('pwned.txt', 'w')")
