# an uncaught exception ends the script with status 1; surviving objects are still finalized at exit
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("exit del", self.name)
keep = D('global object')
def fail():
    local = D('local of fail')
    print("about to fail")
    raise RuntimeError("stopped here")
fail()
print("never printed")
