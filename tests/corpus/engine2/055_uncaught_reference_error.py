# uncaught ReferenceError from a dead proxy
import weakref
class Conn:
    def __init__(self, host):
        self.host = host
conn = Conn('db.local')
p = weakref.proxy(conn)
print("connected to", p.host)
del conn
print("proxy used after the object died:")
print(p.host)
