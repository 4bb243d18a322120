# uncaught UnboundLocalError: the assignment later in the function makes the name local
hits = 0
def record():
    hits = hits + 1
    return hits
print("calling record()")
record()
