#!/usr/bin/env python3
"""Edits each file a run reads from the previous Output/ in many ways and runs ikigai over each
edit: `run`, `audit verify`, `lottery verify` and `report handling` must end with an exit status
of the contract (0, 1 or 2), never a signal or a time-out. Prints each edit that did not.

    swift build -c release
    .build/release/ikigai sample --people 300 --seed 4 --out /tmp/ef/in
    .build/release/ikigai run --input /tmp/ef/in --output /tmp/ef/base --operator "山田 花子" --through 2019-02
    python3 scripts/edit-previous-output.py .build/release/ikigai /tmp/ef/in /tmp/ef/base 12

The last number is how many random edits (bytes changed, inserted, deleted) to make of each file
besides the fixed ones. The tests run a few of the fixed edits (EditedOutputTests)."""
import os, random, re, shutil, subprocess, sys, tempfile

binary, input_dir, base = (os.path.abspath(a) for a in sys.argv[1:4])
randoms = int(sys.argv[4]) if len(sys.argv) > 4 else 0
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
skip = re.compile(r'(\.html|\.ics|README\.md)$')
files = sorted(os.path.relpath(os.path.join(d, f), base) for d, _, fs in os.walk(base) for f in fs if not skip.search(f))
number = re.compile(rb'(?<![0-9A-Za-z])[0-9]+(?![0-9A-Za-z])')

def edits(data):
    yield 'empty', b''
    yield 'half', data[:len(data) // 2]
    yield 'cut-mid-character', data[:len(data) // 2 + 1]
    yield 'garbage', bytes(random.Random(1).randrange(256) for _ in range(4000))
    yield 'nul', data.replace(b',', b'\x00', 20)
    for n in [b'9223372036854775807', b'-9223372036854775808', b'99999999999999999999999', b'1e308', b'-1', b'0']:
        yield 'numbers ' + n.decode(), number.sub(n, data)
    yield 'person numbers', re.sub(rb'P[0-9]+', b'P9223372036854775807', data)
    yield 'twice', data + data
    yield 'open quote', data.replace(b',', b',"', 1)
    yield 'crlf', data.replace(b'\n', b'\r\n')
    yield 'bom inside', data[:100] + b'\xef\xbb\xbf' + data[100:]
    rng = random.Random(len(data))
    for k in range(randoms):
        b = bytearray(data)
        for _ in range(rng.choice([1, 2, 8])):
            if not b:
                break
            i = rng.randrange(len(b))
            op = rng.randrange(3)
            if op == 0:
                b[i] = rng.choice(b'0123456789-",{}[]\n:9')
            elif op == 1:
                b[i:i] = rng.choice([b'9999999999999999999', b'-', b'"', b'\n', b',', b'{', b'0'])
            else:
                del b[i:i + rng.randrange(1, 40)]
        yield 'random %d' % k, bytes(b)

draws = [f for f in files if f.endswith('-draw.json')]
bad = runs = 0
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, 'Output')
    for f in files:
        data = open(os.path.join(base, f), 'rb').read()
        for name, edited in edits(data):
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(base, out, symlinks=True)
            open(os.path.join(out, f), 'wb').write(edited)
            commands = [['run', '--input', input_dir, '--output', out, '--operator', '山田 花子'],
                        ['audit', 'verify', '--output', out],
                        ['report', 'handling', '--input', input_dir, '--output', out, '--operator', '山田 花子']]
            commands += [['lottery', 'verify', os.path.join(out, d), '--input', input_dir, '--operator', '山田 花子'] for d in draws[:1]]
            for args in commands:
                runs += 1
                try:
                    r = subprocess.run([binary] + args, capture_output=True, timeout=300, cwd=root)
                    status, err = r.returncode, r.stderr.decode(errors='replace')
                except subprocess.TimeoutExpired:
                    status, err = 'time-out', ''
                if status not in (0, 1, 2):
                    bad += 1
                    why = [l.strip() for l in err.splitlines() if 'failure' in l or 'Fatal' in l][:1]
                    print('BAD', f, '|', name, '|', args[0], args[1], '|', status, why, flush=True)
                    break
print(f'{runs} commands over {len(files)} files; {bad} ended otherwise than with 0, 1 or 2')
sys.exit(1 if bad else 0)
