print(type.__subclasses__(object))
