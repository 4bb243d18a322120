# CPython has no limit here; the real stack does
t = ()
for _ in range(400000): t = (t,)
print(hash(t))
