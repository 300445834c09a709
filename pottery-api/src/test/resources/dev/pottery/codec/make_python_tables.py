#!/usr/bin/env python3
"""Writes the Python reference tables the codec tests compare against (run from this folder):

    python3 make_python_tables.py

python-floats.tsv   one double per line: its IEEE-754 bits as 16 hex digits, a tab, and
                    json.dumps(x, sort_keys=True), which for a float is Python's repr (shortest
                    round-trip digits) or Infinity/-Infinity/NaN.
python-values.txt   one JSON value per line, json.dumps(v, sort_keys=True) of seeded random nested
                    values (None, booleans, big and small ints, floats, escaped strings, lists, dicts).

Only the standard library is used, and every random choice comes from a fixed seed, so running it
again with the same Python gives the same files (checked with CPython 3.11).
"""
import json
import math
import random
import struct
import sys


def bits(x):
    return struct.unpack('>Q', struct.pack('>d', x))[0]


def from_bits(b):
    return struct.unpack('>d', struct.pack('>Q', b))[0]


def floats():
    rng = random.Random(20261201)
    out = []
    # every power of two, with both neighbours: a power of two has a narrower gap below it, which is
    # where the nearest 17-digit decimal and the shortest one part
    for e in range(-1074, 1024):
        p = math.ldexp(1.0, e)
        out += [p, math.nextafter(p, 0.0), math.nextafter(p, math.inf)]
    # subnormals: the smallest multiples, and random ones
    out += [k * 5e-324 for k in range(1, 101)]
    out += [from_bits(rng.getrandbits(52)) for _ in range(300)]
    # powers of ten and a few ulps around them, covering the fixed/exponent switches at 1e-4 and
    # 1e16 and the last exact power, 1e22
    for k in range(-30, 31):
        t = float('1e%d' % k)
        lo = hi = t
        out.append(t)
        for _ in range(3):
            lo, hi = math.nextafter(lo, -math.inf), math.nextafter(hi, math.inf)
            out += [lo, hi]
    # integers near 2**53, where doubles stop holding every integer
    out += [float(2 ** 53 + d) for d in range(-4, 5)]
    # random bit patterns (any exponent), and decimal-looking values such as 0.1 or 123.456
    while len(out) < 8500:
        x = from_bits(rng.getrandbits(64))
        if math.isfinite(x):
            out.append(x)
    out += [round(rng.uniform(-1e6, 1e6), rng.randint(0, 8)) for _ in range(500)]
    out += [0.0, -0.0, math.inf, -math.inf, math.nan]
    out += [-x for x in out[:600]]
    seen, unique = set(), []
    for x in out:
        if bits(x) not in seen:
            seen.add(bits(x))
            unique.append(x)
    return unique


def random_string(rng):
    alphabet = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\t', '\x00', '\x1f', '\x7f', '\u00e9',
                '\u4e2d', '\uffff', '\U0001f600', '\U00010000']
    return ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))


def random_value(rng, depth=0):
    kind = rng.randint(0, 9 if depth < 3 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.choice([0, 1, -1, 2 ** 31, 2 ** 53 + 1, 2 ** 63 - 1, -2 ** 63, 2 ** 64, -2 ** 70 - 3,
                           rng.randint(-10 ** 30, 10 ** 30)])
    if kind == 3:
        return rng.randint(-1000, 1000)
    if kind in (4, 5):
        x = from_bits(rng.getrandbits(64))
        return x if math.isfinite(x) or rng.random() < 0.2 else rng.choice([1.5, 2 ** -24, 1e16, 1e-05])
    if kind == 6:
        return random_string(rng)
    if kind in (7, 8):
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {random_string(rng): random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def main():
    with open('python-floats.tsv', 'w', newline='\n') as out:
        out.write('# IEEE-754 bits (hex)\tjson.dumps(x, sort_keys=True) by Python %s\n' % sys.version.split()[0])
        for x in floats():
            out.write('%016x\t%s\n' % (bits(x), json.dumps(x, sort_keys=True)))
    rng = random.Random(42)
    with open('python-values.txt', 'w', newline='\n') as out:
        out.write('# json.dumps(v, sort_keys=True) by Python %s, one random value per line\n' % sys.version.split()[0])
        for _ in range(2000):
            out.write(json.dumps(random_value(rng), sort_keys=True) + '\n')


if __name__ == '__main__':
    main()
