# uncaught exception raised as a bare class: the last stderr line has no message
class Stop(Exception):
    pass
def loop():
    for i in range(10):
        if i == 3:
            raise Stop
        print("i =", i)
loop()
