#!/usr/bin/env python3
"""Turn the Fake News Challenge test set (github.com/FakeNewsChallenge/fnc-1,
built from the Emergent rumour-tracking collection, 2014-2015) into
crosscheck case folders: articles of several outlets about one claim.

Usage: fnc-to-cases.py SNAPSHOT_GIT_DIR OUT_DIR [--max 6] [--seed 1]
                       [--bodies FILE] [--stances FILE]

SNAPSHOT_GIT_DIR is a git directory of the repository (read with `git show`).
competition_test_bodies.csv holds article bodies (Body ID, articleBody);
competition_test_stances.csv pairs headlines with bodies, each pair labelled
agree / disagree / discuss / unrelated. The set names no story, so stories
are rebuilt: a headline and a body labelled anything but "unrelated" are
about one claim, and a story is a connected group of such bodies. A story of
more than --max bodies is cut, in a seeded order, into folders of at most
--max (each its own case). The files name no outlet: each article is written
as OUT_DIR/<story>-<k>/body-<id>.txt, its body as given. OUT_DIR/INDEX.tsv
lists folder, body ids and one headline of the story. --bodies and
--stances name other files of the same form (the training split,
train_bodies.csv and train_stances.csv, which some copies of the set hold
in full, e.g. github.com/taufiq/fake-news).

The data and everything written to OUT_DIR are third-party material: keep
OUT_DIR outside the repository; it is never committed.
"""
import argparse
import csv
import io
import random
import subprocess
from collections import defaultdict
from pathlib import Path


def rows(git_dir, path):
    text = subprocess.run(["git", "--git-dir", git_dir, "show", "HEAD:" + path],
                          check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(text)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("snapshot")
    ap.add_argument("out")
    ap.add_argument("--max", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bodies", default="competition_test_bodies.csv")
    ap.add_argument("--stances", default="competition_test_stances.csv")
    args = ap.parse_args()
    bodies = {r["Body ID"]: r["articleBody"] for r in rows(args.snapshot, args.bodies)}
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    headline_of = {}
    for r in rows(args.snapshot, args.stances):
        if r["Stance"] == "unrelated" or r["Body ID"] not in bodies:
            continue
        h, b = "h:" + r["Headline"], "b:" + r["Body ID"]
        parent[find(h)] = find(b)
        headline_of.setdefault(b, r["Headline"])
    stories = defaultdict(list)
    for node in list(parent):
        if node.startswith("b:"):
            stories[find(node)].append(node[2:])
    rng = random.Random(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    index, written = [], 0
    for n, (_, ids) in enumerate(sorted(stories.items(), key=lambda kv: min(kv[1], key=int))):
        if len(ids) < 2:
            continue
        ids = sorted(ids, key=int)
        rng.shuffle(ids)
        chunks = [ids[i:i + args.max] for i in range(0, len(ids), args.max)]
        for k, chunk in enumerate(c for c in chunks if len(c) >= 2):
            folder = out / f"story{n:03d}-{k}"
            folder.mkdir(exist_ok=True)
            for i in chunk:
                (folder / f"body-{i}.txt").write_text(bodies[i].strip() + "\n", encoding="utf-8")
            headline = headline_of.get("b:" + chunk[0], "")
            index.append("\t".join([folder.name, ",".join(chunk), headline]))
            written += 1
    (out / "INDEX.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"wrote {written} folders to {out}")


if __name__ == "__main__":
    main()
