# with statements: __enter__ value, __exit__ arguments, nesting order, exceptions passing through
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  <" + self.name + ">")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("  </" + self.name + ">", exc_type.__name__ if exc_type else None, exc)
        return False
with Tag('a') as value:
    print("  body got", value)
with Tag('outer'), Tag('inner') as v:
    print("  nested body", v)
try:
    with Tag('failing'):
        raise ValueError("inside with")
except ValueError as e:
    print("propagated:", e)
def in_function():
    with Tag('func'):
        return 'returned from inside with'
print(in_function())
for i in range(3):
    with Tag('loop' + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        print("  body", i)
