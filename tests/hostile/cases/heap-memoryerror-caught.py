try:
    x = [0] * 10**9
except MemoryError:
    print("caught MemoryError")
print("still running")
