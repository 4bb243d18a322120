# `while True: pass` makes no line event in CPython; Heapscope counts its turns
print("before the loop")
while True: pass
