# a failing assert on a comparison, then an uncaught error raised while a class statement runs
class Plugin:
    registry = {}
    def __init_subclass__(cls):
        super().__init_subclass__()
        if cls.__name__ in Plugin.registry:
            raise ValueError(f"duplicate plugin name {cls.__name__!r}")
        Plugin.registry[cls.__name__] = cls
def average(values):
    assert len(values) > 0, "no values"
    return sum(values) / len(values)
try:
    average([])
except AssertionError as e:
    print("caught", repr(e))
class Reader(Plugin):
    pass
print(sorted(Plugin.registry))
def make_duplicate():
    class Reader(Plugin):
        kind = "again"
    return Reader
make_duplicate()
