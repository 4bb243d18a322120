# RecursionError: caught at the limit, then normal calls work again
import sys
def runaway(n):
    return runaway(n + 1)
try:
    runaway(0)
except RecursionError as e:
    print("RecursionError:", e, "| is RuntimeError:", isinstance(e, RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual recursion:", e)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print("recovered, 20! =", fact(20))
sys.setrecursionlimit(50)
try:
    fact(100)
except RecursionError as e:
    print("with limit 50:", e)
print(fact(40) > 0)
sys.setrecursionlimit(1000)
