# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write((''.join(' ' * i + 'if True:\n' for i in range(150)) + ' ' * 150 + 'pass\n').encode())
