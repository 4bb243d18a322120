# a tiny stack-based calculator: while loop dispatch, dict of lambdas, exceptions as errors
ops = {
    '+': lambda a, b: a + b,
    '-': lambda a, b: a - b,
    '*': lambda a, b: a * b,
    '/': lambda a, b: a / b,
    '//': lambda a, b: a // b,
    '%': lambda a, b: a % b,
    '**': lambda a, b: a ** b,
}
def run(program):
    stack = []
    tokens = program.split()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok in ops:
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[tok](a, b))
        elif tok == 'dup':
            stack.append(stack[-1])
        else:
            stack.append(int(tok) if '.' not in tok else float(tok))
    return stack
for prog in ['2 3 +', '2 3 4 * +', '10 3 //', '-7 2 %', '2 100 **', '1 3 /', '5 dup *', '1.5 2 *',
             '1 0 /', '1 +', '2 x +', '7 0 %']:
    try:
        print(f"{prog!r:14} -> {run(prog)}")
    except ZeroDivisionError as e:
        print(f"{prog!r:14} -> ZeroDivisionError: {e}")
    except IndexError as e:
        print(f"{prog!r:14} -> IndexError: {e}")
    except ValueError as e:
        print(f"{prog!r:14} -> ValueError: {e}")
