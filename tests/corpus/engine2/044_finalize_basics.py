# weakref.finalize: called once when the object dies, or earlier when called explicitly
import gc
import weakref
gc.disable()
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  __del__", self.name)
def cleanup(tag, n):
    print("  cleanup", tag, n)
    return tag.upper()
r = Res('r')
f = weakref.finalize(r, cleanup, 'for r', 1)
print("alive:", f.alive, "| peek args:", f.peek()[2:])
print("del r:")
del r
print("alive:", f.alive, "| calling it again:", f())
s = Res('s')
g = weakref.finalize(s, cleanup, 's', 2)
print("explicit call returns:", g(), "| alive:", g.alive, "| second call:", g())
print("del s (no cleanup any more):")
del s
t = Res('t')
h = weakref.finalize(t, cleanup, 't', 3)
print("detach:", h.detach()[1:] == (cleanup, ('t', 3), {}), h.alive)
del t
print("end")
