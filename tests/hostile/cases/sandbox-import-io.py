import io
io.open('pwned.txt', 'w')
