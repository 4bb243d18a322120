from os import system
system('touch pwned.txt')
