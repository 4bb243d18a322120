# observers registered as bound methods and closures keep their owners alive until removed
import sys
class Listener:
    def __init__(self, name):
        self.name = name
        self.seen = []
    def on_event(self, payload):
        self.seen.append(payload)
        print(f"  {self.name} got {payload}")
    def __del__(self):
        print("  listener", self.name, "freed after seeing", self.seen)
handlers = []
def subscribe(fn):
    handlers.append(fn)
def publish(payload):
    for h in handlers:
        h(payload)
a = Listener('a')
b = Listener('b')
subscribe(a.on_event)
subscribe(b.on_event)
subscribe(lambda p: print("  lambda got", p))
print("refcount of a (name + bound method):", sys.getrefcount(a) - 1)
publish('first')
del a, b
print("names deleted, listeners still subscribed")
publish('second')
print("unsubscribing the first handler:")
handlers.pop(0)
print("clearing all handlers:")
handlers.clear()
print("end")
