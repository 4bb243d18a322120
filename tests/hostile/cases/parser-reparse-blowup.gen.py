# Generates the case on stdout (run by check-hostile.py).
import sys
sys.stdout.buffer.write(('t(2+7%(' * 30 + "d={''m").encode())
