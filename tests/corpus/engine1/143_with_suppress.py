# a true return value from __exit__ suppresses the exception; the traceback argument is real
class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            print("  suppressed", exc_type.__name__, exc, "tb line known:", tb.tb_lineno > 0)
            return True
        return False
with Suppress(ZeroDivisionError):
    1 / 0
    print("never")
print("after first block")
with Suppress(KeyError, IndexError) as s:
    [][3]
print("after second block", type(s).__name__)
try:
    with Suppress(KeyError):
        int('nope')
except ValueError as e:
    print("not suppressed:", e)
with Suppress(Exception):
    pass
print("no exception: __exit__ got None")
