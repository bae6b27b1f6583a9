#!/usr/bin/env python3
"""Run crosscheck on every event folder and sample its conflicts for human judging.

Usage: sample-conflicts.py CASES_DIR OUT_DIR [--n 60] [--seed 1] [--binary PATH]

Runs `crosscheck check --format json <folder>` on every sub-folder of CASES_DIR
(sorted), e.g. the folders written by basil-to-cases.py, and collects every
finding of kind "conflict". Writes:
  OUT_DIR/all-conflicts.jsonl  every conflict (event, id, rule, subject, attribute,
                               message, claims with source/path/line/column/text/
                               sentence/modality)
  OUT_DIR/errors.tsv           events where crosscheck failed (exit code not 0/1),
                               with the first error line and the file that fails alone
  OUT_DIR/sample.jsonl         N conflicts sampled with random.Random(seed), numbered
  OUT_DIR/packet.md            a judging packet for a reviewer who does not know the tool
Prints per-event counts and totals. --binary picks the crosscheck executable
(default /work/main/target/release/crosscheck), so two builds can be compared.

Inputs and outputs are data, not code: keep OUT_DIR outside the repository;
they are never committed.
"""
import argparse
import json
import random
import re
import subprocess
from pathlib import Path

DEFAULT_BINARY = "/work/main/target/release/crosscheck"
CLAIM_KEYS = ("source", "path", "line", "column", "text", "sentence", "modality")

INSTRUCTIONS = """\
# Judging packet: conflicts between news articles

Each item below shows two or more statements, taken from different articles about
the same news event, that were flagged as conflicting with each other. For each
statement you get the article file (`path:line:column`), the quoted figure or
phrase, and the full sentence it comes from. You may open the article files to
read the surrounding context.

Judge every item as exactly one of:

- **REAL**: a careful reader would want the statements reconciled: they state the
  same fact with incompatible values or with incompatible certainty.
- **ROUNDING**: the statements state the same fact and their values are
  compatible: one is rounded, approximate or a bound of the other ("$80 million"
  and "nearly $80 million"; "at least 10 killed" and "12 killed").
- **DIFFERENT-THINGS**: the figures or statements are about different things,
  times, scopes, measures or actors, so there is nothing to reconcile.
- **NOISE**: not a factual claim at all: a misread figure, page furniture, a quote
  taken as the outlet's own claim, and the like.

Write your verdict on the `Verdict:` line of each item (and a short note if useful).
"""


def one_line(text):
    return re.sub(r"\s+", " ", text or "").strip()


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


def first_error(stderr):
    lines = [l for l in stderr.splitlines() if l.strip() and not l.startswith("note:")]
    return one_line(lines[0]) if lines else "(no stderr)"


def failing_files(binary, folder):
    """The articles that make crosscheck fail on their own (`claims FILE`)."""
    return [f.name for f in sorted(folder.iterdir())
            if f.is_file() and f.suffix in (".txt", ".md", ".html")
            and run(binary, "claims", "--format", "json", str(f)).returncode not in (0, 1)]


def item_key(c):
    return c["event"], int(c["id"].lstrip("F") or 0)


def packet(sample):
    out = [INSTRUCTIONS]
    for c in sample:
        out.append(f"## Item {c['item']}\n")
        out.append(f"Event folder: `{c['event']}`\n")
        out.append(f"Flagged: {one_line(c['message'])}\n")
        for k, claim in enumerate(c["claims"], 1):
            out.append(f"{k}. `{claim['path']}:{claim['line']}:{claim['column']}`"
                       f" (`{claim['source']}`): \"{one_line(claim['text'])}\"\n"
                       f"   > {one_line(claim['sentence'])}\n")
        out.append("Verdict: ______ (REAL / ROUNDING / DIFFERENT-THINGS / NOISE)\n\nNote:\n")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", default=DEFAULT_BINARY)
    args = ap.parse_args()

    events = sorted(d for d in args.cases_dir.iterdir() if d.is_dir())
    conflicts, errors, per_event = [], [], {}
    for folder in events:
        proc = run(args.binary, "check", "--format", "json", str(folder))
        if proc.returncode not in (0, 1):
            culprits = failing_files(args.binary, folder)
            errors.append((folder.name, proc.returncode, first_error(proc.stderr), culprits))
            print(f"{folder.name}\tERROR exit {proc.returncode}: {first_error(proc.stderr)}"
                  f" [fails alone: {', '.join(culprits) or 'none'}]")
            continue
        found = [f for f in json.loads(proc.stdout)["findings"] if f["kind"] == "conflict"]
        per_event[folder.name] = len(found)
        print(f"{folder.name}\t{len(found)}")
        for f in found:
            conflicts.append({
                "event": folder.name, "id": f["id"], "rule": f["rule"],
                "severity": f.get("severity"), "subject": f.get("subject"),
                "attribute": f.get("attribute"), "message": f.get("message"),
                "claims": [{k: c.get(k) for k in CLAIM_KEYS} for c in f["claims"]],
            })

    args.out_dir.mkdir(parents=True, exist_ok=True)
    with open(args.out_dir / "all-conflicts.jsonl", "w", encoding="utf-8") as out:
        for c in conflicts:
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
    with open(args.out_dir / "errors.tsv", "w", encoding="utf-8") as out:
        out.write("event\texit\terror\tfails_alone\n")
        for name, code, msg, culprits in errors:
            out.write(f"{name}\t{code}\t{msg}\t{','.join(culprits)}\n")

    ran = len(per_event)
    with_conflict = sum(1 for n in per_event.values() if n)
    rules = {}
    for c in conflicts:
        rules[c["rule"]] = rules.get(c["rule"], 0) + 1
    print(f"\nevents: {len(events)}  run ok: {ran}  failed (exit not 0/1): {len(errors)}")
    print(f"events with >=1 conflict: {with_conflict}")
    print(f"conflicts total: {len(conflicts)}  mean per event run: "
          f"{len(conflicts) / ran if ran else 0:.2f}")
    print("by rule: " + ", ".join(f"{r} {n}" for r, n in sorted(rules.items())))

    rng = random.Random(args.seed)
    sample = sorted(rng.sample(conflicts, min(args.n, len(conflicts))), key=item_key)
    for k, c in enumerate(sample, 1):
        c["item"] = k
    with open(args.out_dir / "sample.jsonl", "w", encoding="utf-8") as out:
        for c in sample:
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
    (args.out_dir / "packet.md").write_text(packet(sample), encoding="utf-8")
    print(f"sampled: {len(sample)} -> {args.out_dir / 'packet.md'}")


if __name__ == "__main__":
    main()
