# ints are capped at about two million bits
x = 10**10**8
