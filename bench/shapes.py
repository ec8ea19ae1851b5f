#!/usr/bin/env python3
"""Sheets of one odd shape each, at two sizes, run through `ikigai run`: the time must grow
with the rows, not with their square. A shape is what a clerk's mistake or a real crowd
makes of a sheet: one name filled down a column over many phones, one care home's phone for
everyone, one group of thousands, every row rejected. Prints each shape's seconds at N and
at 4N rows, for a first run and for a second one into the same Output (the next month's,
which reads what the first left), their ratios and the peak memory at 4N. A ratio far above
4 means the cost grows faster than the rows (the first shape took 126 s at 20,000 rows
before identity capped a person's profiles).
Everyone in the sheets is made up.

  swift build -c release
  python3 bench/shapes.py .build/release/ikigai [N] [SHAPE...]      (N defaults to 5,000)

Exits 1 when a run ends with a status outside the contract (0, 1, 2), takes longer than the
time-out, or grows more than 8 times from N to 4N (twice the linear 4, leaving room for this
machine's noise)."""
import os, shutil, subprocess, sys, tempfile, time

SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤']
GIVEN = ['和子', '洋子', '節子', '幸子', '正男', '茂', '清', '博', '勝', '京子']
HEADER = '日付,事業,行事,氏名,電話番号,年齢,住所,本人確認'


def day(i):
    return f'2018-{4 + i % 9:02d}-{1 + i % 28:02d}'


def phone(i):
    return f'03-{1000 + i // 10000:04d}-{i % 10000:04d}'


def name(i):
    return f'{SURNAMES[i % 10]} {GIVEN[i // 10 % 10]}{"" if i < 100 else i}'


