s = 'x'.ljust(10**9)
