# uncaught TypeError from adding a str and an int
label = 'count: '
count = 3
print(label + str(count))
print(label + count)
