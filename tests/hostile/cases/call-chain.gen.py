# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('f = print\nf' + '()' * 100000 + '\n').encode())
