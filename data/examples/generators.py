# Generators versus lists
#
# A list comprehension builds every element at once and keeps them all.
# A generator expression builds nothing up front: it makes one value each
# time the loop asks for the next one, so only one value lives at a time.
import sys

squares_list = [n * n for n in range(1000)]
squares_gen = (n * n for n in range(1000))

print("list size in bytes:", sys.getsizeof(squares_list))
print("generator size in bytes:", sys.getsizeof(squares_gen))

print("first from the generator:", next(squares_gen))
print("second from the generator:", next(squares_gen))

total = 0
for square in squares_gen:      # continues where next() stopped
    total += square
print("sum of the rest:", total)
print("sum of the list:", sum(squares_list))

print("a used-up generator gives nothing more:", list(squares_gen))
