# a traffic-light state machine with a class, a dict of transitions and a generator driver
class Light:
    transitions = {'red': 'green', 'green': 'yellow', 'yellow': 'red'}
    durations = {'red': 3, 'green': 2, 'yellow': 1}
    def __init__(self):
        self.state = 'red'
        self.history = []
    def step(self):
        self.history.append(self.state)
        self.state = Light.transitions[self.state]
    def __repr__(self):
        return f"Light({self.state!r}, {len(self.history)} steps)"
def ticks(light, total):
    t = 0
    while t < total:
        for _ in range(Light.durations[light.state]):
            yield t, light.state
            t += 1
            if t >= total:
                return
        light.step()
light = Light()
for t, s in ticks(light, 10):
    print(t, s)
print(light, light.history)
counts = {}
for s in light.history:
    counts[s] = counts.get(s, 0) + 1
print(counts)
try:
    Light.transitions['blue']
except KeyError as e:
    print("KeyError:", e)
