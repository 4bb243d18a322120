# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('x = "' + 'a' * 500000 + '"\nprint(len(x))\n').encode())
