#!/usr/bin/env python3
"""A second opinion on every row: writes visits and applications sheets whose cells take the forms the
intake contract lists (shared/spec/intake.md: dates, ages, birth dates, phones, addresses, ID marks),
some of them wrong on purpose, works out from the contract alone what should become of each row, runs
`ikigai run` on them and compares row by row with Output/validation.csv.

Written from the contract, not from the Swift code, so that the two can disagree: a rule both got
wrong the same way is still possible, but not by sharing code. Prints each row on which they differ
and exits 1 if any does.

    swift build -c release
    python3 scripts/eligibility-oracle.py .build/release/ikigai [ROWS] [SEED]

Each row has at most one planted fault most of the time (then the code must be exactly the one the
fault calls for), sometimes two (then one of the two codes must be reported). Every name and phone is
used once, so no row is a repeat of another (R219), and no person has two ages.

Run from the project folder (the templates are found there). The settings and classes are the sample
Input's; the class sessions come from a first run's schedule.csv (tested on its own in swift test).
"""
import csv, datetime as dt, os, random, shutil, subprocess, sys, tempfile, tomllib

binary = os.path.abspath(sys.argv[1])
rows_wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
rng = random.Random(seed)
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix='ikigai-oracle-')
inp, out = os.path.join(work, 'Input'), os.path.join(work, 'Output')
os.makedirs(inp)
for f in ('settings.toml', 'classes.csv'):
    shutil.copy(os.path.join(root, 'Input', f), inp)
settings = tomllib.load(open(os.path.join(inp, 'settings.toml'), 'rb'))
FY = settings['fiscal_year']
FIRST, LAST = dt.date(FY, 4, 1), dt.date(FY + 1, 3, 31)
MIN_AGE = settings['eligibility']['min_age']
TOWNS = settings['ward']['towns']
WARD, PREF = settings['ward']['name'], settings['ward']['prefecture']


def run(*extra):
    return subprocess.run([binary, 'run', '--input', inp, '--output', out, '--operator',
                           settings['handlers'][0]['name'], *extra], capture_output=True, text=True, cwd=root, timeout=600)


# The sessions of each class, from a run with no sheets.
run()
sessions = {}
kinds = {}
for r in csv.DictReader(open(os.path.join(out, 'schedule.csv'), encoding='utf-8-sig')):
    sessions.setdefault(r['class_id'], set()).add(dt.date.fromisoformat(r['date']))
for r in csv.DictReader(open(os.path.join(inp, 'classes.csv'), encoding='utf-8-sig')):
    kinds[r['講座ID']] = r['区分']
shutil.rmtree(out)

FULL = str.maketrans('0123456789', '０１２３４５６７８９')
ERAS = [('M', '明治', dt.date(1868, 1, 25)), ('T', '大正', dt.date(1912, 7, 30)), ('S', '昭和', dt.date(1926, 12, 25)),
        ('H', '平成', dt.date(1989, 1, 8)), ('R', '令和', dt.date(2019, 5, 1))]


def era_of(d):
    for i in range(len(ERAS) - 1, -1, -1):
        if d >= ERAS[i][2]:
            return ERAS[i]
    return None


def write_date(d):
    """A valid date in one of the contract's forms."""
    form = rng.randrange(6)
    if form == 0:
        s = d.isoformat()
    elif form == 1:
        s = f'{d.year}/{d.month}/{d.day}'
    else:
        letter, name, start = era_of(d)
        y = d.year - start.year + 1
        if form in (2, 3):
            s = f'{letter}{y}.{d.month}.{d.day}'
        else:
            s = f'{name}{"元" if y == 1 and form == 5 else y}年{d.month}月{d.day}日'
    return s.translate(FULL) if rng.random() < 0.15 else s


def legal_age(birth, on):
    # 年齢計算ニ関スル法律 with 民法143条: N is reached on the day before the Nth birthday, so the age on
    # a day is the ordinary age on the next day (a 29 February birthday falls on 1 March then).
    nxt = on + dt.timedelta(days=1)
    return nxt.year - birth.year - ((nxt.month, nxt.day) < (birth.month, birth.day))


def birth_for(day, target):
    """A birth date whose legal age on `day` is `target`, often right at the birthday."""
    nxt = day + dt.timedelta(days=1)
    try:
        anchor = nxt.replace(year=nxt.year - target)  # the latest such birth date
    except ValueError:
        anchor = dt.date(nxt.year - target, 2, 28)
    while True:
        b = anchor - dt.timedelta(days=rng.choice([0, 0, 1, 2, rng.randint(0, 364)]))
        if legal_age(b, day) == target:
            return b


