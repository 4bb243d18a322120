print("😀" * 3, len("😀"))
