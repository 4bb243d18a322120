# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('x = 1\ny = x' + '.real' * 100000 + '\n').encode())
