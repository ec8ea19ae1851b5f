#!/usr/bin/env python3
"""A year of sheets written to the intake contract by other hands than `ikigai sample`, with
the truth (which person each row is) kept beside it, so that same-person finding is measured
on habits the tool's own generator does not have. Everyone in it is made up.

  bench/other-year.py OUT_DIR [SEED] [PEOPLE]     writes OUT_DIR/ and OUT_DIR.truth.csv
  ikigai run --input OUT_DIR --output OUT --operator "山田 花子"
  bench/identity-score.py OUT_DIR.truth.csv OUT   pairwise precision and recall, and each
                                                  lottery's tickets against OUT_DIR.tickets.csv

Its habits: a third of the people live as couples on one landline; some parents and children
share a name and a landline; most residents have a mobile, and many give their landline at
one visit and the mobile at the next; a few move house in the ward; names are written with
old kanji or without, with or without a space, readings in any kana or not at all; every
phone, date and address form of the contract; a few rows are ineligible (no ID check,
under 60). Slips at the desk: a given name in hiragana (3% of visits), a phone with one digit
wrong (2%), an age with its digits swapped (0.5%). Residents from abroad (3%) are named in
Latin letters, in the card's order and case or the desk's. Group lists (name and phone only)
are CP932, as the ward sends them.
"""
import random, csv, os, sys, datetime, shutil
if len(sys.argv) < 2:
    sys.exit(__doc__)
out = sys.argv[1].rstrip("/")
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
N = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
here = os.path.dirname(os.path.abspath(__file__))
surnames = [("佐藤","サトウ"),("鈴木","スズキ"),("髙橋","タカハシ"),("田中","タナカ"),("渡邊","ワタナベ"),("伊藤","イトウ"),
 ("山本","ヤマモト"),("中村","ナカムラ"),("小林","コバヤシ"),("加藤","カトウ"),("吉田","ヨシダ"),("山田","ヤマダ"),("齋藤","サイトウ"),
 ("山﨑","ヤマザキ"),("澤田","サワダ"),("濱田","ハマダ"),("國井","クニイ"),("嶋田","シマダ"),("廣瀬","ヒロセ"),("松本","マツモト"),
 ("井上","イノウエ"),("木村","キムラ"),("林","ハヤシ"),("清水","シミズ"),("森","モリ"),("池田","イケダ"),("橋本","ハシモト"),
 ("石川","イシカワ"),("前田","マエダ"),("藤田","フジタ"),("岡田","オカダ"),("後藤","ゴトウ"),("長谷川","ハセガワ"),("村上","ムラカミ"),("近藤","コンドウ")]
fold = {"髙":"高","邊":"辺","齋":"斎","﨑":"崎","澤":"沢","濱":"浜","國":"国","嶋":"島","廣":"広"}
female = [("和子","カズコ"),("幸子","サチコ"),("節子","セツコ"),("洋子","ヨウコ"),("京子","キョウコ"),("恵子","ケイコ"),("弘子","ヒロコ"),
 ("美智子","ミチコ"),("久子","ヒサコ"),("良子","ヨシコ"),("悦子","エツコ"),("信子","ノブコ"),("すみ子","スミコ"),("ハル","ハル"),
 ("千代","チヨ"),("静江","シズエ"),("文子","フミコ"),("トシ子","トシコ"),("冨美子","フミコ"),("澄子","スミコ")]
male = [("清","キヨシ"),("茂","シゲル"),("博","ヒロシ"),("実","ミノル"),("勝","マサル"),("弘","ヒロシ"),("進","ススム"),("武","タケシ"),
 ("正","タダシ"),("昭","アキラ"),("修","オサム"),("隆","タカシ"),("勇","イサム"),("一郎","イチロウ"),("正男","マサオ"),("和夫","カズオ")]
