(lambda: 0).__code__.co_code
