#!/usr/bin/env python3
"""Blind judging of two builds on the same news: one packet, then precision per build.

Usage:
  union-packet.py make OUT_DIR LABEL=DIR[:N] LABEL=DIR[:N] ... [--seed 1]
  union-packet.py score OUT_DIR VERDICTS

`make` reads DIR/all-conflicts.jsonl (written by sample-conflicts.py) for each
build, takes N conflicts of each (all when N is not given; a seeded sample
otherwise), merges conflicts that quote the same claims (same files, lines and
columns) into one item, shuffles the items with the seed so nothing tells the
reviewer which build reported what, and writes OUT_DIR/packet.md (the judging
packet, in sample-conflicts.py's wording) and OUT_DIR/items.jsonl (which
builds reported each item: kept from the reviewer).

`score` reads a verdicts file with one line per item, "K VERDICT" (VERDICT one
of REAL, ROUNDING, DIFFERENT-THINGS, NOISE), and prints for each build: items
judged, the count of each verdict, and precision three ways (as
score-verdicts.py): strict (REAL), same-fact (REAL or ROUNDING) and correct (a
mismatch judged REAL, a precision warning judged REAL or ROUNDING).

Inputs and outputs are data: keep OUT_DIR outside the repository.
"""
import importlib.util
import json
import random
import sys
from pathlib import Path


def sample_conflicts():
    """sample-conflicts.py as a module: its packet wording is reused."""
    here = Path(__file__).with_name("sample-conflicts.py")
    spec = importlib.util.spec_from_file_location("sample_conflicts", here)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def key(conflict):
    return tuple(sorted((c["path"], c["line"], c["column"]) for c in conflict["claims"]))


def make(out, specs, seed):
    rng = random.Random(seed)
    items = {}
    for spec in specs:
        label, rest = spec.split("=", 1)
        path, _, n = rest.partition(":")
        rows = [json.loads(l) for l in Path(path, "all-conflicts.jsonl").read_text().splitlines() if l]
        if n:
            rows = rng.sample(rows, min(int(n), len(rows)))
        for r in rows:
            item = items.setdefault(key(r), {"conflict": r, "builds": []})
            item["builds"].append(label)
    ordered = sorted(items.values(), key=lambda i: key(i["conflict"]))
    rng.shuffle(ordered)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    numbered = []
    with open(out / "items.jsonl", "w") as f:
        for k, item in enumerate(ordered, 1):
            c = item["conflict"]
            f.write(json.dumps({"item": k, "builds": item["builds"], "event": c["event"], "rule": c["rule"], "message": c["message"]}) + "\n")
            numbered.append({**c, "item": k})
    (out / "packet.md").write_text(sample_conflicts().packet(numbered))
    print(f"{len(ordered)} items -> {out / 'packet.md'}")


def score(out, verdicts):
    items = [json.loads(l) for l in Path(out, "items.jsonl").read_text().splitlines() if l]
    judged = {}
    for line in Path(verdicts).read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].isdigit():
            judged[int(parts[0])] = parts[1].upper()
    builds = sorted({b for i in items for b in i["builds"]})
    verdicts_all = ("REAL", "ROUNDING", "DIFFERENT-THINGS", "NOISE")
    for b in builds:
        mine = [i for i in items if b in i["builds"] and i["item"] in judged]
        counts = {v: sum(1 for i in mine if judged[i["item"]] == v) for v in verdicts_all}
        n = len(mine) or 1
        # correct: a mismatch judged REAL, or a precision warning judged REAL
        # or ROUNDING (the finding says what is true).
        correct = sum(
            1
            for i in mine
            if judged[i["item"]] == "REAL"
            or (judged[i["item"]] == "ROUNDING" and i["rule"] == "numeric.precision")
        )
        print(
            f"{b}: {len(mine)} judged, "
            + ", ".join(f"{v} {counts[v]}" for v in verdicts_all)
            + f"; strict {counts['REAL'] / n:.2f}, same-fact {(counts['REAL'] + counts['ROUNDING']) / n:.2f}, correct {correct / n:.2f}"
        )

if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "make":
        args = [a for a in sys.argv[3:] if not a.startswith("--seed")]
        seed = 1
        if "--seed" in sys.argv:
            seed = int(sys.argv[sys.argv.index("--seed") + 1])
            args = [a for a in args if a != str(seed)]
        make(sys.argv[2], args, seed)
    elif len(sys.argv) == 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
