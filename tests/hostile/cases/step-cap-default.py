# a runaway loop stops at the default cap of 1,000,000 steps
n = 0
while True:
    n += 1
