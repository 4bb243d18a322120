# an uncaught NameError for a near-miss name: the last line carries CPython's suggestion
colour = 'blue'
def paint():
    return 'painted ' + colour
print(paint())
print(color)
