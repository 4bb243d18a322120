# docstrings: modules, classes, functions, methods and property getters; lambdas have none
"""A module docstring becomes __doc__."""
def area(w, h):
    """Return w times h."""
    return w * h
def plain():
    return "not a docstring"
class Shape:
    """A shape with a name."""
    def describe(self):
        'Describe the shape.'
        return "shape"
    def _get(self):
        """The side length."""
        return 2
    side = property(_get)
    labelled = property(_get, doc="explicit doc")
class NoDoc:
    x = 1
print(__doc__)
print(area.__doc__, plain.__doc__, (lambda: "x").__doc__)
print(Shape.__doc__, Shape.describe.__doc__, Shape().describe.__doc__)
print(Shape.side.__doc__, Shape.labelled.__doc__, NoDoc.__doc__, NoDoc().__doc__)
area.__doc__ = "changed"
print(area.__doc__, "__doc__" in vars(Shape), vars(Shape)["__doc__"] is Shape.__doc__)
