#!/usr/bin/env python3
"""Convert the DUC 2004 (task 1/2) document clusters committed in
github.com/ayushoriginal/Multi-Document-Summarization into one folder per
cluster with one plain-text file per article.

Usage:
    duc2004-to-cases.py SNAPSHOT_DIR OUT_DIR [--source auto|sgml|tokenized]
                        [--min-articles 3] [--min-words 25]

SNAPSHOT_DIR: bare git directory from the `fetch` tool
(/work/.mirror/ayushoriginal+Multi-Document-Summarization/repo) or a work tree.

The repository holds the same 500 articles (50 TDT event clusters d30xxxt /
d31xxxt, 10 AP/NYT articles each, 1998) twice:

  duc2004/docs/<cluster>/<DOCNO>
      original LDC SGML, untokenised, but with no paragraph markup (the
      <TEXT> is one wrapped block);
  DUC2004_documents_cleaned_tokenized/<cluster>_raw/<DOCNO>.txt
      one sentence per line, roughly detokenised, with ``quotes'' and many
      apostrophes stripped and some spacing damage ("a$ 4.9 million",
      "miles( 152 kilometers)", "Caufield& AMP; Byers", "the'70s").

Both have exactly the same alphanumeric character stream, so with
--source auto (default) the text is taken from the original SGML and the
sentence boundaries from the one-sentence-per-line files (aligned by
counting alphanumerics).  --source sgml uses a regex sentence splitter
instead; --source tokenized uses only the sentence files and repairs their
spacing (no stripped apostrophe or quote is guessed back).

Sentences are grouped into paragraphs of 2-3 sentences (no paragraph break
inside an open quotation when the quotes are known).  Output files:
"Date: YYYY-MM-DD" (from the DOCNO) first line, then paragraphs separated by
blank lines.  OUT_DIR/index.tsv lists the clusters with the lead sentence of
the earliest article as a description (same columns as duc2003-to-cases.py).
Python 3 stdlib only (plus the `git` binary for a bare repository).
"""
import argparse
import html
import os
import re
import subprocess
import sys

SGML = "duc2004/docs"
TOK = "DUC2004_documents_cleaned_tokenized"


