# freeing a binary tree: pre-order, left subtree completely before the right one
class Node:
    def __init__(self, label, left=None, right=None):
        self.label = label
        self.left = left
        self.right = right
    def __del__(self):
        print("  del", self.label)
def build(depth, label):
    if depth == 0:
        return None
    return Node(label, build(depth - 1, label + 'L'), build(depth - 1, label + 'R'))
tree = build(3, 'r')
print("tree built; dropping the root")
del tree
print("chain of 6:")
head = None
for i in range(6):
    head = Node('c' + str(i), head)
head = None
print("end")
