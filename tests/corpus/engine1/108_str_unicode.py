# non-ASCII text: lengths, case mapping, code points, escapes
words = ['café', 'naïve', 'Straße', 'Ελλάδα', '日本語', 'emoji😀']
for w in words:
    print(w, len(w), w.upper(), w.lower())
print('ß'.upper(), 'ÉCOLE'.lower(), 'ǆ'.upper(), 'ΣΑΣ'.lower())
print(ord('é'), ord('€'), ord('😀'), chr(233), chr(8364), chr(128512))
print(repr('tab\there'), repr('quote\'s'), repr("dq\"s"), repr('nl\n'), repr('é'), repr('\x00\x7f'))
print('é' == 'e\u0301', len('e\u0301'), 'résumé'.find('sum'))
print('日本語'[1], '日本語'[::-1], 'ab😀cd'[2], 'ab😀cd'.index('c'))
print(sorted(['b', 'a', 'é', 'Z', 'z']), 'a' < 'é', 'Z' < 'a')
print('\u00e9', '\u2605', '\U0001F600' == '😀')
print(str(3) + 'é', 'x' * 3 + 'ü' * 2)
