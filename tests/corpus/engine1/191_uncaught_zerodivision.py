# uncaught ZeroDivisionError from integer modulo inside nested calls
def ratio(a, b):
    return a % b
def report(pairs):
    for a, b in pairs:
        print(a, b, ratio(a, b))
report([(7, 3), (9, 4), (5, 0), (1, 1)])
