x = list(map(abs, range(10**9)))
