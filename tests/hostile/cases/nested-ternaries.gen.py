# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('x = ' + '1 if 1 else ' * 10000 + '1\n').encode())
