#!/usr/bin/env python3
"""Turn the WikiRef news articles (pages Wikipedia cites, one topic per file
name) kept in github.com/dpacassi/dynamic-event-detection-in-data-streams
(app/data_processing/test_data/wikiref/WikiRef220/) into crosscheck case
folders.

Usage: wikiref-to-cases.py SNAPSHOT_GIT_DIR OUT_DIR [--max 5] [--seed 1]
                           [--topics T1,T2,...]

SNAPSHOT_GIT_DIR is a git directory of the repository (read with `git show`).
Each file is one article (UTF-8, a few Windows-1252: read as such):
its headline, a blank line, its paragraphs; its
name is the topic and a number ("ParisAttacks2015 (3).txt",
"malaysia.airlines.flight.12.txt"). Only topics that are one news event are
kept (--topics; default the 2015 Paris attacks, the loss of Malaysia
Airlines flight 370, the 2011 Tohoku earthquake and tsunami, and the 2013
Cypriot financial crisis): the others are broad subjects (a football
league, a phone). A topic's articles are shuffled with the seed and cut into
folders of at most --max, each a case: OUT_DIR/<topic>-<k>/<file>.txt.
OUT_DIR/INDEX.tsv lists folder and files.

The data and everything written to OUT_DIR are third-party material: keep
OUT_DIR outside the repository; it is never committed.
"""
import argparse
import random
import re
import subprocess
from collections import defaultdict
from pathlib import Path

FOLDER = "app/data_processing/test_data/wikiref/WikiRef220"
EVENTS = "ParisAttacks2015,malaysia.airlines.flight,tohoku.earthquake.tsunami,cypriot.financial.crisis"


def git(git_dir, *args):
    raw = subprocess.run(["git", "--git-dir", git_dir, *args],
                         check=True, capture_output=True).stdout
    # A few files are in Windows-1252, not UTF-8.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def topic_of(name):
    return re.sub(r"( \(\d+\)|\.\d+)\.txt$", "", name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("snapshot")
    ap.add_argument("out")
    ap.add_argument("--max", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--topics", default=EVENTS)
    args = ap.parse_args()
    wanted = set(args.topics.split(","))
    by_topic = defaultdict(list)
    for path in git(args.snapshot, "ls-tree", "-r", "--name-only", "HEAD", FOLDER).splitlines():
        name = path.rsplit("/", 1)[-1]
        if topic_of(name) in wanted:
            by_topic[topic_of(name)].append(path)
    rng = random.Random(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    index, written = [], 0
    for topic in sorted(by_topic):
        paths = sorted(by_topic[topic])
        rng.shuffle(paths)
        for k in range(0, len(paths), args.max):
            chunk = paths[k:k + args.max]
            if len(chunk) < 2:
                continue
            folder = out / f"{topic.replace('.', '-')}-{k // args.max}"
            folder.mkdir(exist_ok=True)
            names = []
            for path in chunk:
                name = re.sub(r"[^A-Za-z0-9.-]+", "-", path.rsplit("/", 1)[-1])
                (folder / name).write_text(git(args.snapshot, "show", "HEAD:" + path), encoding="utf-8")
                names.append(name)
            index.append("\t".join([folder.name, ",".join(names)]))
            written += 1
    (out / "INDEX.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"wrote {written} folders to {out}")


if __name__ == "__main__":
    main()
