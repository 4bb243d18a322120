# 'except E as e' unbinds e at the end of the handler, freeing the exception and what it holds
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
class Carrier(Exception):
    pass
try:
    raise Carrier(D('payload 1'))
except Carrier as e:
    print("in handler:", e.args[0].n)
print("after handler")
try:
    e
except NameError as err:
    print("NameError:", err)
saved = None
try:
    raise Carrier(D('payload 2'))
except Carrier as e:
    saved = e
print("saved outside:", saved.args[0].n)
saved = None
print("after saved = None")
e = 'pre-existing'
try:
    raise Carrier(D('payload 3'))
except Carrier as e:
    pass
try:
    print(e)
except NameError:
    print("e was bound before the try; the handler unbound it")
print("end")
