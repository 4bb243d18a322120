# Private names: __x inside a class is stored as _Class__x (attributes, class body, nested classes)
class Account:
    __count = 0
    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
    def __secret(self):
        return 'secret of ' + self.__owner
    def reveal(self):
        return self.__secret()
    class Inner:
        def __init__(self):
            self.__v = 2
    __dunder__ = 'kept'
a = Account('ann')
print(sorted(k for k in vars(a)))
print(a.reveal(), Account._Account__count, Account.__dunder__)
print([k for k in ('_Account__count', '_Account__secret', '__count', '__secret') if k in vars(Account)])
print(vars(Account.Inner()))
try:
    a.__owner
except AttributeError as e:
    print(e)
class _Under:
    def __init__(self):
        self.__p = 1
print(vars(_Under()))
