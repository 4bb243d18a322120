# uncaught KeyError whose key is a tuple, and a TypeError message on the way
grid = {(0, 0): 'origin', (1, 0): 'east'}
try:
    grid[[0, 0]]
except TypeError as e:
    print("TypeError:", e)
print(grid[(0, 0)])
print(grid[(0, 1)])
