# gc.get_referrers finds tracked containers that reference an object (types only printed)
import gc
target = ['target']
holder_list = [target]
holder_tuple = (target, 1)
holder_dict = {'t': target}
class Box:
    pass
box = Box()
box.t = target
names = sorted(type(r).__name__ for r in gc.get_referrers(target))
print(names)
print(any(r is holder_list for r in gc.get_referrers(target)))
print(any(r is holder_tuple for r in gc.get_referrers(target)))
print(any(r is box for r in gc.get_referrers(target)))
def local_only():
    mine = []
    return len(gc.get_referrers(mine))
print("a local referenced only from a frame:", local_only())
del holder_list, holder_tuple, holder_dict, box
print(sorted(type(r).__name__ for r in gc.get_referrers(target)))
