# an exception keeps its traceback, the traceback keeps the frames, the frames keep their locals
import sys
held = ['held']
def fail(x):
    local_alias = x
    raise ValueError("fail")
try:
    fail(held)
except ValueError:
    print("during handling:", sys.getrefcount(held))
print("after handler:", sys.getrefcount(held))
keep = None
try:
    fail(held)
except ValueError as exc:
    keep = exc
print("exception saved outside the handler:", sys.getrefcount(held))
print("the saved exception still has its traceback:", keep.__traceback__ is not None)
keep = None
print("exception dropped:", sys.getrefcount(held))
err = KeyError(held)
print("exception argument:", sys.getrefcount(held), err.args[0] is held)
del err
print("end:", sys.getrefcount(held))
