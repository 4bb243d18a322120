# uncaught ValueError from int() on bad text after a partial loop
inputs = ['10', '20', 'thirty', '40']
total = 0
for text in inputs:
    total += int(text)
    print("running total", total)
print("never reached")
