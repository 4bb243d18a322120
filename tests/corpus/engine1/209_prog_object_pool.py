# an object pool: released objects are resurrected into the pool by __del__ and reused
pool = []
class Conn:
    created = 0
    def __init__(self):
        Conn.created += 1
        self.id = Conn.created
        self.uses = 0
    def __del__(self):
        print(f"  conn {self.id} returned to the pool")
        pool.append(self)
def acquire():
    if pool:
        c = pool.pop()
        print(f"  reuse conn {c.id}")
        return c
    c = Conn()
    print(f"  new conn {c.id}")
    return c
a = acquire()
b = acquire()
a.uses += 1
print("release a:")
del a
c = acquire()
print("c is conn", c.id, "uses", c.uses)
print("release b and c:")
b = None
c = None
print("pool:", [x.id for x in pool], "created:", Conn.created)
print("second release does not call __del__ again:")
pool.clear()
print("pool empty:", pool)
