#!/usr/bin/env python3
"""Edits the input sheets and settings.toml one value at a time (extreme numbers, impossible dates
and times, very long or odd text) and runs `ikigai run` over each edit. Each run must end with an
exit status of the contract (0, 1 or 2), never a signal or a time-out; its summary must account for
every row read (読込 = 受付 + 却下); and a name put into a people sheet must not reach the terminal.
Prints each edit that broke one of these.

    swift build -c release
    .build/release/ikigai sample --people 300 --seed 4 --out /tmp/ef/in
    python3 scripts/edit-input.py .build/release/ikigai /tmp/ef/in

A people sheet has its first two data rows edited, classes.csv and decisions.csv their first three,
settings.toml each value in turn; whole-file edits (cut, doubled, NULs, CRLF, a BOM inside) are made
of each of them. Names after the folder edit only those files, e.g. `decisions.csv` in a folder that
has one (the sample has none: save a run's people/review.csv there with 判定 filled in).
scripts/edit-previous-output.py does the same for the files a run reads from the previous Output/.

`--same-as OTHER` also runs a second build over each edit and requires the same exit status and the
same bytes in every file of Output/ but audit/ (whose records carry the time): a check that a change
of build (static linking, compiler flags) or a rewrite that should change nothing changed nothing,
on inputs far from the sample's.

    python3 scripts/edit-input.py --same-as /tmp/ikigai-before .build/release/ikigai /tmp/ef/in"""
import filecmp, os, random, re, shutil, subprocess, sys, tempfile

args = sys.argv[1:]
other = None
if '--same-as' in args:
    k = args.index('--same-as')
    other = os.path.abspath(args[k + 1])
    del args[k:k + 2]
binary, input_dir = (os.path.abspath(a) for a in args[0:2])
only = args[2:]  # file names (relative to the input folder) to edit; all kinds when empty
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET = '秘匿試験太郎'

CELLS = ['9223372036854775807', '-9223372036854775808', '99999999999999999999999', '0', '-1', '1e308',
         '9999-12-31', '0001-01-01', '0000-00-00', '2019-02-29', '2019/13/45', 'R99.12.31', '令和9999年1月1日',
         'M1.1.1', 'S0.0.0', '平成31年5月1日', '99:99', '25:00', '午後99時', '10:00~99:99',
         'x' * 100000, '"', '""', '=cmd|"/c calc"!A1', '\u3000', '👨\u200d👩\u200d👧', 'ｱｲｳｴｵ', '\x00',
         '１２３４５６７８９０' * 4, '0' * 50, '東京都新宿区大久保' + '9' * 30 + '丁目', SECRET]
TOML_NUMBERS = ['9223372036854775807', '-9223372036854775808', '0', '-1', '1e308', 'nan', 'inf',
                '"9223372036854775807"', '9999-12-31', '[]', '{}', 'true']
TOML_DATES = ['9999-12-31', '0001-01-01', '2019-02-29', '1900-01-01T00:00:00', '"2018-04-01"', '0']
TOML_STRINGS = ['""', '"' + 'x' * 100000 + '"', '"\\u0000"', '"👨\u200d👩\u200d👧"', '0', '[]',
                '"12-32"', '"99-99"', '"-1"']


def encoding_of(data):
    try:
        data.decode('utf-8')
        return 'utf-8'
    except UnicodeDecodeError:
        return 'cp932'


