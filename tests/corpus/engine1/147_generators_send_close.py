# send() resumes a generator with a value; close() raises GeneratorExit at the yield
def averager():
    total = 0
    count = 0
    avg = None
    try:
        while True:
            value = yield avg
            print("  received", value)
            total += value
            count += 1
            avg = total / count
    except GeneratorExit:
        print("  GeneratorExit seen, count =", count)
        raise
    finally:
        print("  finally")
a = averager()
print("prime:", a.send(None))
print("avg:", a.send(10))
print("avg:", a.send(20))
a.close()
print("closed; close again is harmless:", a.close())
try:
    a.send(1)
except StopIteration:
    print("send after close: StopIteration")
b = averager()
try:
    b.send(5)
except TypeError as e:
    print("TypeError:", e)
def echo():
    got = yield 'first'
    while True:
        got = yield 'echo ' + str(got)
e = echo()
print(next(e), e.send('x'), e.send(42), next(e))