towns = ["大久保","百人町","北新宿","高田馬場","戸山","西早稲田"]
kanjinum = "〇一二三四五六七八九"
class P: pass
people = []
def landline(): return "03-%04d-%04d" % (rnd.randint(3000, 6999), rnd.randint(0, 9999))
def mobile(): return "%s-%04d-%04d" % (rnd.choice(["090","080","070"]), rnd.randint(1000, 9999), rnd.randint(0, 9999))
def home(): return (rnd.choice(towns), rnd.randint(1, 4), rnd.randint(1, 30), rnd.randint(1, 25))
def birth(lo=1928, hi=1958): return datetime.date(rnd.randint(lo, hi), rnd.randint(1, 12), rnd.randint(1, 28))
# (family name, given name) in Latin letters and in katakana, as the card and a clerk write them.
latin = [(("KIM", "キム"), ("YOUNGJA", "ヨンジャ")), (("LEE", "イ"), ("SOOKJA", "スクチャ")), (("PARK", "パク"), ("MIKYUNG", "ミギョン")),
         (("CHEN", "チン"), ("MEI", "メイ")), (("WANG", "ワン"), ("LIPING", "リーピン")), (("NGUYEN", "グエン"), ("THI LAN", "ティ ラン")),
         (("SMITH", "スミス"), ("JOHN", "ジョン")), (("SANTOS", "サントス"), ("MARIA", "マリア"))]
def person(sur, given, b, addr, land, mob):
    p = P(); p.id = len(people); p.sur, p.given, p.birth, p.addr, p.land, p.mob = sur, given, b, addr, land, mob
    p.moved = None; p.latin = False
    people.append(p); return p
while len(people) < N:
    sur = rnd.choice(surnames)
    r = rnd.random()
    if r < 0.35:   # a couple: one landline, one address, same surname
        addr, land = home(), landline()
        b = birth()
        person(sur, rnd.choice(male), b, addr, land, mobile() if rnd.random() < .4 else None)
        person(sur, rnd.choice(female), birth(b.year - 3, min(b.year + 6, 1957)), addr, land, mobile() if rnd.random() < .4 else None)
    elif r < 0.37:  # parent and child of one name on one landline (the child 60+ too)
        addr, land = home(), landline(); g = rnd.choice(male + female)
        person(sur, g, birth(1926, 1932), addr, land, None); person(sur, g, birth(1950, 1956), addr, land, None)
    elif r < 0.40:  # a resident from abroad, named in Latin letters on the residence card
        sur, given = rnd.choice(latin)
        p = person(sur, given, birth(), home(), landline() if rnd.random() < .5 else None, mobile())
        p.latin = True
    else:
        person(sur, rnd.choice(male + female), birth(), home(), landline() if rnd.random() < .7 else None, mobile())
for p in people:
    if p.land is None and p.mob is None: p.mob = mobile()
    if rnd.random() < 0.03: p.moved = (datetime.date(2018, rnd.randint(6, 12), 1), home())
fy0 = datetime.date(2018, 4, 1)
def age_on(b, d):
    a = d.year - b.year - ((d.month, d.day) < (b.month, b.day))
    # The legal rule: one is a year older from the day before the birthday.
    nxt = datetime.date(d.year, b.month, b.day) - datetime.timedelta(days=1)
    if (d.month, d.day) == (nxt.month, nxt.day) and a == d.year - b.year - 1: a += 1
    return a
def zen(s): return s.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
def hira(k): return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in k)
def kana_var(k):
    r = rnd.random()
    if r < .2: return ""
    if r < .45: return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in k)
    if r < .55:
        return k.translate(HALF)   # half-width, as old systems print it
    return k
full = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー"
half = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ"
HALF = {ord(a): b for a, b in zip(full, half)}
for a, b in zip("ガギグゲゴザジズゼゾダヂヅデドバビブベボ", "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ"): HALF[ord(a)] = b + "ﾞ"
for a, b in zip("パピプペポ", "ﾊﾋﾌﾍﾎ"): HALF[ord(a)] = b + "ﾟ"
HALF[ord("　")] = " "
def name_var(p):
    if p.latin:   # the card's order and case, the desk's, or given name first
        s, g = p.sur[0], p.given[0]
        return rnd.choice([s + " " + g, s.title() + " " + g.title(), g.title() + " " + s.title(), s + ", " + g.title()])
    s, g = p.sur[0], p.given[0]
    if rnd.random() < .4: s = "".join(fold.get(c, c) for c in s)
    sep = rnd.choice(["", " ", "　", "　"])
    return s + sep + g
