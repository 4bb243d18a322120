# uncaught AttributeError on an instance of a user class
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
acct = Account('zoe')
print(acct.owner, acct.balance)
print(acct.overdraft_limit)
