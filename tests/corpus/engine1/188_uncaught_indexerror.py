# uncaught IndexError: reading past the end of a list in a while loop
items = ['a', 'b', 'c']
i = 0
while True:
    print(i, items[i])
    i += 1
