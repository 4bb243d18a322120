l = [0] * 1000
while True:
    l = l + l
