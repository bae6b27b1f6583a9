#!/usr/bin/env python3
"""Precision of sampled conflicts from a reviewer's verdicts.

Usage: score-verdicts.py SAMPLE_JSONL VERDICTS [--events FROM-TO]

SAMPLE_JSONL is the sample.jsonl written by sample-conflicts.py (items numbered
from 1, each with its rule); VERDICTS has one line per item, "K VERDICT note",
VERDICT one of REAL, ROUNDING, DIFFERENT-THINGS, NOISE. --events keeps the items
whose event folder starts with a number in FROM..TO (a held-out half).

Prints, per rule and in all:
  strict precision    REAL / judged: the finding is a real disagreement;
  same-fact precision the claims state one fact (REAL or ROUNDING): alignment was
                      right, whatever the severity;
  correct             a mismatch (an error) judged REAL, or a precision warning
                      ("compatible only as an approximation / through a bound")
                      judged REAL or ROUNDING: the finding says what is true.
"""
import argparse
import json
import re
from collections import Counter, defaultdict

VERDICTS = ("REAL", "ROUNDING", "DIFFERENT-THINGS", "NOISE")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sample")
    ap.add_argument("verdicts")
    ap.add_argument("--events", help="FROM-TO: only event folders numbered in this range")
    args = ap.parse_args()
    items = {c["item"]: c for c in map(json.loads, open(args.sample, encoding="utf-8"))}
    judged = {}
    for line in open(args.verdicts, encoding="utf-8"):
        m = re.match(r"\s*(\d+)\s+([A-Z-]+)", line)
        if m and m.group(2) in VERDICTS:
            judged[int(m.group(1))] = m.group(2)
    missing = sorted(set(items) - set(judged))
    if missing:
        print(f"not judged: {missing}")
    if args.events:
        lo, hi = map(int, args.events.split("-"))
        keep = lambda c: lo <= int(re.match(r"\d+", c["event"]).group()) <= hi
    else:
        keep = lambda c: True
    by_rule = defaultdict(Counter)
    for k, verdict in judged.items():
        if k in items and keep(items[k]):
            by_rule[items[k]["rule"]][verdict] += 1
            by_rule["all"][verdict] += 1
    for rule in sorted(by_rule, key=lambda r: (r == "all", r)):
        n = by_rule[rule]
        total = sum(n.values())
        same = n["REAL"] + n["ROUNDING"]
        correct = n["REAL"] + (n["ROUNDING"] if rule == "numeric.precision" else 0)
        if rule == "all":
            correct = sum(1 for k, v in judged.items() if k in items and keep(items[k])
                          and (v == "REAL" or (v == "ROUNDING"
                                               and items[k]["rule"] == "numeric.precision")))
        counts = ", ".join(f"{v} {n[v]}" for v in VERDICTS)
        print(f"{rule}: {total} judged ({counts}); strict {n['REAL'] / total:.2f}, "
              f"same-fact {same / total:.2f}, correct {correct / total:.2f}")


if __name__ == "__main__":
    main()
