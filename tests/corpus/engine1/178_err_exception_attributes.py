# exception objects: args, str/repr, catching by base class, exception in except, finally ordering
errors = [ValueError('v'), TypeError('t', 2), KeyError('k'), IndexError(), ZeroDivisionError('z'),
          AttributeError('a'), NameError('n'), AssertionError('as'), StopIteration(7), RecursionError('r')]
for e in errors:
    print(type(e).__name__, repr(e), repr(str(e)), e.args)
print([isinstance(e, LookupError) for e in errors])
try:
    try:
        raise TypeError('first')
    except TypeError:
        raise ValueError('second')
except ValueError as e:
    print(e, '| context:', e.__context__, '| suppress:', e.__suppress_context__)
try:
    try:
        raise TypeError('first')
    except TypeError:
        raise ValueError('second') from None
except ValueError as e:
    print(e, '| cause:', e.__cause__, '| suppress:', e.__suppress_context__)
def order():
    try:
        print("  try")
        raise KeyError('x')
    except KeyError:
        print("  except")
        return 'r'
    finally:
        print("  finally")
print(order())
