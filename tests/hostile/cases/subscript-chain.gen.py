# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('x = [0]\ny = x' + '[0]' * 100000 + '\n').encode())
