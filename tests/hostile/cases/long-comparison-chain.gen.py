# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('x = ' + ' < '.join(['1'] * 100000) + '\nprint(x)\n').encode())
