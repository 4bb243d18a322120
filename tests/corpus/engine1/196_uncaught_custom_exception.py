# uncaught user-defined exception: the last line shows the class name and message
class InventoryError(Exception):
    pass
class OutOfStock(InventoryError):
    def __init__(self, item, wanted):
        super().__init__(f"{item}: wanted {wanted}, have 0")
stock = {'apple': 3}
def take(item, n):
    if stock.get(item, 0) < n:
        raise OutOfStock(item, n)
    stock[item] -= n
    return stock[item]
print(take('apple', 2))
print(take('pear', 1))
