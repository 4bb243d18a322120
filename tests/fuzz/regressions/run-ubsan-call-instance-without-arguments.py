# Calling an instance with no arguments: slot_tp_call once passed a NULL
# argument array to memcpy (UBSan), found by fuzz-trace.
class Source:
    def __call__(self):
        return 3
print(Source()())
print(list(iter(Source(), 3)))
