# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('(' * 100000 + ')' * 100000 + '\n').encode())