class Snapshot:
    def __init__(self, path):
        self.path = path
        self.worktree = os.path.isdir(os.path.join(path, SGML)) or os.path.isdir(os.path.join(path, TOK))
        if not self.worktree:
            r = subprocess.run(["git", "-C", path, "rev-parse", "--verify", "HEAD"],
                               capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit("neither a work tree with %s/%s nor a git directory: %s" % (SGML, TOK, path))

    def files(self, base):
        if self.worktree:
            root = os.path.join(self.path, base)
            if not os.path.isdir(root):
                return []
            out = []
            for d in sorted(os.listdir(root)):
                if os.path.isdir(os.path.join(root, d)):
                    for f in sorted(os.listdir(os.path.join(root, d))):
                        out.append("%s/%s/%s" % (base, d, f))
            return out
        r = subprocess.run(["git", "-C", self.path, "ls-tree", "-r", "--name-only", "HEAD", base],
                           capture_output=True, text=True, check=True)
        return r.stdout.splitlines()

    def read(self, rel):
        if self.worktree:
            with open(os.path.join(self.path, rel), "rb") as fh:
                return fh.read()
        return subprocess.run(["git", "-C", self.path, "show", "HEAD:" + rel],
                              capture_output=True, check=True).stdout


def docdate(docno):
    m = re.search(r"((?:19|20)\d\d)(\d\d)(\d\d)", docno)
    return "%s-%s-%s" % m.groups() if m else None


# ---------------------------------------------------------------- SGML text

def sgml_text(raw):
    t = raw.decode("latin-1")
    docno = re.search(r"<DOCNO>\s*(\S+)\s*</DOCNO>", t).group(1)
    m = re.search(r"<TEXT>(.*?)(</TEXT>|$)", t, re.S | re.I)
    body = re.sub(r"<[^>]+>", " ", m.group(1) if m else "")
    body = re.sub(r"&(QL|QR|Cx[0-9a-fA-F]+|UR|LR|MD|HT|QC|TL|IT);", " ", body)
    # entities (&AMP;) are kept until after alignment: the sentence files
    # still carry them as "& AMP;"
    return docno, " ".join(body.split())


def polish(s):
    """Typography of the wire text: ``x'' -> "x", AP's ' _ ' dash -> ' -- '."""
    s = html.unescape(s).replace("``", '"').replace("''", '"')
    s = re.sub(r"(^|\s)_(?=\s|[A-Za-z0-9])\s?", r"\1-- ", s)
    return " ".join(s.split())


def align(text, sentences):
    """Cut `text` at the ends of `sentences` (which have the same alphanumeric
    stream but different punctuation/spacing).  Returns raw sentence strings,
    or None if the streams disagree."""
    alnum = [i for i, ch in enumerate(text) if ch.isalnum()]
    counts = [sum(ch.isalnum() for ch in s) for s in sentences]
    if sum(counts) != len(alnum):
        return None
    out, start, k = [], 0, 0
    for c in counts:
        if c == 0:
            continue
        k += c
        end = alnum[k - 1] + 1
        # carry trailing punctuation / closing quotes, but not an opening ``
        while end < len(text) and not text[end].isspace() and not text[end].isalnum() \
                and not text.startswith("``", end):
            end += 1
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        if out:
            out[-1] += " " + tail
        else:
            out.append(tail)
    return out


ABBR = re.compile(r"(\b(Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|"
                  r"No|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|vs|[A-Z])\.)$")


def split_sentences(text):
    parts, cur = [], ""
    for chunk in re.split(r"(?:(?<=[.!?])|(?<=''))\s+(?=``|[A-Z0-9\"(])", text):
        cur = (cur + " " + chunk).strip() if cur else chunk
        if not ABBR.search(cur):
            parts.append(cur)
            cur = ""
    if cur:
        parts.append(cur)
    return parts


# ----------------------------------------------------- tokenised-only repair

def detok(s):
    s = re.sub(r"\b([A-Z])&\s*AMP;\s*([A-Z])\b", r"\1&\2", s)   # "A& AMP;P"
    s = re.sub(r"\s*&\s*AMP;", " &", s)
    s = re.sub(r"``\s*(.*?)\s*''", r'"\1"', s)
    s = s.replace("``", '"').replace("''", '"')
    s = re.sub(r"\s+([,.;:?!%)\]}])", r"\1", s)              # " ," " ." "5 %" "x )"
    s = re.sub(r"([(\[{$#])\s+", r"\1", s)                   # "( x" "$ 5"
    s = re.sub(r"(\w)([($])", r"\1 \2", s)                   # "miles(152" "a$4.9"
    s = re.sub(r"(\d),\s+(\d{3})\b", r"\1,\2", s)            # "1 , 500"
    s = re.sub(r"(\d)\s*\.\s+(\d)(?=\d*\s*(%|percent|million|billion))", r"\1.\2", s)
    s = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", s, flags=re.I)
    s = re.sub(r"(\w)'(\d0s|\d\d\b)", r"\1 '\2", s)          # "the'70s"
    s = re.sub(r"(\d)\s+:\s+(\d\d)\b", r"\1:\2", s)          # "10 : 30"
    s = re.sub(r"(^|\s)_(?=\s|[A-Za-z0-9])\s?", r"\1-- ", s)
    return " ".join(s.split())


# -------------------------------------------------------------- paragraphs

def paragraphs(sentences):
    """Lists of 2-3 sentences; break after 2 if the pair is long; never break
    while a quotation is open (unless the paragraph is getting huge)."""
    paras, cur, words, depth = [], [], 0, 0
    for s in sentences:
        cur.append(s)
        words += len(s.split())
        if depth and s.startswith('"'):
            depth = 0   # AP style: a quote running on into a new paragraph is not closed
        depth = (depth + s.count('"')) % 2
        n = len(cur)
        if (n >= 3 or (n == 2 and words >= 55)) and (depth == 0 or n >= 6):
            paras.append(cur)
            cur, words, depth = [], 0, 0
    if cur:
        # a lone trailing sentence joins a 2-sentence paragraph before it,
        # or takes the last sentence of a 3-sentence one (2 + 2)
        if len(cur) == 1 and paras and len(paras[-1]) == 2:
            paras[-1] = paras[-1] + cur
        elif len(cur) == 1 and paras and len(paras[-1]) == 3:
            paras.append([paras[-1].pop()] + cur)
        else:
            paras.append(cur)
    return paras


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("snapshot")
    ap.add_argument("out")
    ap.add_argument("--source", choices=["auto", "sgml", "tokenized"], default="auto")
    ap.add_argument("--min-articles", type=int, default=3)
    ap.add_argument("--min-words", type=int, default=25)
    a = ap.parse_args()
    snap = Snapshot(a.snapshot)

    sgml, tok = {}, {}
    if a.source in ("auto", "sgml"):
        for rel in snap.files(SGML):
            p = rel.split("/")
            if len(p) == 4 and re.match(r"d\d+[a-z]$", p[2]):
                sgml[(p[2], p[3])] = rel
    if a.source in ("auto", "tokenized"):
        for rel in snap.files(TOK):
            p = rel.split("/")
            if len(p) == 3 and p[2].endswith(".txt") and p[2] != "merge.txt":
                tok[(re.sub(r"_raw$", "", p[1]), p[2][:-4])] = rel
    keys = sorted(set(sgml) | set(tok))
    if not keys:
        sys.exit("no DUC 2004 documents found under %s or %s" % (SGML, TOK))

    clusters, stats = {}, {"aligned": 0, "regex-split": 0, "tokenized": 0}
    for cid, docno in keys:
        sents = None
        if (cid, docno) in tok:
            tlines = [l.strip() for l in snap.read(tok[(cid, docno)]).decode("latin-1").splitlines()]
            tlines = [l for l in tlines if l]
        if (cid, docno) in sgml:
            docno2, text = sgml_text(snap.read(sgml[(cid, docno)]))
            if (cid, docno) in tok:
                sents = align(text, tlines)
                if sents is not None:
                    stats["aligned"] += 1
            if sents is None:
                sents = split_sentences(text)
                stats["regex-split"] += 1
            sents = [polish(s) for s in sents]
            docno = docno2
        else:
            sents = [detok(l) for l in tlines]
            stats["tokenized"] += 1
        sents = [s for s in sents if s]
        if sum(len(s.split()) for s in sents) < a.min_words:
            continue
        clusters.setdefault(cid, []).append((docno, docdate(docno), sents))

    os.makedirs(a.out, exist_ok=True)
    index = ["folder\tkind\tarticles\toutlets\tfirst_date\tlast_date\tlead"]
    ne = nd = 0
    for cid, docs in sorted(clusters.items()):
        if len(docs) < a.min_articles:
            continue
        kind = "tdt-event" if re.match(r"d3\d{4}t$", cid) else "trec-topic"
        os.makedirs(os.path.join(a.out, cid), exist_ok=True)
        for docno, date, sents in docs:
            lines = (["Date: " + date] if date else []) + [" ".join(p) for p in paragraphs(sents)]
            with open(os.path.join(a.out, cid, docno + ".txt"), "w", encoding="utf-8") as fh:
                fh.write("\n\n".join(lines) + "\n")
        docs.sort(key=lambda d: (d[1] or "", d[0]))
        lead = docs[0][2][0][:200].replace("\t", " ")
        dates = [d[1] for d in docs if d[1]]
        outlets = sorted({re.match(r"[A-Z]+", d[0]).group(0) for d in docs})
        index.append("\t".join([cid, kind, str(len(docs)), ",".join(outlets),
                                min(dates), max(dates), lead]))
        ne += 1
        nd += len(docs)
    with open(os.path.join(a.out, "index.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(index) + "\n")
    print("wrote %d clusters, %d articles to %s (%s)" % (
        ne, nd, a.out, ", ".join("%s %d" % kv for kv in stats.items() if kv[1])))


if __name__ == "__main__":
    main()
