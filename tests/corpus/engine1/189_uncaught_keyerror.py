# uncaught KeyError with a string key: the message is the repr of the key
ages = {'ann': 31, 'bob': 27}
print(sorted(ages))
for name in ['ann', 'bob', 'cid']:
    print(name, ages[name])
