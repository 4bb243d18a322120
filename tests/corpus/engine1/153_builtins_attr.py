# hasattr, getattr, setattr, delattr with defaults and on classes
class Config:
    debug = False
    def __init__(self):
        self.level = 1
c = Config()
print(hasattr(c, 'level'), hasattr(c, 'debug'), hasattr(c, 'missing'))
print(getattr(c, 'level'), getattr(c, 'missing', 'default'), getattr(Config, 'debug'))
setattr(c, 'name', 'dynamic')
setattr(c, 'level', getattr(c, 'level') + 1)
print(c.name, c.level, sorted(c.__dict__))
for attr in ['a', 'b']:
    setattr(c, attr, attr * 3)
print([getattr(c, a) for a in 'ab'])
delattr(c, 'a')
print(hasattr(c, 'a'))
try:
    getattr(c, 'a')
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, 'debug')
except AttributeError as e:
    print("AttributeError:", e)
setattr(Config, 'shared', 'on class')
print(c.shared, Config().shared, getattr(c, 'upper', None))
print(getattr('text', 'upper')(), getattr([], 'append') is not None, hasattr(5, 'real'))
