#!/usr/bin/env python3
"""Same-person quality of an `ikigai run` against a year's truth (bench/other-year.py):
pairwise precision and recall over the accepted rows, rows accepted or rejected
against what the year meant, how well the review list is ordered, and each lottery's tickets (one per person who applied in
time) against the year's count beside the truth file.

  bench/identity-score.py TRUTH_CSV OUTPUT_DIR
"""
import csv, sys, collections
if len(sys.argv) != 3:
    sys.exit(__doc__)
truthf, outdir = sys.argv[1], sys.argv[2]
truth = {(f, int(r)): (int(p), ok == "True") for f, r, p, ok in csv.reader(open(truthf))}
pred = {}
for row in csv.DictReader(open(outdir + "/people/people.csv", encoding="utf-8-sig")):
    pred[(row["file"], int(row["row"]))] = row["person"]
exp_ok = {k for k, v in truth.items() if v[1]}
got = set(pred)
print("rows", len(truth), "expected accepted", len(exp_ok), "accepted", len(got),
      "accepted but expected rejected", len(got - exp_ok), "rejected but expected accepted", len(exp_ok - got))
def pairs(groups): return sum(n * (n - 1) // 2 for n in groups.values())
cell = collections.Counter((pred[k], truth[k][0]) for k in got if k in truth)
tp = pairs(cell)
pp = pairs(collections.Counter(pred[k] for k in got if k in truth))
tpairs = pairs(collections.Counter(truth[k][0] for k in got if k in truth))
print("pairs: predicted", pp, "true", tpairs, "both", tp, "precision %.5f recall %.5f" % (tp / pp, tp / tpairs))
tp_people = len({truth[k][0] for k in got}); pr_people = len(set(pred[k] for k in got))
print("people: true", tp_people, "found", pr_people)
split = collections.defaultdict(set)
for k in got: split[truth[k][0]].add(pred[k])
print("true people split in >1:", sum(1 for v in split.values() if len(v) > 1))
merged = collections.defaultdict(set)
for k in got: merged[pred[k]].add(truth[k][0])
bad = [p for p, v in merged.items() if len(v) > 1]
# A group list gives name and phone only: of a parent and child of one name on one landline,
# nothing tells which one a group row is, so such a merge says nothing of the rules.
by_visits = collections.defaultdict(set)
for k in got:
    if not k[0].startswith("groups/"): by_visits[pred[k]].add(truth[k][0])
print("found people merging >1 true:", len(bad), "(of which visits or applications of two people:",
      sum(1 for p in bad if len(by_visits[p]) > 1), ")")

# The review list is read from the top: average precision of its order (1.0 when every pair
# that is truly one person comes before every pair that is not).
hits, ap, review = 0, 0.0, list(csv.DictReader(open(outdir + "/people/review.csv", encoding="utf-8-sig")))
for i, r in enumerate(review, 1):
    a, b = truth.get((r["file_a"], int(r["row_a"]))), truth.get((r["file_b"], int(r["row_b"])))
    if a and b and a[0] == b[0]:
        hits += 1
        ap += hits / i
print("review pairs", len(review), "one person", hits, "average precision of the order %.3f" % (ap / hits if hits else 0))

import os
tickets_file = truthf.replace(".truth.csv", ".tickets.csv")
if os.path.exists(tickets_file):
    for cls, n in csv.reader(open(tickets_file)):
        path = outdir + "/lottery/" + cls + ".csv"
        if not os.path.exists(path):
            print("lottery", cls, "not drawn"); continue
        rows = list(csv.DictReader(open(path, encoding="utf-8-sig")))
        holders = [truth.get((r["file"], int(r["row"])), (None,))[0] for r in rows]
        print("lottery", cls, "tickets", len(rows), "expected", n,
              "people holding two:", len(holders) - len(set(holders)))
