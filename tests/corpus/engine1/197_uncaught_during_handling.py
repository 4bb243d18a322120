# an exception raised inside an except block: both are reported, the last one decides the last line
def parse(text):
    try:
        return int(text)
    except ValueError:
        print("could not parse", repr(text))
        raise KeyError(text)
print(parse('12'))
print(parse('twelve'))
