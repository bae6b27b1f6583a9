#!/usr/bin/env python3
"""Convert the DUC 2003 document clusters committed (untokenised, original
LDC SGML) in github.com/ayushoriginal/Multi-Document-Summarization under
duc2003/docs.without.headlines/<cluster>/<DOCNO> into one folder per cluster
with one plain-text file per article.

Usage:
    duc2003-to-cases.py SNAPSHOT_DIR OUT_DIR [--only tdt|trec|all] [--min-articles 3]

SNAPSHOT_DIR: bare git directory from the `fetch` tool
(/work/.mirror/ayushoriginal+Multi-Document-Summarization/repo) or a work tree.

Clusters d30xxxt / d31xxxt are TDT *event* clusters (one news event, 10 AP/NYT
articles, 1998); d1xx[a-j] are TREC topic clusters (a theme, AP/NYT/Xinhua,
1996-2000).  Output files: "Date: YYYY-MM-DD" first line, then paragraphs
separated by blank lines.  OUT_DIR/index.tsv lists the clusters with the lead
sentence of the earliest article as a description.  Python 3 stdlib only
(plus the `git` binary for a bare repository).
"""
import argparse
import html
import os
import re
import subprocess
import sys

BASE = "duc2003/docs.without.headlines"


class Snapshot:
    def __init__(self, path):
        self.path = path
        self.worktree = os.path.isdir(os.path.join(path, BASE))
        if not self.worktree:
            r = subprocess.run(["git", "-C", path, "rev-parse", "--verify", "HEAD"],
                               capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit("neither a work tree with %s nor a git directory: %s" % (BASE, path))

    def files(self):
        if self.worktree:
            root = os.path.join(self.path, BASE)
            for d in sorted(os.listdir(root)):
                for f in sorted(os.listdir(os.path.join(root, d))):
                    yield "%s/%s/%s" % (BASE, d, f)
        else:
            r = subprocess.run(["git", "-C", self.path, "ls-tree", "-r", "--name-only", "HEAD", BASE],
                               capture_output=True, text=True, check=True)
            yield from r.stdout.splitlines()

    def read(self, rel):
        if self.worktree:
            with open(os.path.join(self.path, rel), "rb") as fh:
                return fh.read()
        return subprocess.run(["git", "-C", self.path, "show", "HEAD:" + rel],
                              capture_output=True, check=True).stdout


def clean(s):
    s = re.sub(r"&(QL|QR|Cx[0-9a-fA-F]+|UR|LR|MD|HT|QC|TL|IT|AMP);", " ", s)
    s = html.unescape(s)
    s = s.replace("``", '"').replace("''", '"')
    return " ".join(s.split())


BOILER = re.compile(r"^\(?(STORY CAN END HERE|OPTIONAL TRIM|END OPTIONAL|MORE|ENDS?|"
                    r"(NYT|AP|LA|WP)[- ]?\w*)\b.*\)?$", re.I)


def paragraphs(text_block):
    if re.search(r"<P>", text_block, re.I):
        raw = re.findall(r"<P>(.*?)</P>", text_block, re.S | re.I)
    else:
        raw, cur = [], []
        for line in text_block.split("\n"):
            if not line.strip():
                if cur:
                    raw.append("\n".join(cur))
                    cur = []
                continue
            if re.match(r"^(\t| {2,})", line) and cur:
                raw.append("\n".join(cur))
                cur = []
            cur.append(line)
        if cur:
            raw.append("\n".join(cur))
    out = []
    for p in raw:
        p = clean(re.sub(r"<[^>]+>", " ", p))
        if not p:
            continue
        if re.fullmatch(r"\([^a-z]*\)", p) or BOILER.match(p) and len(p) < 60:
            continue
        out.append(p)
    return out


def parse(raw):
    t = raw.decode("latin-1")
    docno = re.search(r"<DOCNO>\s*(\S+)\s*</DOCNO>", t).group(1)
    m = re.search(r"((?:19|20)\d\d)(\d\d)(\d\d)", docno)
    date = "%s-%s-%s" % m.groups() if m else None
    tm = re.search(r"<TEXT>(.*?)(</TEXT>|$)", t, re.S | re.I)
    return docno, date, paragraphs(tm.group(1) if tm else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("snapshot")
    ap.add_argument("out")
    ap.add_argument("--only", choices=["tdt", "trec", "all"], default="all")
    ap.add_argument("--min-articles", type=int, default=3)
    ap.add_argument("--min-words", type=int, default=25)
    a = ap.parse_args()
    snap = Snapshot(a.snapshot)
    clusters = {}
    for rel in snap.files():
        parts = rel.split("/")
        if len(parts) == 4:
            clusters.setdefault(parts[2], []).append(rel)
    os.makedirs(a.out, exist_ok=True)
    index = ["folder\tkind\tarticles\toutlets\tfirst_date\tlast_date\tlead"]
    ne = nd = 0
    for cid, rels in sorted(clusters.items()):
        kind = "tdt-event" if re.match(r"d3\d{4}t$", cid) else "trec-topic"
        if a.only != "all" and not kind.startswith(a.only):
            continue
        docs = []
        for rel in rels:
            docno, date, paras = parse(snap.read(rel))
            if sum(len(p.split()) for p in paras) >= a.min_words:
                docs.append((docno, date, paras))
        if len(docs) < a.min_articles:
            continue
        os.makedirs(os.path.join(a.out, cid), exist_ok=True)
        for docno, date, paras in docs:
            lines = (["Date: " + date] if date else []) + paras
            with open(os.path.join(a.out, cid, docno + ".txt"), "w", encoding="utf-8") as fh:
                fh.write("\n\n".join(lines) + "\n")
        docs.sort(key=lambda d: (d[1] or "", d[0]))
        lead = re.split(r"(?<=[.!?])\s", docs[0][2][0])[0][:200]
        dates = [d[1] for d in docs if d[1]]
        outlets = sorted({re.match(r"[A-Z]+", d[0]).group(0) for d in docs})
        index.append("\t".join([cid, kind, str(len(docs)), ",".join(outlets),
                                min(dates), max(dates), lead]))
        ne += 1
        nd += len(docs)
    with open(os.path.join(a.out, "index.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(index) + "\n")
    print("wrote %d clusters, %d articles to %s" % (ne, nd, a.out))


if __name__ == "__main__":
    main()
