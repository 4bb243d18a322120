# raising built-in and user exceptions, exception hierarchies, chaining with from
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key}")
        self.key = key
def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]
try:
    lookup({}, 'x')
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))
try:
    raise ValueError
except ValueError as e:
    print("bare class raised:", repr(e), str(e) == '')
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise AppError("wrapped") from e
except AppError as e:
    print(e, '<-', type(e.__cause__).__name__, e.__cause__)
try:
    try:
        [][0]
    except IndexError:
        raise KeyError('during handling')
except KeyError as e:
    print(repr(e), '<- context', type(e.__context__).__name__)
print(repr(ValueError('a', 2)), str(ValueError('a', 2)), str(KeyError('k')), repr(Exception()))
