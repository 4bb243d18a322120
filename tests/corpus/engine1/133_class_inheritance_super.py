# single inheritance, method overriding, super() in __init__ and in methods
class Animal:
    kind = 'animal'
    def __init__(self, name):
        self.name = name
        print("  Animal.__init__", name)
    def speak(self):
        return self.name + ' makes a sound'
    def describe(self):
        return f"{self.name} is a {self.kind}: {self.speak()}"
class Dog(Animal):
    kind = 'dog'
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
        print("  Dog.__init__", breed)
    def speak(self):
        return self.name + ' barks'
class Puppy(Dog):
    def speak(self):
        return super().speak() + ' softly'
a = Animal('generic')
d = Dog('Rex', 'collie')
p = Puppy('Bit', 'pug')
for x in (a, d, p):
    print(x.describe())
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(a, Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog))
print(type(p).__name__, p.breed, Animal.speak(p), Dog.speak(p))