def whole_file(data):
    yield 'empty', b''
    yield 'header only', data.split(b'\n', 1)[0] + b'\n'
    yield 'half', data[:len(data) // 2]
    yield 'cut mid character', data[:len(data) // 2 + 1]
    yield 'garbage', bytes(random.Random(1).randrange(256) for _ in range(4000))
    yield 'nul', data.replace(b',', b'\x00', 20)
    yield 'twice', data + data
    yield 'open quote', data.replace(b',', b',"', 1)
    yield 'crlf', data.replace(b'\n', b'\r\n')
    yield 'cr only', data.replace(b'\n', b'\r')
    yield 'bom inside', data[:100] + b'\xef\xbb\xbf' + data[100:]


def cell_edits(data, rows):
    """Each cell of the first `rows` data rows replaced in turn by each value of CELLS. Cells are
    split at commas outside quotes, as a clerk's sheet writes them. Then row 1 with a person's
    cells in it: a name and phone typed right of the headers, and the first row joined to the
    headers (its line break lost)."""
    enc = encoding_of(data)
    text = data.decode(enc)
    lines = text.split('\n')
    if len(lines) > 1:
        header = lines[0].rstrip('\r')
        yield 'row 1 + a name and phone', '\n'.join([header + f',{SECRET},090-9999-0000'] + lines[1:]).encode(enc, errors='replace'), SECRET
        row = lines[1].rstrip('\r')
        joined = split_cells(row)
        joined[min(1, len(joined) - 1)] = SECRET
        yield 'row 1 + row 2 joined', '\n'.join([header + ',' + ','.join(joined)] + lines[2:]).encode(enc, errors='replace'), SECRET
    for r in range(1, min(rows + 1, len(lines))):
        parts = split_cells(lines[r])
        for c in range(len(parts)):
            for value in CELLS:
                edited = parts[:c] + [value] + parts[c + 1:]
                out = lines[:r] + [','.join(edited)] + lines[r + 1:]
                yield f'row {r + 1} column {c + 1} = {value[:24]!r}', '\n'.join(out).encode(enc, errors='replace'), value


def split_cells(line):
    parts, cur, quoted = [], '', False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        if ch == ',' and not quoted:
            parts.append(cur)
            cur = ''
        else:
            cur += ch
    parts.append(cur)
    return parts


def toml_edits(data):
    text = data.decode('utf-8')
    kinds = [(re.compile(r'(?<=[=\[, ])\d{4}-\d{2}-\d{2}(?=[\],\n])'), TOML_DATES),
             (re.compile(r'(?<== )-?\d+(?=\n)'), TOML_NUMBERS),
             (re.compile(r'"[^"\n]*"'), TOML_STRINGS)]
    for pattern, values in kinds:
        for m in pattern.finditer(text):
            for value in values:
                line = text.count('\n', 0, m.start()) + 1
                yield f'line {line} {m.group(0)[:16]!r} -> {value[:24]!r}', (text[:m.start()] + value + text[m.end():]).encode(), None


def run(out, program=None, output='Output'):
    try:
        r = subprocess.run([program or binary, 'run', '--input', os.path.join(out, 'in'), '--output', os.path.join(out, output),
                            '--operator', '山田 花子'], capture_output=True, timeout=120, cwd=root)
    except subprocess.TimeoutExpired:
        return 'time-out', ''
    return r.returncode, r.stdout.decode(errors='replace') + r.stderr.decode(errors='replace')


def first_difference(a, b):
    """The first path (audit/ aside) that one Output/ has and the other lacks or holds other bytes in."""
    def files(root_dir):
        found = set()
        for d, _, fs in os.walk(root_dir):
            for f in fs:
                rel = os.path.relpath(os.path.join(d, f), root_dir)
                if not rel.startswith('audit' + os.sep):
                    found.add(rel)
        return found
    fa, fb = files(a), files(b)
    for rel in sorted(fa ^ fb):
        return rel + (' (only in the first)' if rel in fa else ' (only in the second)')
    for rel in sorted(fa):
        if not filecmp.cmp(os.path.join(a, rel), os.path.join(b, rel), shallow=False):
            return rel
    return None


files = sorted(os.path.relpath(os.path.join(d, f), input_dir) for d, _, fs in os.walk(input_dir) for f in fs
               if f.endswith(('.csv', '.toml')))
people = [f for f in files if f.startswith(('visits/', 'applications/', 'groups/'))]
chosen = [f for f in files if not f.startswith(('visits/', 'groups/'))]
chosen += [next(f for f in people if f.startswith('visits/')), next(f for f in people if f.startswith('groups/'))]
if only:
    chosen = [f for f in files if f in only]

bad = runs = 0
with tempfile.TemporaryDirectory() as tmp:
    for f in chosen:
        data = open(os.path.join(input_dir, f), 'rb').read()
        if f.endswith('.toml'):
            edits = [(n, e, None) for n, e in whole_file(data)] + list(toml_edits(data))
        else:
            rows = 3 if f in ('classes.csv', 'decisions.csv') else 2
            edits = [(n, e, None) for n, e in whole_file(data)] + list(cell_edits(data, rows))
        for name, edited, value in edits:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(input_dir, os.path.join(tmp, 'in'))
            open(os.path.join(tmp, 'in', f), 'wb').write(edited)
            runs += 1
            status, said = run(tmp)
            problem = None
            if status not in (0, 1, 2):
                why = [l.strip() for l in said.splitlines() if 'failure' in l or 'Fatal' in l][:1]
                problem = f'status {status} {why}'
            elif status != 2:
                m = re.search(r'読込 (\d+) ／ 受付 (\d+) ／ 却下 (\d+)', said)
                if not m:
                    problem = 'no row summary'
                elif int(m.group(1)) != int(m.group(2)) + int(m.group(3)):
                    problem = 'rows unaccounted: ' + m.group(0)
            if problem is None and value == SECRET and f in people and SECRET in said:
                problem = 'a name reached the terminal'
            if problem is None and other:
                other_status, _ = run(tmp, other, 'Output-other')
                if other_status != status:
                    problem = f'status {status}, the other build {other_status}'
                else:
                    differs = first_difference(os.path.join(tmp, 'Output'), os.path.join(tmp, 'Output-other'))
                    if differs:
                        problem = f'differs from the other build: {differs}'
            if problem:
                bad += 1
                print('BAD', f, '|', name, '|', problem, flush=True)
print(f'{runs} runs over {len(chosen)} files; {bad} broke the contract')
sys.exit(1 if bad else 0)