# Each shape by name: the rows of a visits sheet, a (folder, rows) pair for one sheet of another
# kind, or paths under the input folder with their rows.
def shapes(n):
    series = (n + 19) // 20
    return {
        'filled-down name and house': [f'{day(i)},交流,ふれあい喫茶,佐藤 和子,{phone(i)},75,東京都新宿区大久保1-2-3,済' for i in range(n)],
        'one care home phone': [f'{day(i)},交流,ふれあい喫茶,{name(i)},03-1111-2222,{60 + i % 40},東京都新宿区大久保1-2-3,済' for i in range(n)],
        'one name and phone, every age': [f'{day(i)},交流,ふれあい喫茶,佐藤 和子,03-1111-2222,{60 + i % 40},東京都新宿区大久保1-{i % 50}-3,済' for i in range(n)],
        'phones one digit apart': [f'{day(i)},交流,ふれあい喫茶,佐藤 和子,03-{1111 + i % 9 * 1000}-{2222 + i // 9 % 7 * 1000},{60 + i % 7},東京都新宿区百人町{1 + i % 4}丁目,済' for i in range(n)],
        'one surname at one house': [f'{day(i)},交流,ふれあい喫茶,佐藤 {GIVEN[i % 10]}{i},{phone(i)},75,東京都新宿区大久保1-2-3,済' for i in range(n)],
        'the same row again and again': [f'2018-05-10,交流,ふれあい喫茶,佐藤 和子,03-1111-2222,75,東京都新宿区大久保1-2-3,済' for _ in range(n)],
        'every row rejected': [f'{day(i)},交流,ふれあい喫茶,{name(i)},{phone(i)},75,大阪府大阪市北区1-2-3,未' for i in range(n)],
        'every visit a distinct event': [f'{day(i)},交流,行事{i},{name(i)},{phone(i)},75,東京都新宿区大久保1-2-{i},済' for i in range(n)],
        'one class every day': [f'{day(i)},介護予防,K01,{name(i)},{phone(i)},75,東京都新宿区大久保1-2-{i},済' for i in range(n)],
        'one group of everyone': ('groups', ['グループ名,氏名,電話番号'] + [f'囲碁の会,{name(i)},{phone(i)}' for i in range(n)]),
        'a group for each person': ('groups', ['グループ名,氏名,電話番号'] + [f'会{i},{name(i)},{phone(i)}' for i in range(n)]),
        'one lottery class, everyone applies': ('applications', ['申込日,講座ID,氏名,電話番号,年齢,住所,本人確認']
            + [f'2018-04-{1 + i % 19:02d},K02,{name(i)},{phone(i)},75,東京都新宿区大久保1-2-{i},済' for i in range(n)]),
        # A larger ward's programme: a class series for every 20 visits, each with a roster for
        # every session of the year.
        'a class series for every 20 visits': {
            'classes.csv': ['講座ID,講座名,区分,定員,曜日,週,開始,終了,会場,期間開始,期間終了,祝日,申込締切'] + [
                f'K{c + 1:04d},講座{c + 1},自由,30,{"月火水木金"[c % 5]},"1,2,3,4",{9 + c % 8}:00,{9 + c % 8}:50,室{c // 40},'
                '2018-04-01,2019-03-31,休止,' for c in range(series)],
            'visits/2018-04.csv': [HEADER] + [
                # Series c meets on weekday c % 5 of weeks 1–4; April 2018 begins on a Sunday.
                f'2018-04-{2 + i % series % 5 + 7 * (i // series % 4):02d},介護予防,K{i % series + 1:04d},'
                f'{name(i)},{phone(i)},70,東京都新宿区大久保1-2-{i},済' for i in range(n)]},
        # Ten rows a sheet: a desk that saves one sheet a day, or a folder of copies.
        'a sheet for every ten rows': {f'visits/{k:05d}.csv': [HEADER] + [
            f'{day(i)},交流,ふれあい喫茶,{name(i)},{phone(i)},75,東京都新宿区大久保1-2-{i},済' for i in range(10 * k, min(n, 10 * k + 10))]
            for k in range((n + 9) // 10)},
    }


def write(folder, sample, shape):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for f in ('settings.toml', 'classes.csv'):
        shutil.copy(os.path.join(sample, f), folder)
    if isinstance(shape, tuple):
        shape = {shape[0] + '/2018-04.csv': shape[1]}
    elif isinstance(shape, list):
        shape = {'visits/2018-04.csv': [HEADER] + shape}
    for path, rows in shape.items():
        os.makedirs(os.path.dirname(os.path.join(folder, path)), exist_ok=True)
        with open(os.path.join(folder, path), 'w', encoding='utf-8') as f:
            f.write('\n'.join(rows) + '\n')


def run(binary, root, folder, out, timeout):
    """Seconds, exit status (or 'time-out') and peak memory in MiB of one run into `out`."""
    start = time.monotonic()
    p = subprocess.Popen([binary, 'run', '--input', folder, '--output', out, '--operator', '山田 花子'],
                         cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    status, peak = 'time-out', 0
    while True:
        # wait4 gives this child's own peak resident memory (the run re-executes itself once
        # for huge pages, in the same process).
        pid, code, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            status = os.waitstatus_to_exitcode(code)
            peak = usage.ru_maxrss // 1024
            break
        if time.monotonic() - start > timeout:
            p.kill()
            os.wait4(p.pid, 0)
            break
        time.sleep(0.005)
    return time.monotonic() - start, status, peak


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    only = sys.argv[3:]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sample = os.path.join(root, 'Input')
    work = tempfile.mkdtemp(prefix='ikigai-shapes-')
    failed = False
    print(f'{"shape":40} {"rows":>6} {"s":>6} {"again":>6} {"rows":>6} {"s":>6} {"again":>6} {"ratio":>6} {"again":>6} {"MiB":>5}  exit')
    try:
        for label in shapes(1):
            if only and label not in only:
                continue
            # Each size is run twice into one Output: the month's run, then the next month's,
            # which reads what the first left (person numbers, draws, the history).
            first, again, statuses, peak = [], [], [], 0
            for size in (n, 4 * n):
                folder, out = os.path.join(work, 'in'), os.path.join(work, 'out')
                shutil.rmtree(out, ignore_errors=True)
                write(folder, sample, shapes(size)[label])
                for times in (first, again):
                    seconds, status, peak = run(binary, root, folder, out, timeout=600)
                    times.append(seconds)
                    statuses.append(status)
            ratios = [t[1] / max(t[0], 1e-3) for t in (first, again)]
            outside = any(s not in (0, 1, 2) for s in statuses)
            failed |= outside or max(ratios) > 8
            print(f'{label:40} {n:6} {first[0]:6.2f} {again[0]:6.2f} {4 * n:6} {first[1]:6.2f} {again[1]:6.2f} '
                  f'{ratios[0]:6.2f} {ratios[1]:6.2f} {peak:5}  {"/".join(map(str, statuses))}'
                  + ('  <- grows faster than the rows' if max(ratios) > 8 else '') + ('  <- exit outside the contract' if outside else ''))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
