print(1)
ÿþ
