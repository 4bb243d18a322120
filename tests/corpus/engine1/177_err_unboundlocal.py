# UnboundLocalError: a name assigned anywhere in a function is local everywhere in it
x = 'global x'
def read_then_assign():
    print(x)
    x = 'local'
try:
    read_then_assign()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def augmented():
    x += '!'
try:
    augmented()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def conditional(flag):
    if flag:
        y = 'set'
    return y
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e, "| NameError subclass:", isinstance(e, NameError))
def deleted():
    z = 1
    del z
    return z
try:
    deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def fixed():
    global x
    x = x + ' changed'
fixed()
print(x)
