# word statistics with dict counting, sorting with tie-breaks and string methods
text = """The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox does not! Quick, quick: the FOX runs."""
words = []
for raw in text.split():
    w = raw.strip('.,;:!').lower()
    if w:
        words.append(w)
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
ranking = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranking[:5]:
    print(f"{word:>6} {'#' * n} {n}")
print("distinct:", len(counts), "total:", len(words))
print("longest:", max(words, key=len), "| shortest:", min(counts, key=lambda w: (len(w), w)))
initials = {}
for w in counts:
    initials.setdefault(w[0], []).append(w)
for letter in sorted(initials):
    print(letter, sorted(initials[letter]))
print(text.count('the'), text.lower().count('the'), text.find('fox'), text.rfind('fox'))
print(' '.join(w.capitalize() for w in 'hello big world'.split()))
