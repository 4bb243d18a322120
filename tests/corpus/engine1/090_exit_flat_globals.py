# objects still bound to globals at exit are finalized in the order their names were first bound
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("exit del", self.name)
first = D('first')
second = D('second')
third = D('third')
alias_of_first = first
second_again = second
print("end of script")
