#!/usr/bin/env python3
"""Turn the AllSides articles of Article-Bias-Prediction (github.com/ramybaly/Article-Bias-Prediction) into crosscheck case folders.

Usage: allsides-to-cases.py SNAPSHOT_GIT_DIR OUT_DIR [--events N] [--seed S]
                            [--by topic-day|day] [--exclude IDS_FILE] [--all-topics]
                            [--overlap J]

SNAPSHOT_GIT_DIR is a git directory of the repository (no work tree needed:
it is read with `git archive`). Each file data/jsons/<ID>.json is one article
AllSides collected ("topic", "source", "date", "title", "content_original").
The set names no event, only a topic and a day, so events are rebuilt: within
one topic and one day (undated articles are left out), two articles from different outlets are one story when
the names and figures of their titles and leads overlap (Jaccard >= 0.25 of
their capitalised words and numbers; --overlap sets it); a story is a connected group of two to
five such articles. Only hard-news topics are kept (HARD below). --all-topics
keeps every topic (elections, politics, ...). With --by day the topic is ignored (stories whose articles AllSides filed under
two topics are found too). --exclude names files of article IDs, comma-separated (the
IDS.txt of earlier runs): a story with any of them is left out, so that a
second set shares no article with the first.

A seeded sample of N stories (default 80) is written as
OUT_DIR/<date>-<topic>-<k>/<outlet>.txt: "Date: YYYY-MM-DD", a blank line, the
title, a blank line, the text. OUT_DIR/INDEX.tsv lists folder, outlets and
titles. Output is deterministic for a seed. Prints how many stories it found
and wrote.

The data and everything written to OUT_DIR are third-party material: keep
OUT_DIR outside the repository; it is never committed.
"""
import argparse
import io
import json
import random
import re
import subprocess
import tarfile
from collections import defaultdict
from pathlib import Path

HARD = {
    "violence_in_america", "terrorism", "economy_and_jobs", "federal_budget",
    "trade", "taxes", "banking_and_finance", "north_korea", "middle_east",
    "world", "us_military", "coronavirus", "national_security", "immigration",
    "supreme_court", "technology", "environment", "gun_control_and_gun_rights",
    "justice", "fbi", "disaster", "general_news", "business",
}
MIN_CHARS = 800
WORD = re.compile(r"\b(?:[A-Z][A-Za-z'\-]+|\d[\d,.]*)")
STOP = {"The", "A", "An", "In", "On", "At", "And", "But", "For", "He", "She", "It",
        "His", "Her", "They", "This", "That", "After", "As", "With", "By", "Of", "To"}


def keys(article):
    text = (article.get("title") or "") + " " + (article.get("content_original") or "")[:400]
    return {w for w in WORD.findall(text) if w not in STOP}


def outlet(name):
    return re.sub(r"[^a-z0-9]+", "-", (name or "unknown").lower()).strip("-") or "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("git_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--events", type=int, default=80)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--by", choices=["topic-day", "day"], default="topic-day")
    ap.add_argument("--exclude")
    ap.add_argument("--all-topics", action="store_true")
    ap.add_argument("--overlap", type=float, default=0.25)
    args = ap.parse_args()
    excluded = set()
    for path in (args.exclude or "").split(","):
        if path:
            excluded |= set(open(path).read().split())
    blob = subprocess.run(["git", f"--git-dir={args.git_dir}", "archive", "HEAD", "data/jsons"],
                          check=True, capture_output=True).stdout
    days = defaultdict(list)
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".json"):
                continue
            a = json.load(tar.extractfile(member))
            # An article without a day cannot be placed in a story (grouped by
            # topic alone, undated articles of different years met).
            if ((args.all_topics or a.get("topic") in HARD) and a.get("date")
                    and len(a.get("content_original") or "") >= MIN_CHARS):
                topic = a["topic"] if args.by == "topic-day" else "news"
                days[(topic, a.get("date") or "")].append(a)
    stories = []
    for (topic, date), arts in sorted(days.items()):
        arts.sort(key=lambda a: a["ID"])
        ks = [keys(a) for a in arts]
        parent = list(range(len(arts)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        for i in range(len(arts)):
            for j in range(i + 1, len(arts)):
                if arts[i]["source"] == arts[j]["source"] or not ks[i] or not ks[j]:
                    continue
                if len(ks[i] & ks[j]) / len(ks[i] | ks[j]) >= args.overlap:
                    parent[find(i)] = find(j)
        groups = defaultdict(list)
        for i in range(len(arts)):
            groups[find(i)].append(arts[i])
        for g in groups.values():
            if (2 <= len(g) <= 5 and len({a["source"] for a in g}) >= 2
                    and not any(a["ID"] in excluded for a in g)):
                stories.append((topic, date, g))
    random.Random(args.seed).shuffle(stories)
    chosen = sorted(stories[: args.events], key=lambda s: (s[1], s[0], s[2][0]["ID"]))
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    index = ["folder\toutlets\ttitles"]
    ids = []
    seen = defaultdict(int)
    for topic, date, g in chosen:
        seen[(date, topic)] += 1
        folder = f"{date}-{topic}-{seen[(date, topic)]}"
        case = out / folder
        case.mkdir(exist_ok=True)
        used = []
        for a in g:
            stem = outlet(a["source"])
            name, k = stem, 2
            while name in used:
                name, k = f"{stem}-{k}", k + 1
            used.append(name)
            ids.append(a["ID"])
            parts = []
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                parts.append("Date: " + date)
            parts += [(a.get("title") or "").strip(), (a.get("content_original") or "").strip()]
            (case / f"{name}.txt").write_text("\n\n".join(p for p in parts if p) + "\n", encoding="utf-8")
        index.append(f"{folder}\t{' '.join(used)}\t{' | '.join(a['title'][:60] for a in g)}")
    (out / "INDEX.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
    (out / "IDS.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
    print(f"{len(stories)} stories found, {len(chosen)} written")


if __name__ == "__main__":
    main()
