#!/usr/bin/env python3
"""Count the words of a reference news corpus and write those it uses often:
the list `src/extract/established.txt` that tells two established words
(Medicare / Medicaid, Texas / Texans, Nobel / noble) from a word and its
misspelling (Priebus / Preibus).

Usage: established-words.py OUT_FILE [--min 5] SOURCE [SOURCE ...]

Each SOURCE is a folder (every *.txt file under it is read) or a file (a
.csv is read as text too). Words are runs of letters (with inner
apostrophes or hyphens split off). A capitalised word is counted as
written ("Medicare"); a word in lower case as written ("noble"). A word
written at least --min times (default 5) in either form is listed as that
form, one per line, sorted by byte (so that the library can search the
list in place), after a header of lines starting with "#" that names the
sources and the threshold.

The list is derived data (word counts), not text: it may be committed with
its provenance; the sources may not. The committed list was made from the
case folders the repository's converters write for DUC 2004, the DUC and
TAC event and theme sets, ECB+, the Gun Violence Archive set, BASIL and
Giveme5W1H, and from the AG News test split (data/ag_news_csv/test.csv of
github.com/mhjabreel/CharCnn_Keras); no AllSides article (the sets judged
blind) is among them.
"""
import argparse
import re
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def texts(source):
    path = Path(source)
    files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    for f in files:
        yield f.read_text(encoding="utf-8", errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--min", type=int, default=5)
    args = ap.parse_args()
    counts = Counter()
    for source in args.sources:
        for text in texts(source):
            counts.update(w for w in WORD.findall(text) if len(w) > 1)
    kept = sorted((w for w, n in counts.items() if n >= args.min), key=lambda w: w.encode())
    header = [
        "# Words a reference news corpus writes at least %d times, as written" % args.min,
        "# (scripts/established-words.py; sources named in its comment).",
    ]
    Path(args.out).write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} words from {sum(counts.values())} tokens -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
