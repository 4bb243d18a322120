# NameError messages for globals, builtins-like names, deleted names and free variables
try:
    undefined_thing
except NameError as e:
    print("NameError:", e, "| name attribute:", e.name)
def uses_global():
    return not_defined_anywhere + 1
try:
    uses_global()
except NameError as e:
    print("NameError:", e)
v = 1
del v
try:
    print(v)
except NameError as e:
    print("NameError:", e)
def outer():
    def inner():
        return captured
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    captured = 1
    return inner()
print(outer())
try:
    [undefined_in_comprehension for i in range(1)]
except NameError as e:
    print("NameError:", e)
print(isinstance(NameError('x'), Exception), issubclass(UnboundLocalError, NameError))
