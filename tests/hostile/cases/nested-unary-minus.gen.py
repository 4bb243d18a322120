# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('x = ' + '-' * 100000 + '1\n').encode())
