# Weak references
#
# A weak reference points at an object without adding to its reference
# count. It answers with the object while something else keeps it alive,
# and with None once the object has been freed.
import sys
import weakref


class Picture:
    def __init__(self, title):
        self.title = title


photo = Picture("sunset")
print("strong references:", sys.getrefcount(photo) - 1)

thumbnail = weakref.ref(photo)
print("after weakref.ref:", sys.getrefcount(photo) - 1)
print("through the weak reference:", thumbnail().title)


def gone(ref):
    print("callback: the picture was freed")


watcher = weakref.ref(photo, gone)

del photo                       # the last strong reference goes
print("weak reference now gives:", thumbnail())
