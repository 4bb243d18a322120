# the seed's advice: a generator expression stays small, a list grows with its contents
import sys
n = 100000
as_list = [i for i in range(n)]
as_gen = (i for i in range(n))
print("list of 100000 ints:", sys.getsizeof(as_list))
print("generator expression:", sys.getsizeof(as_gen))
print("range object:", sys.getsizeof(range(n)))
total = 0
for value in as_gen:
    total += value
print("sum through the generator:", total, "== sum of the list:", sum(as_list))
print("generator after exhaustion:", next(as_gen, 'exhausted'))
print("list of 10 vs list of 1000 (list(range)):", sys.getsizeof(list(range(10))), sys.getsizeof(list(range(1000))))