def phone_cell(serial):
    """A number of its own for each row, in one of the contract's forms: a mobile (11 digits) or a
    Tokyo landline (10)."""
    d = f'090{serial:08d}' if serial % 3 else f'03{serial:08d}'
    head = d[:3] if len(d) == 11 else d[:2]
    mid, tail = d[len(head):len(head) + 4], d[len(head) + 4:]
    s = rng.choice([d, f'{head}-{mid}-{tail}', f'{head}({mid}){tail}', f'{head} {mid} {tail}', f'+81 {head[1:]} {mid} {tail}'])
    if rng.random() < 0.1:
        s = s.translate(FULL).replace('-', '－')
    return s


def address_cell():
    town = rng.choice(TOWNS)
    c, b, h = rng.randint(1, 4), rng.randint(1, 30), rng.randint(1, 20)
    kanji = '〇一二三四五六七八九'
    return rng.choice([f'{PREF}{WARD}{town}{c}-{b}-{h}', f'{WARD}{town}{kanji[c]}丁目{b}番{h}号', f'{town}{c}-{b}-{h}',
                       f'{PREF}{WARD}{town}{c}丁目{b}-{h}'])


SURNAMES = '佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 清水 山崎'.split()
GIVEN = '和子 洋子 幸子 節子 弘子 京子 恵子 久子 美智子 清 茂 博 実 勇 進 正 明 隆 修 豊 稔 勝'.split()
CHECKED = ['済', '○', '〇', '✓', '有', 'yes', 'y', '1']
UNCHECKED = ['', '未', '×', 'no', '0', '無', 'なし']


def faults_for(kind):
    """Which cells of the row are wrong, and how; most rows have none."""
    n = rng.choices([0, 1, 2], [0.45, 0.45, 0.10])[0]
    menu = ['date-out', 'date-era', 'date-impossible', 'date-unreadable', 'young', 'phone-short', 'phone-long',
            'address-elsewhere', 'address-unknown', 'unchecked', 'age-unreadable', 'name-empty']
    menu += ['program', 'class-unknown', 'no-session'] if kind == 'visit' else ['class-open', 'class-unknown']
    return set(rng.sample(menu, n))


EXPECT = {'date-out': 'N301', 'date-era': 'R203', 'date-impossible': 'R204', 'date-unreadable': 'R202',
          'young': 'N302', 'phone-short': 'R209', 'phone-long': 'R209', 'address-elsewhere': 'N303',
          'address-unknown': 'H401', 'unchecked': 'N304', 'age-unreadable': 'R206', 'name-empty': 'R201',
          'program': 'R210', 'class-unknown': 'R211', 'no-session': 'H402', 'class-open': 'R213'}


