# gc.get_count after creating instances and iterators right after a collection (free lists empty)
import gc
gc.disable()
class Point:
    def __init__(self, x, y=0):
        self.x, self.y = x, y
class Empty:
    pass
gc.collect()
p = Point(1)
after_one = gc.get_count()
q = Point(2)
after_two = gc.get_count()
r = Point(3, y=4)
after_kw = gc.get_count()
e = Empty()
after_empty = gc.get_count()
pairs = zip([p], [q])
numbered = enumerate([r])
after_iters = gc.get_count()
err = KeyError("k", 1)
after_err = gc.get_count()
print(after_one, after_two, after_kw, after_empty, after_iters, after_err)
print(list(pairs)[0][0] is p, list(numbered)[0][1] is r, err.args)
