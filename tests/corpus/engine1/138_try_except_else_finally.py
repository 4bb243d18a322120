# try/except/else/finally: which blocks run, in which order, and what return does
def attempt(x):
    try:
        print("  try", x)
        r = 10 // x
    except ZeroDivisionError as e:
        print("  except:", e)
        return 'from except'
    else:
        print("  else, r =", r)
        return 'from else'
    finally:
        print("  finally")
print(attempt(2))
print(attempt(0))
def override():
    try:
        return 'try'
    finally:
        return 'finally wins'
print(override())
def multi(v):
    try:
        return [1, 2][v]
    except (IndexError, TypeError) as e:
        return type(e).__name__ + ': ' + str(e)
print(multi(1), '|', multi(5), '|', multi('a'))
try:
    try:
        {}['missing']
    except KeyError:
        print("inner handler, re-raising")
        raise
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", repr(e))
try:
    int('x')
except Exception as e:
    print(type(e).__name__, isinstance(e, ValueError), e.args)
