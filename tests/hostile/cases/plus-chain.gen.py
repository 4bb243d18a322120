# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('a = 1\nx = ' + '+'.join(['a'] * 100000) + '\n').encode())
