# everything printed is kept for the trace: 16 MiB at most
s = 'x' * 100000
while True:
    print(s)
