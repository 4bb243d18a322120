# __del__ methods that run at exit still see intact globals and builtins
PREFIX = 'bye from'
log_count = [0]
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log_count[0] += 1
        print(PREFIX, self.name, len(self.name), log_count[0])
one = D('one')
two = D('two')
print("end of script")
