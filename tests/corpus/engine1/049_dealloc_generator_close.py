# a suspended generator that dies is closed: its finally blocks run and its locals are freed
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
def gen(tag):
    local = D(tag)
    try:
        yield 1
        yield 2
    finally:
        print("  finally of", tag)
print("unstarted generator deleted (no finally):")
g = gen('unstarted')
del g
print("suspended generator deleted:")
g = gen('suspended')
next(g)
del g
print("explicit close():")
g = gen('closed')
next(g)
g.close()
print("  closed; frame:", g.gi_frame)
del g
print("exhausted by a for loop:")
for v in gen('looped'):
    print("  got", v)
print("end")
