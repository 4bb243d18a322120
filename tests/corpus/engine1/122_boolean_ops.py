# and/or return one of their operands and short-circuit; not always returns a bool
def loud(value, tag):
    print("  evaluated", tag)
    return value
print("and, first false:")
r = loud(0, 'left') and loud(1, 'right')
print(" ->", r)
print("and, first true:")
r = loud('x', 'left') and loud('', 'right')
print(" ->", repr(r))
print("or, first true:")
r = loud([1], 'left') or loud(2, 'right')
print(" ->", r)
print("or chain:")
r = loud(None, 'a') or loud(0, 'b') or loud('found', 'c') or loud('never', 'd')
print(" ->", r)
print(not 0, not [], not 'a', type(not 1).__name__)
print(0 or [] or {}, 1 and [] and 5, None and 1/0, True or 1/0)
print(any([]), all([]), any([0, '', None, 3]), all([1, 'x', [0]]))
