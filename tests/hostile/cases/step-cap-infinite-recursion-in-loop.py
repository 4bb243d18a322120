# each call is a new frame: RecursionError, caught, forever
def f():
    f()
while True:
    try:
        f()
    except RecursionError:
        pass
