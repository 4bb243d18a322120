# one step, no line event: the work cap stops it
print(sum(range(10**12)))
