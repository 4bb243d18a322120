import sys
sys.modules['os'].system('touch pwned.txt')
