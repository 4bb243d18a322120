# an inventory with dicts, f-string tables, sorting by key functions and error handling
stock = {}
def add(item, qty, price):
    if qty <= 0:
        raise ValueError(f"quantity must be positive, got {qty}")
    entry = stock.setdefault(item, {'qty': 0, 'price': price})
    entry['qty'] += qty
    entry['price'] = price
def remove(item, qty):
    entry = stock[item]
    if entry['qty'] < qty:
        raise ValueError(f"only {entry['qty']} {item} left")
    entry['qty'] -= qty
    if entry['qty'] == 0:
        del stock[item]
add('apple', 10, 0.5)
add('pear', 4, 0.75)
add('melon', 2, 2.25)
add('apple', 5, 0.45)
for action in [lambda: remove('pear', 4), lambda: remove('melon', 3), lambda: remove('kiwi', 1), lambda: add('fig', 0, 1.0)]:
    try:
        action()
        print("ok")
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(f"{'item':<8}{'qty':>5}{'price':>8}{'value':>9}")
for name, e in sorted(stock.items(), key=lambda kv: -kv[1]['qty'] * kv[1]['price']):
    print(f"{name:<8}{e['qty']:>5}{e['price']:>8.2f}{e['qty'] * e['price']:>9.3f}")
total = sum(e['qty'] * e['price'] for e in stock.values())
print(f"total {total:.2f}", list(stock))
