# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write((('#' * 99 + '\n') * 11000).encode())
