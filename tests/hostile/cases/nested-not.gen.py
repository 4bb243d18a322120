# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('x = ' + 'not ' * 10000 + 'True\n').encode())
