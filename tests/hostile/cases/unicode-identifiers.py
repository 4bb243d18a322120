café = 1
π = 3.14
print(café, π)
