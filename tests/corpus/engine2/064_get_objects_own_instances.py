# counting your own instances through gc.get_objects() as they are created, freed and collected
import gc
gc.disable()
class Widget:
    pass
def live_widgets():
    return sum(1 for o in gc.get_objects() if type(o) is Widget)
print("start:", live_widgets())
ws = [Widget() for i in range(5)]
print("five created:", live_widgets())
ws.pop()
print("one popped:", live_widgets())
a = Widget()
a.me = a
del a
print("a self-cycle deleted but not collected:", live_widgets())
gc.collect()
print("after collect:", live_widgets())
print("in generation 2 now:", sum(1 for o in gc.get_objects(2) if type(o) is Widget))
del ws
print("end:", live_widgets())
