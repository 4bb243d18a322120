# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('x = 0\n' + 'x += 1\n' * 60000 + 'print(x)\n').encode())
