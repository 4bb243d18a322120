# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('x = ' + '[' * 150 + '0' + ' for _ in ()]' * 150 + '\n').encode())
