# uncaught RecursionError from unbounded recursion; the repeated traceback is collapsed
def descend(n):
    if n % 250 == 0:
        print("depth", n)
    return descend(n + 1)
descend(1)
