# gc.collect() counts only tracked objects: instances, lists, dicts holding containers, tuples
import gc
gc.disable()
gc.collect()
class N:
    pass
n = N(); n.me = n; del n
print("instance self-cycle:", gc.collect())
n = N(); n.me = n; n.data = [1, 2, 3]; del n
print("plus a list of ints:", gc.collect())
n = N(); n.me = n; n.data = [[1], [2]]; del n
print("plus a list of two lists:", gc.collect())
n = N(); n.me = n; n.d = {'k': 1}; del n
print("plus a dict of atomics (untracked):", gc.collect())
n = N(); n.me = n; n.d = {'k': []}; del n
print("plus a dict holding a list:", gc.collect())
n = N(); n.me = n; n.s = 'text' * 10; n.i = 10 ** 30; del n
print("plus a str and a big int:", gc.collect())
n = N(); n.me = n; n.__dict__; del n
print("with a materialized __dict__:", gc.collect())
print("nothing left:", gc.collect())
