# a singly linked list class with __len__, __iter__, __repr__ and node destructors
import sys
class Node:
    def __init__(self, value, next_node=None):
        self.value = value
        self.next = next_node
    def __del__(self):
        print("  free node", self.value)
class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def pop(self):
        node = self.head
        self.head = node.next
        self.size -= 1
        return node.value
    def __len__(self):
        return self.size
    def __iter__(self):
        node = self.head
        while node is not None:
            yield node.value
            node = node.next
    def __repr__(self):
        return 'LinkedList(' + ' -> '.join(str(v) for v in self) + ')'
ll = LinkedList()
for v in [1, 2, 3, 4]:
    ll.push(v * 10)
print(ll, len(ll))
print("head node refcount:", sys.getrefcount(ll.head) - 1)
print("popped", ll.pop())
print(ll, list(ll), sum(ll))
second = ll.head.next
print("dropping the list (second node is still named):")
ll = None
print("dropping 'second':")
second = None
print("end")
