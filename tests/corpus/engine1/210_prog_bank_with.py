# transactions as context managers: rollback on error, refcounts of the managed account
import sys
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
class Transaction:
    def __init__(self, account):
        self.account = account
    def __enter__(self):
        self.saved = self.account.balance
        print(f"  begin ({self.account.owner}: {self.saved})")
        return self.account
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.account.balance = self.saved
            print(f"  rollback: {exc}")
            return True
        print(f"  commit ({self.account.balance})")
        return False
acct = Account('kim', 100)
with Transaction(acct) as a:
    a.balance -= 30
    print("  refs to account inside the block:", sys.getrefcount(acct) - 1)
with Transaction(acct) as a:
    a.balance -= 500
    if a.balance < 0:
        raise ValueError(f"overdrawn by {-a.balance}")
    print("  not reached")
print("balance:", acct.balance)
del a
print("refs after the blocks:", sys.getrefcount(acct) - 1)
