# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('f = ' + 'lambda: ' * 10000 + '0\n').encode())