def make_row(kind, with_birth, serial):
    f = faults_for(kind)
    cid = None
    if kind == 'visit':
        needs_class = 'class-unknown' in f or 'no-session' in f
        program = 'その他' if 'program' in f else '介護予防' if needs_class else rng.choice(['交流', '介護予防'])
        if program == '介護予防' or needs_class:
            cid = rng.choice(sorted(sessions))
    else:
        lottery = sorted(k for k, v in kinds.items() if v == '抽選')
        opened = sorted(k for k, v in kinds.items() if v != '抽選')
        cid = 'K99' if 'class-unknown' in f else rng.choice(opened if 'class-open' in f else lottery)
    # The day: in the year, and for a class visit one of its sessions (or not, as planted).
    if 'date-out' in f:
        day = rng.choice([FIRST - dt.timedelta(days=rng.randint(1, 400)), LAST + dt.timedelta(days=rng.randint(1, 30))])
    elif kind == 'visit' and cid and 'no-session' not in f and 'class-unknown' not in f and 'program' not in f:
        day = rng.choice(sorted(sessions[cid]))
    else:
        day = FIRST + dt.timedelta(days=rng.randrange((LAST - FIRST).days + 1))
    if kind == 'visit' and 'no-session' in f:
        while day in sessions[cid]:
            day += dt.timedelta(days=1)
        if day > LAST:  # past the year's last session-free day: the first one of the year
            day = FIRST
            while day in sessions[cid]:
                day += dt.timedelta(days=1)
    if 'date-era' in f:
        date_cell = rng.choice(['H31.5.1', '平成31年5月1日', 'R1.4.30', '令和元年4月30日'])
    elif 'date-impossible' in f:
        date_cell = rng.choice([f'{FY}-02-30', f'{FY}/4/31', f'H{FY - 1988}.6.31', f'{FY + 1}-02-29'])
    elif 'date-unreadable' in f:
        date_cell = rng.choice(['あした', '5/10/2018', '43230', '2018年'])
    else:
        date_cell = write_date(day)
    event = ('K99' if 'class-unknown' in f else cid) if cid else rng.choice(['健康まつり', '囲碁の会', '映画会'])
    # The age on that day: near the limit often, so that the birthday rule decides.
    target = MIN_AGE - rng.randint(1, 5) if 'young' in f else MIN_AGE + rng.choice([0, 0, 1, 5, 12, 25])
    if with_birth:
        b = birth_for(day, target)
        if 'young' in f and rng.random() < 0.5:
            b = birth_for(day, MIN_AGE) + dt.timedelta(days=1)  # the first birth date too young that day
            while legal_age(b, day) >= MIN_AGE:
                b += dt.timedelta(days=1)
        age_cell = 'きのう' if 'age-unreadable' in f else write_date(b)
        if 'age-unreadable' in f:
            f.discard('age-unreadable')
            f.add('birth-unreadable')
    else:
        age_cell = rng.choice(['ろくじゅう', '6O', '六十五', '65.5']) if 'age-unreadable' in f else str(target)
        if 'age-unreadable' not in f and rng.random() < 0.2:
            age_cell = age_cell.translate(FULL)
    name = '' if 'name-empty' in f else f'{SURNAMES[serial % len(SURNAMES)]} {GIVEN[serial // len(SURNAMES) % len(GIVEN)]}'
    name += '' if not name else f'{chr(0x30A2 + serial // (len(SURNAMES) * len(GIVEN)) % 40)}'
    phone = phone_cell(serial)
    if 'phone-short' in f:
        phone = f'03-{serial % 1000:03d}-{serial % 10000:04d}'
    if 'phone-long' in f:
        phone = f'090-1234-{serial % 10000:04d}-5'
    address = address_cell()
    if 'address-elsewhere' in f:
        address = rng.choice(['東京都中野区中野1-2-3', '中野区中央2-1-1', '神奈川県横浜市中区山下町1', '大阪府大阪市北区梅田1-1'])
    if 'address-unknown' in f:
        address = rng.choice(['1-2-3', '東京都1-2-3', 'アパート2号室', '2丁目3番'])
    idc = rng.choice(UNCHECKED) if 'unchecked' in f else rng.choice(CHECKED)
    cells = [date_cell, program if kind == 'visit' else cid, event if kind == 'visit' else name,
             name if kind == 'visit' else phone, phone if kind == 'visit' else age_cell,
             age_cell if kind == 'visit' else address, address if kind == 'visit' else idc]
    if kind == 'visit':
        cells.append(idc)
    return cells, f


EXPECT['birth-unreadable'] = 'R202'
sheets = {
    'visits/oracle-age.csv': ('visit', False, ['日付', '事業', '行事', '氏名', '電話番号', '年齢', '住所', '本人確認'], 'utf-8-sig'),
    'visits/oracle-birth.csv': ('visit', True, ['日付', '事業', '行事', '氏名', '電話番号', '生年月日', '住所', '本人確認'], 'utf-8'),
    'applications/oracle-age.csv': ('application', False, ['申込日', '講座ID', '氏名', '電話番号', '年齢', '住所', '本人確認'], 'utf-8-sig'),
    'applications/oracle-birth.csv': ('application', True, ['申込日', '講座ID', '氏名', '電話番号', '生年月日', '住所', '本人確認'], 'utf-8'),
}
planted = {}
serial = 0
for path, (kind, birth, header, enc) in sheets.items():
    os.makedirs(os.path.join(inp, os.path.dirname(path)), exist_ok=True)
    with open(os.path.join(inp, path), 'w', encoding=enc, newline='') as fh:
        w = csv.writer(fh, lineterminator='\r\n')
        w.writerow(header)
        for i in range(rows_wanted // len(sheets)):
            serial += 1
            cells, f = make_row(kind, birth, serial)
            w.writerow(cells)
            planted[(path, i + 2)] = f
done = run()
if done.returncode not in (0, 1):
    sys.exit(f'ikigai run ended with {done.returncode}:\n{done.stderr[-2000:]}')
found = {}
for r in csv.DictReader(open(os.path.join(out, 'validation.csv'), encoding='utf-8-sig')):
    if r['code'][:1] in 'RNHS':
        found.setdefault((r['file'], int(r['row'])), set()).add(r['code'])
differ = 0
for key, f in sorted(planted.items()):
    codes = found.get(key, set())
    wanted = {EXPECT[x] for x in f}
    ok = (not codes) if not f else (wanted <= codes if len(f) == 1 else bool(wanted & codes))
    if not ok:
        differ += 1
        if differ <= 40:
            print(f'{key[0]}:{key[1]} planted {sorted(f) or "nothing"} expects {sorted(wanted) or "accepted"}, ikigai said {sorted(codes) or "accepted"}')
print(f'{len(planted)} rows, {sum(1 for f in planted.values() if f)} with a planted fault; {differ} differ.'
      + (f' The sheets and Output are in {work}.' if differ else ''))
if not differ:
    shutil.rmtree(work)
sys.exit(1 if differ else 0)
