# Reassignment and del
#
# Pointing a name somewhere else, or deleting it with del, removes one
# reference. When the last reference to an object goes, CPython frees it on
# the spot; __del__ lets us watch the moment it happens.


class Box:
    def __init__(self, label):
        self.label = label
        print("made", self.label)

    def __del__(self):
        print("freed", self.label)


first = Box("first box")
keeper = first                  # two references to the first box

first = Box("second box")       # 'first' moves on; 'keeper' still holds the first box
print("after reassigning 'first'")

del keeper                      # the last reference to the first box goes
print("after del keeper")

first = None                    # the second box loses its only reference
print("done")
