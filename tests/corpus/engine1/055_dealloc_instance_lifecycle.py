# an object's whole life: creation, storage in several places, removal one by one
import sys
class Life:
    count = 0
    def __init__(self, name):
        Life.count += 1
        self.name = name
        print("  born", name, "alive:", Life.count)
    def __del__(self):
        Life.count -= 1
        print("  died", self.name, "alive:", Life.count)
team = [Life('ann'), Life('bob')]
lead = team[0]
print("refs to ann:", sys.getrefcount(lead) - 1)
team.append(Life('cid'))
team.remove(lead)
print("ann removed from team but lead keeps her:", lead.name)
lead = team[-1]
print("lead rebound to", lead.name)
team.pop(0)
print("team:", [m.name for m in team], "alive:", Life.count)
team = lead = None
print("alive at end:", Life.count)
