# a table of refcounts for one object as it is shared by names, containers, frames and closures
import sys
class Thing:
    pass
t = Thing()
rows = []
def note(label):
    rows.append((label, sys.getrefcount(t) - 2))
note("one name")
other = t
note("second name")
box = [t, t]
note("list with two slots")
pair = (t, box)
note("tuple")
d = {'k': t}
note("dict value")
def user(x):
    note("inside a call (parameter)")
user(t)
def capture():
    return lambda: t
f = capture()
note("a closure over a global does not capture")
del other, box, pair, d
note("after deleting four holders")
print(f"{'situation':<42}| references besides the name t")
for label, n in rows:
    print(f"{label:<42}|{n:>3}")