def kana_of(p): return p.sur[1] + rnd.choice([" ", "　", ""]) + p.given[1]
def phone_var(num):
    d = num.replace("-", "")
    f = rnd.randrange(6)
    if f == 0: return num
    if f == 1: return d
    a, b, c = num.split("-")
    if f == 2: return "%s(%s)%s" % (a, b, c)
    if f == 3: return zen(num)
    if f == 4: return "%s %s %s" % (a, b, c)
    return "+81 %s %s %s" % (a[1:], b, c)
def addr_var(addr):
    t, c, b, g = addr
    f = rnd.randrange(5)
    if f == 0: return "東京都新宿区%s%d-%d-%d" % (t, c, b, g)
    if f == 1: return "新宿区%s%s丁目%d番%d号" % (t, kanjinum[c], b, g)
    if f == 2: return "%s%d丁目%d-%d" % (t, c, b, g)
    if f == 3: return zen("東京都新宿区%s%d-%d-%d" % (t, c, b, g))
    return "%s%d-%d-%d" % (t, c, b, g)
def date_var(d):
    f = rnd.randrange(4)
    if f == 0: return d.isoformat()
    if f == 1: return "%d/%d/%d" % (d.year, d.month, d.day)
    if f == 2: return "H%d.%d.%d" % (d.year - 1988, d.month, d.day) if d < datetime.date(2019, 5, 1) else "R%d.%d.%d" % (d.year - 2018, d.month, d.day)
    return "%d年%d月%d日" % (d.year, d.month, d.day)
def birth_var(b):
    if b < datetime.date(1926, 12, 25): return b.isoformat()   # 大正: written in the Western calendar
    f = rnd.randrange(3)
    if f == 0: return "S%d.%d.%d" % (b.year - 1925, b.month, b.day)
    if f == 1: return "昭和%d年%d月%d日" % (b.year - 1925, b.month, b.day)
    return b.isoformat()
truth = []  # (file, row, person, expected)
tickets = {}  # class -> the people who hold a ticket
if os.path.exists(out): shutil.rmtree(out)
os.makedirs(out + "/visits"); os.makedirs(out + "/groups"); os.makedirs(out + "/applications")
shutil.copy(here + "/../Input/settings.toml", out); shutil.copy(here + "/../Input/classes.csv", out)
events = ["ふれあい喫茶", "健康マージャン", "歌声サロン", "囲碁将棋の会"]
closed = {datetime.date(2018, 8, 15)} | {datetime.date(2018, 12, d) for d in (29, 30, 31)} | {datetime.date(2019, 1, d) for d in (1, 2, 3)}
visits = {}
for p in people:
    n = min(40, int(rnd.expovariate(1 / 5)))
    for _ in range(n):
        d = fy0 + datetime.timedelta(days=rnd.randrange(365))
        if d in closed: continue
        visits.setdefault((d.year, d.month), []).append((d, p))
