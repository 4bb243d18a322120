# uncaught AssertionError with a computed message
def mean(values):
    assert len(values) > 0, f"mean() of an empty list (got {values!r})"
    return sum(values) / len(values)
print(mean([1, 2, 3, 4]))
print(mean([]))
