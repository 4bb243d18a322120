it = [1]
for i in range(400000): it = map(abs, it)
print(list(it))
