# a binary search tree: recursive insert, in-order traversal with yield from, node teardown order
class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
    def __del__(self):
        print("  del", self.key)
def insert(node, key):
    if node is None:
        return Node(key)
    if key < node.key:
        node.left = insert(node.left, key)
    elif key > node.key:
        node.right = insert(node.right, key)
    return node
def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.key
        yield from inorder(node.right)
def height(node):
    return 0 if node is None else 1 + max(height(node.left), height(node.right))
root = None
for k in [50, 30, 70, 20, 40, 60, 80, 30]:
    root = insert(root, k)
print(list(inorder(root)), "height", height(root))
gen = inorder(root)
print("first three:", next(gen), next(gen), next(gen))
del gen
print("remove the left subtree:")
root.left = None
print("remaining:", list(inorder(root)))
print("drop the tree:")
root = None
print("end")
