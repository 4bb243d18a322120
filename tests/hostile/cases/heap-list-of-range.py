x = list(range(10**9))
