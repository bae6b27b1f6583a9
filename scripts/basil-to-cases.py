#!/usr/bin/env python3
"""Turn the BASIL corpus (github.com/launchnlp/BASIL) into crosscheck case folders.

Usage: basil-to-cases.py SNAPSHOT_GIT_DIR OUT_DIR

SNAPSHOT_GIT_DIR is a git directory of the BASIL repository (it needs no work
tree: files are read with `git ls-tree` / `git show HEAD:path`). Every file
articles/<year>/<triplet-uuid>_<n>.json holds one article (keys "title",
"source" nyt|fox|hpo, "triplet-uuid", "main-event", "body-paragraphs").

For each event (triplet) with at least two articles this writes
OUT_DIR/<year>-<first 8 chars of the triplet uuid>/<source>.txt: the title,
a blank line, then the paragraphs (strings of a paragraph joined by a space)
separated by blank lines. OUT_DIR/INDEX.tsv lists folder, main-event, sources.
Output is deterministic (sorted). Prints how many events and articles it wrote.

The BASIL data and everything written to OUT_DIR are third-party / generated
material: keep OUT_DIR outside the repository; they are never committed.
"""
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ARTICLE = re.compile(r"^articles/(\d{4})/([0-9a-fA-F-]+)_(\d+)\.json$")


def git(git_dir, *args):
    return subprocess.run(["git", f"--git-dir={git_dir}", *args],
                          check=True, capture_output=True).stdout


def clean(text):
    """One line of text: inner newlines and runs of spaces become one space."""
    return re.sub(r"\s+", " ", text).strip()


def render(article):
    parts = [clean(article.get("title", ""))]
    for paragraph in article.get("body-paragraphs", []):
        if isinstance(paragraph, str):
            paragraph = [paragraph]
        text = clean(" ".join(s for s in paragraph if s))
        if text:
            parts.append(text)
    return "\n\n".join(parts) + "\n"


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    git_dir, out_dir = argv[1], Path(argv[2])
    names = git(git_dir, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()

    events = defaultdict(list)  # (year, uuid) -> [(n, article)]
    for name in sorted(names):
        m = ARTICLE.match(name)
        if not m:
            continue
        article = json.loads(git(git_dir, "show", f"HEAD:{name}"))
        uuid = article.get("triplet-uuid") or m.group(2)
        events[(m.group(1), uuid)].append((int(m.group(3)), article))

    out_dir.mkdir(parents=True, exist_ok=True)
    index = ["folder\tmain-event\tsources"]
    n_events = n_articles = skipped = 0
    for (year, uuid), items in sorted(events.items()):
        if len(items) < 2:
            skipped += 1
            continue
        folder = f"{year}-{uuid[:8]}"
        case = out_dir / folder
        case.mkdir(exist_ok=True)
        sources = []
        for _, article in sorted(items, key=lambda item: item[0]):
            source = (article.get("source") or "unknown").strip().lower()
            stem, k = source, 2
            while stem in sources:  # two articles from one outlet
                stem, k = f"{source}-{k}", k + 1
            sources.append(stem)
            (case / f"{stem}.txt").write_text(render(article), encoding="utf-8")
        main_event = clean(sorted(items, key=lambda item: item[0])[0][1].get("main-event", ""))
        index.append(f"{folder}\t{main_event}\t{','.join(sorted(sources))}")
        n_events += 1
        n_articles += len(items)

    (out_dir / "INDEX.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"events written: {n_events}")
    print(f"articles written: {n_articles}")
    if skipped:
        print(f"events skipped (fewer than 2 articles): {skipped}")


if __name__ == "__main__":
    main(sys.argv)