for (y, m), rows in sorted(visits.items()):
    rows.sort(key=lambda x: (x[0], rnd.random()))
    withbirth = rnd.random() < .3
    fn = "visits/%04d-%02d.csv" % (y, m)
    with open(out + "/" + fn, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["日付", "事業", "行事", "氏名", "電話番号", "生年月日" if withbirth else "年齢", "住所", "本人確認", "フリガナ"])
        seen = set()
        for i, (d, p) in enumerate(rows):
            ev = rnd.choice(events)
            if (d, ev, p.id) in seen: continue
            seen.add((d, ev, p.id))
            num = p.land if (p.land and (p.mob is None or rnd.random() < .6)) else p.mob
            addr = p.moved[1] if p.moved and d >= p.moved[0] else p.addr
            ok = True; idm = rnd.choice(["済", "済", "○", "✓", "有"])
            r = rnd.random()
            if r < .02: idm = ""; ok = False
            agecell = birth_var(p.birth) if withbirth else str(age_on(p.birth, d))
            if age_on(p.birth, d) < 60: ok = False
            name, phone = name_var(p), phone_var(num)
            slip = rnd.random()
            if slip < .03:     # the given name in hiragana, its kanji not known at the desk
                name = p.sur[0] + rnd.choice(["", " ", "　"]) + hira(p.given[1])
            elif slip < .05:   # one digit of the phone mistyped
                k = rnd.choice([i for i, c in enumerate(phone) if c.isdigit() and i > (4 if phone.startswith("+") else 1)])
                phone = phone[:k] + str((int(phone[k]) + rnd.randint(1, 9)) % 10) + phone[k + 1:]
            elif slip < .055 and not withbirth and agecell[0] != agecell[1]:   # the age's digits swapped
                agecell = agecell[::-1]
                ok = idm != "" and int(agecell) >= 60   # judged on the age written: nothing else tells
            w.writerow([date_var(d), "交流", ev, name, phone, agecell, addr_var(addr), idm, kana_var(kana_of(p))])
            truth.append((fn, len(seen) + 1, p.id, ok))
# Applications to the two lottery classes of Input/classes.csv (deadline 2018-04-20): some
# apply twice (the second time on the other phone, or with the name written otherwise), some
# after the deadline; a late or doubled application holds no ticket of its own.
fn = "applications/2018-04.csv"
with open(out + "/" + fn, "w", newline="", encoding="utf-8-sig") as f:
    w = csv.writer(f)
    w.writerow(["申込日", "講座ID", "氏名", "電話番号", "生年月日", "住所", "本人確認", "フリガナ"])
    apps = []
    for cls in ["K02", "K04"]:
        for p in rnd.sample(people, 70):
            for _ in range(2 if rnd.random() < .1 else 1):
                apps.append((fy0 + datetime.timedelta(days=rnd.randrange(25)), cls, p))
    apps.sort(key=lambda a: (a[0], rnd.random()))
    for i, (d, cls, p) in enumerate(apps):
        num = p.land if (p.land and (p.mob is None or rnd.random() < .6)) else p.mob
        ok = age_on(p.birth, d) >= 60
        w.writerow([date_var(d), cls, name_var(p), phone_var(num), birth_var(p.birth), addr_var(p.addr), "済", kana_var(kana_of(p))])
        truth.append((fn, i + 2, p.id, ok))
        tickets.setdefault(cls, set())
        if ok and d <= datetime.date(2018, 4, 20): tickets[cls].add(p.id)
with open(out + ".tickets.csv", "w", newline="") as f:
    csv.writer(f).writerows([(c, len(ids)) for c, ids in sorted(tickets.items())])
# groups: members by name and phone only
members = rnd.sample(people, len(people) // 4)
for gi, part in enumerate([members[: len(members) // 2], members[len(members) // 2:]]):
    fn = "groups/group-%d.csv" % gi
    with open(out + "/" + fn, "w", newline="", encoding="cp932", errors="strict") as f:
        w = csv.writer(f)
        w.writerow(["グループ名", "氏名", "電話番号", "フリガナ"])
        for i, p in enumerate(part):
            nm = name_var(p)
            try: nm.encode("cp932")
            except UnicodeEncodeError: nm = "".join(fold.get(c, c) for c in nm)
            num = p.land or p.mob
            w.writerow([rnd.choice(["囲碁クラブ", "俳句の会", "ゲートボール", "手芸サークル"]), nm, phone_var(num), kana_of(p) if rnd.random() < .5 else ""])
            truth.append((fn, i + 2, p.id, True))
with open(out + ".truth.csv", "w", newline="") as f:
    csv.writer(f).writerows(truth)
print(len(people), "people,", len(truth), "rows")
