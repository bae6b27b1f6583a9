#!/usr/bin/env python3
"""Turn the news_cluster and google_news sets of Giveme5W1H (github.com/fhamborg/Giveme5W1H) into crosscheck case folders.

Usage: giveme5w1h-to-cases.py SNAPSHOT_GIT_DIR OUT_DIR [--min-chars N]

SNAPSHOT_GIT_DIR is a git directory of the Giveme5W1H repository (no work tree
needed: files are read with `git ls-tree` / `git show HEAD:path`). Each file
Giveme5W1H/examples/datasets/news_cluster/data/<dId>.json is one crawled
article (news-please fields "title", "text", "source_domain", "date_publish";
"newsCluster" is a Python-literal dict whose "EventId" and "Event" name the
event the article covers). Each file of .../datasets/google_news/data/ is
one article of the same kind whose "category" names its event; those events
are written as gn-<category slug>, and an article already in news_cluster
(same URL) is not written twice.

For each event with articles from at least two outlets this writes
OUT_DIR/<EventId>-<event slug>/<outlet>.txt: "Date: YYYY-MM-DD" when the
article has a publication day, a blank line, the title, a blank line, then the
text as crawled (page furniture and all: that is what the tool must read).
Articles shorter than --min-chars characters of text (default 800: paywall
stubs, search pages saved in place of the article) are left out. Two articles
from one outlet get -2, -3 suffixes. OUT_DIR/INDEX.tsv lists folder, event,
outlets. Output is deterministic (sorted). Prints how many events and articles
it wrote.

The data and everything written to OUT_DIR are third-party material: keep
OUT_DIR outside the repository; it is never committed.
"""
import argparse
import ast
import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path

DATA = re.compile(r"^Giveme5W1H/examples/datasets/news_cluster/data/([0-9a-f]+)\.json$")
GOOGLE = re.compile(r"^Giveme5W1H/examples/datasets/google_news/data/[^/]+\.json$")


def git(git_dir, *args):
    return subprocess.run(["git", f"--git-dir={git_dir}", *args],
                          check=True, capture_output=True).stdout


def outlet(domain):
    """"www.reuters.com" -> "reuters"; "uk.reuters.com" -> "uk-reuters"."""
    parts = [p for p in (domain or "unknown").lower().split(".") if p not in ("www", "com", "co", "uk", "org", "net")]
    if domain and domain.lower().startswith("uk."):
        parts = ["uk"] + parts
    return "-".join(parts) or "unknown"


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("git_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--min-chars", type=int, default=800)
    args = ap.parse_args()
    names = git(args.git_dir, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
    events = defaultdict(list)  # (folder prefix, event name) -> [article]
    short = 0
    seen = set()
    for name in sorted(names, key=lambda n: (not DATA.match(n), n)):
        if DATA.match(name):
            article = json.loads(git(args.git_dir, "show", f"HEAD:{name}"))
            cluster = article.get("newsCluster")
            if isinstance(cluster, str):
                cluster = ast.literal_eval(cluster)
            if not isinstance(cluster, dict) or "EventId" not in cluster:
                continue
            key = (f"{int(cluster['EventId']):02d}", str(cluster.get("Event", "")))
        elif GOOGLE.match(name):
            article = json.loads(git(args.git_dir, "show", f"HEAD:{name}"))
            if not article.get("category"):
                continue
            key = ("gn", str(article["category"]))
        else:
            continue
        if article.get("url") in seen:
            continue
        seen.add(article.get("url"))
        if len(article.get("text") or "") < args.min_chars:
            short += 1
            continue
        events[key].append(article)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    index = ["folder\tevent\toutlets"]
    n_events = n_articles = 0
    for (eid, event), articles in sorted(events.items()):
        if len({outlet(a.get("source_domain")) for a in articles}) < 2:
            continue
        folder = f"{eid}-{slug(event)}"
        case = out / folder
        case.mkdir(exist_ok=True)
        used = []
        for a in sorted(articles, key=lambda a: (outlet(a.get("source_domain")), a.get("dId", ""))):
            stem = outlet(a.get("source_domain"))
            name, k = stem, 2
            while name in used:
                name, k = f"{stem}-{k}", k + 1
            used.append(name)
            parts = []
            day = (a.get("date_publish") or "")[:10]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
                parts.append("Date: " + day)
            parts.append((a.get("title") or "").strip())
            parts.append((a.get("text") or "").strip())
            (case / f"{name}.txt").write_text("\n\n".join(p for p in parts if p) + "\n", encoding="utf-8")
            n_articles += 1
        index.append(f"{folder}\t{event}\t{' '.join(used)}")
        n_events += 1
    (out / "INDEX.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"{n_events} events, {n_articles} articles ({short} articles under {args.min_chars} characters left out)")


if __name__ == "__main__":
    main()
