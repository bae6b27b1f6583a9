#!/usr/bin/env python3
"""Turn the AllSides headline roundups crawled for the framing-bias work
(github.com/HLTCHKUST/framing-bias-metric, data/raw_crawled/*.jsonl) into
crosscheck case folders.

Usage: roundup-to-cases.py SNAPSHOT_GIT_DIR OUT_DIR [--min-outlets 2]

SNAPSHOT_GIT_DIR is a git directory of the repository (no work tree needed:
files are read with `git show`). Each line of a data/raw_crawled/*.jsonl file
is one AllSides story (2021): its "issue" (headline), "date", and under "news"
up to three outlets ("left", "center", "right") with "newsSource",
"newsTitle" and "newBody" (the paragraphs AllSides quotes, often cut short
with "..."). AllSides grouped the articles itself, so every story is one
event. Stories with fewer than --min-outlets outlets that have a body are
left out.

Each story is written as OUT_DIR/<date>-<id>/<outlet>.txt: "Date: YYYY-MM-DD",
a blank line, the title, a blank line, the paragraphs separated by blank
lines. OUT_DIR/INDEX.tsv lists folder, outlets and the story's headline.
Prints how many stories it wrote.

The data and everything written to OUT_DIR are third-party material: keep
OUT_DIR outside the repository; it is never committed.
"""
import argparse
import json
import re
import subprocess
from pathlib import Path


def outlet(name):
    return re.sub(r"[^a-z0-9]+", "-", (name or "unknown").lower()).strip("-") or "unknown"


def lines_of(git_dir):
    listing = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", "HEAD", "data/raw_crawled"],
        check=True, capture_output=True, text=True).stdout.split()
    for path in sorted(p for p in listing if p.endswith(".jsonl")):
        shown = subprocess.run(["git", "--git-dir", git_dir, "show", "HEAD:" + path],
                               capture_output=True, text=True)
        if shown.returncode != 0:
            # Snapshots may list their largest files without holding them.
            print(f"skipped {path}: not in the snapshot")
            continue
        for line in shown.stdout.splitlines():
            if line.strip():
                yield json.loads(line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("snapshot")
    ap.add_argument("out")
    ap.add_argument("--min-outlets", type=int, default=2)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    index, seen, written = [], set(), 0
    for story in lines_of(args.snapshot):
        if story["id"] in seen:
            continue
        seen.add(story["id"])
        date = (story.get("date") or "")[:10]
        articles = {}
        for side in ("left", "center", "right"):
            news = (story.get("news") or {}).get(side)
            if not news or not news.get("newBody"):
                continue
            body = "\n\n".join(p.strip() for p in news["newBody"] if p and p.strip())
            if not body:
                continue
            name = outlet(news.get("newsSource"))
            while name in articles:
                name += "-" + side
            articles[name] = (news.get("newsTitle") or "").strip(), body
        if len(articles) < args.min_outlets:
            continue
        folder = out / f"{date}-{story['id']}"
        folder.mkdir(exist_ok=True)
        for name, (title, body) in sorted(articles.items()):
            parts = []
            if date:
                parts.append("Date: " + date)
            parts.append(title)
            parts.append(body)
            (folder / (name + ".txt")).write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        index.append("\t".join([folder.name, ",".join(sorted(articles)), story.get("issue", "")]))
        written += 1
    (out / "INDEX.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"wrote {written} stories to {out}")


if __name__ == "__main__":
    main()
