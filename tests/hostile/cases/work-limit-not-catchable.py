print("start")
try:
    m = max(range(10**12))
except BaseException:
    print("caught")
print("end")
