# closgument:", sys.getrefcount(dh closures deleted:", sys.getrefcount(data))
def mapcounter():
    nz= 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())
