# nothing a snippet runs reaches the real system
import os
os.system('touch pwned.txt')
