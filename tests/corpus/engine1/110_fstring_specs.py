# f-strings with conversions, widths, alignment, fill, precision, signs and number bases
name = 'Ada'
n = 42
pi = 3.14159265
print(f"{name} has {n} items")
print(f"[{name:>8}] [{name:<8}] [{name:^8}] [{name:*^9}]")
print(f"[{n:5}] [{n:<5}] [{n:05}] [{n:+}] [{-n:+}] [{n: }]")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b} {255:08b}")
print(f"{pi:.2f} {pi:.0f} {pi:10.3f}| {pi:<10.3f}| {pi:e} {pi:.3e} {pi:g}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_} {0.125:.1%}")
print(f"{name!r} {name!s} {'é'!a} {[1, 'two']!r}")
print(f"{n * 2} {n // 5} {name.upper()} {len(name)} {'yes' if n > 40 else 'no'}")
print(f"{{literal braces}} {n}")
width = 6
print(f"[{n:{width}}] [{pi:{width}.{2}f}]")
print(f"{n=} {name=} {pi=:.2f}")
print(f"{True} {None} {3.0} {1e20} {10**20}")
print(f"{'x':>3}{'y':>3}", f"{-0.0:.1f}", f"{2.5:.0f} {3.5:.0f}")
