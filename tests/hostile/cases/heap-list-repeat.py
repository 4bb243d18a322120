# never allocated for real: MemoryError in the snippet
x = [0] * 10**9
