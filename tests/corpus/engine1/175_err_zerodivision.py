# ZeroDivisionError messages differ by operation and operand types
def show(thunk):
    try:
        thunk()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
zero = 0
show(lambda: 1 / zero)
show(lambda: 1 // zero)
show(lambda: 1 % zero)
show(lambda: divmod(1, zero))
show(lambda: 1.0 / zero)
show(lambda: 1.0 // zero)
show(lambda: 1.0 % zero)
show(lambda: 1 / 0.0)
show(lambda: 0 ** -1)
show(lambda: 0.0 ** -1)
show(lambda: pow(0, -2))
show(lambda: 10 ** 30 // zero)
print(issubclass(ZeroDivisionError, ArithmeticError))
try:
    x = 5 / (3 - 3)
except ArithmeticError as e:
    print("caught as ArithmeticError:", type(e).__name__, e)
