l = []
for _ in range(100000): l = [l]
print(l)
