# global declarations: reading, rebinding and creating module variables from functions
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print("counter", counter)
def read_only():
    return counter * 10
print(read_only())
def create():
    global created_later
    created_later = 'made inside a function'
try:
    created_later
except NameError:
    print("created_later does not exist yet")
create()
print(created_later)
def local_shadow():
    counter = 'local'
    return counter
print(local_shadow(), counter)
def delete_global():
    global created_later
    del created_later
delete_global()
try:
    print(created_later)
except NameError as e:
    print("NameError:", e)
