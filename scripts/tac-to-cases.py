#!/usr/bin/env python3
"""Convert the TAC 2009/2010/2011 summarization document sets (docset A, 10
articles each) committed in github.com/cl-victor1/Multi-Document-Summarization
into one folder per news story with one plain-text file per article.

Usage:
    tac-guided-to-cases.py SNAPSHOT_DIR OUT_DIR [--categories 1,2,5] [--min-articles 3]

SNAPSHOT_DIR is either the bare git directory produced by the `fetch` tool
(e.g. /work/.mirror/cl-victor1+Multi-Document-Summarization/repo) or a checked-out
work tree of that repository.  The articles are read from D2/outputs/
{training,devtest,evaltest}_output/<DOCSET>/<DOCID> (tokenised, one sentence
per line, paragraphs separated by blank lines), which this script detokenises.

Topic titles and categories come from the NIST topic XML files that the
repository removed at its last commits; they are read from git history (so
SNAPSHOT_DIR must be the fetched git directory or a clone with history).

TAC 2010/2011 "guided summarization" categories:
    1 Accidents and Natural Disasters   2 Attacks   3 Health and Safety
    4 Endangered Resources              5 Investigations and Trials
TAC 2009 (update task) topics carry no category; they are given category 0.

Output: OUT_DIR/<DOCSET-ID>-<title-slug>/<DOCID>.txt; first line
"Date: YYYY-MM-DD" (from the document id), blank line, headline (when it is a
real headline), blank line, paragraphs separated by blank lines.
OUT_DIR/index.tsv lists every folder with year, category and outlets.
Only the Python 3 standard library is used (plus the `git` binary when
SNAPSHOT_DIR is a bare repository).
"""
import argparse
import html
import os
import re
import subprocess
import sys

HISTORY_COMMIT = "4fbbda7"  # last commit that still has D2/data/2009_TAC/*.xml
TOPIC_XML = [
    ("2009", "D2/data/2009_TAC/training/2009/UpdateSumm09_test_topics.xml"),
    ("2010", "D2/data/2009_TAC/devtest/GuidedSumm10_test_topics.xml"),
    ("2011", "D2/data/2009_TAC/evaltest/GuidedSumm11_test_topics.xml"),
]
SPLITS = {"training_output": "2009", "devtest_output": "2010", "evaltest_output": "2011"}
CATEGORY_NAMES = {
    "0": "uncategorised (TAC 2009 update task)",
    "1": "Accidents and Natural Disasters",
    "2": "Attacks",
    "3": "Health and Safety",
    "4": "Endangered Resources",
    "5": "Investigations and Trials",
}
OUTLETS = {
    "APW": "Associated Press", "NYT": "New York Times", "AFP": "Agence France-Presse",
    "XIN": "Xinhua", "XIE": "Xinhua", "LTW": "Los Angeles Times/Washington Post",
    "CNA": "Central News Agency (Taiwan)",
}




# ---------------------------------------------------------------- snapshot IO
class Snapshot:
    """Reads files either from a work tree or from a bare git repository."""

    def __init__(self, path):
        self.path = path
        self.worktree = os.path.isdir(os.path.join(path, "D2", "outputs"))
        if not self.worktree:
            r = subprocess.run(["git", "-C", path, "rev-parse", "--verify", "HEAD"],
                               capture_output=True, text=True)
            if r.returncode != 0:
                sys.exit("not a work tree with D2/outputs nor a git directory: %s" % path)
            self.head = r.stdout.strip()

    def list_outputs(self):
        if self.worktree:
            base = os.path.join(self.path, "D2", "outputs")
            for root, _dirs, files in os.walk(base):
                for f in files:
                    rel = os.path.relpath(os.path.join(root, f), self.path).replace(os.sep, "/")
                    yield rel
        else:
            r = subprocess.run(["git", "-C", self.path, "ls-tree", "-r", "--name-only",
                                "HEAD", "D2/outputs"], capture_output=True, text=True, check=True)
            yield from r.stdout.splitlines()

    def read(self, rel, commit=None):
        if self.worktree and commit is None:
            with open(os.path.join(self.path, rel), "rb") as fh:
                return fh.read()
        gitdir = self.path
        if self.worktree and not os.path.isdir(os.path.join(self.path, ".git")):
            return None
        r = subprocess.run(["git", "-C", gitdir, "show", "%s:%s" % (commit or "HEAD", rel)],
                           capture_output=True)
        return r.stdout if r.returncode == 0 else None


def load_topics(snap):
    topics = {}
    for _year, rel in TOPIC_XML:
        data = snap.read(rel, commit=HISTORY_COMMIT)
        if not data:
            continue
        text = data.decode("latin-1")
        for m in re.finditer(r'<topic\s+id\s*=\s*"(\w+)"(?:\s*category\s*=\s*"(\d)")?\s*>'
                             r'\s*<title>(.*?)</title>', text, re.S):
            topics[m.group(1)] = (m.group(2) or "0", " ".join(m.group(3).split()))
    return topics


# -------------------------------------------------------------- detokenising
CONTRACTIONS = re.compile(r" (n't|'s|'re|'ve|'m|'ll|'d|'S|'RE|'VE|'M|'LL|'D|N'T)\b")


def detok(text):
    """Undo Penn-Treebank-style tokenisation of one paragraph."""
    t = " " + " ".join(text.split()) + " "
    t = html.unescape(t)
    # split verbs
    t = re.sub(r"\b([Cc])a n't\b", r"\1an't", t)
    t = re.sub(r"\b([Ww])o n't\b", r"\1on't", t)
    t = re.sub(r"\b([Gg])on na\b", r"\1onna", t)
    t = re.sub(r"\b([Ww])an na\b", r"\1anna", t)
    t = re.sub(r"\b([Gg])ot ta\b", r"\1otta", t)
    t = re.sub(r"(?<=[A-Za-z]) ' (?=s\b)", "'", t)  # source typo "Srinagar ' s"
    t = CONTRACTIONS.sub(r"\1", t)
    # brackets as PTB symbols, if any
    for a, b in (("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"),
                 ("-LCB-", "{"), ("-RCB-", "}")):
        t = t.replace(a, b)
    # currency / opening brackets attach right, closing punctuation attaches left
    t = re.sub(r"([$#£€]) (?=\d)", r"\1", t)
    t = re.sub(r"([(\[{]) ", r"\1", t)
    t = re.sub(r" ([)\]}])", r"\1", t)
    t = re.sub(r" ([,.;:!?%])(?=\s)", r"\1", t)
    t = re.sub(r" (\.\.\.)", r"\1", t)
    t = re.sub(r" ([.?!])(?=[)\]])", r"\1", t)
    # quotes: `` opens, '' closes
    t = re.sub(r"`` ", '"', t)
    t = re.sub(r" ''", '"', t)
    t = t.replace("``", '"').replace("''", '"')
    # single quotes: stand-alone ' tokens (opening, closing or plural possessive)
    toks = t.split(" ")
    out = []
    open_single = False
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok not in ("'", "`"):
            out.append(tok)
            if tok.startswith("'") and len(tok) > 1 and tok[1:2].isalpha() and \
                    not re.match(r"'(s|re|ve|m|ll|d)$", tok, re.I):
                open_single = True  # a word that carries its own opening quote
            i += 1
            continue
        prev = out[-1] if out else ""
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        word_next = bool(nxt) and nxt[0].isalnum()
        if tok == "`":
            kind = "open"
        elif open_single and prev:
            kind = "close"
        elif prev and prev[-1] in "sSzZ" and prev[-1].isalpha() and word_next:
            kind = "close"  # plural possessive: travelers' diarrhea
        elif prev == "" or prev.endswith(('"', "(", "[", "--")):
            kind = "open" if word_next else "close"
        elif re.search(r"[,.;:?!]$", prev):
            kind = "close"
        elif word_next:
            kind = "open"
        else:
            kind = "close"
        if kind == "open" and word_next:
            toks[i + 1] = "'" + nxt
            open_single = True
        elif out:
            out[-1] = prev + "'"
            open_single = False
        else:
            out.append("'")
        i += 1
    t = " ".join(out)
    # number groups split by a stray space in the source ("7 , 000" -> "7,000")
    t = re.sub(r"(?<![\d\-.,])(\d{1,3}), (\d{3})(?![\d\-])", r"\1,\2", t)
    t = re.sub(r" {2,}", " ", t).strip()
    return t


# ----------------------------------------------------------------- parsing
HEADER_RE = re.compile(r"^(HEADLINE|DATE_TIME|DATETIME|DATELINE):\s?(.*)$")


def parse_doc(raw):
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n")
    lines = text.split("\n")
    header = {}
    key = None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = HEADER_RE.match(line)
        if m:
            key = m.group(1)
            header[key] = m.group(2).strip()
        elif line.strip() == "":
            i += 1
            break
        elif key:
            header[key] = (header[key] + " " + line.strip()).strip()
        i += 1
    paras, cur = [], []
    for line in lines[i:]:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return header, [detok(p) for p in paras if p.strip()]


def doc_date(docid):
    m = re.search(r"((?:19|20)\d\d)(\d\d)(\d\d)\.\d+$", docid)
    return "%s-%s-%s" % m.groups() if m else None


def outlet_of(docid):
    return re.match(r"[A-Z]+", docid).group(0)


def good_headline(h):
    if not h:
        return None
    h = detok(h)
    h = re.sub(r"^(URGENT|UPDATE|FLASH|BULLETIN)\s*:?\s*", "", h)
    if len(h) < 8 or "HT;" in h or re.fullmatch(r"[a-z0-9\-]+", h):
        return None
    return h


def slug(s):
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s[:60]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("snapshot")
    ap.add_argument("out")
    ap.add_argument("--categories", default="0,1,2,3,4,5",
                    help="comma-separated categories to keep (1,2,5 = event-type stories)")
    ap.add_argument("--min-articles", type=int, default=3)
    ap.add_argument("--min-words", type=int, default=25,
                    help="skip articles whose body has fewer words (empty advisories etc.)")
    args = ap.parse_args()
    keep = set(args.categories.split(","))

    snap = Snapshot(args.snapshot)
    topics = load_topics(snap)
    docsets = {}
    for rel in snap.list_outputs():
        parts = rel.split("/")
        if len(parts) != 5 or parts[2] not in SPLITS:
            continue
        docsets.setdefault((SPLITS[parts[2]], parts[3]), []).append(rel)

    os.makedirs(args.out, exist_ok=True)
    index = ["folder\tyear\tcategory\tcategory_name\ttitle\tarticles\toutlets\tfirst_date\tlast_date"]
    n_events = n_docs = 0
    for (year, dsid), rels in sorted(docsets.items()):
        tid = dsid.split("-")[0]
        cat, title = topics.get(tid, ("0", tid))
        if cat not in keep:
            continue
        docs = []
        for rel in sorted(rels):
            docid = rel.rsplit("/", 1)[1]
            header, paras = parse_doc(snap.read(rel))
            if sum(len(p.split()) for p in paras) < args.min_words:
                continue
            docs.append((docid, header, paras))
        if len(docs) < args.min_articles:
            continue
        folder = "%s-%s" % (tid, slug(title))
        fdir = os.path.join(args.out, folder)
        os.makedirs(fdir, exist_ok=True)
        dates = []
        for docid, header, paras in docs:
            out = []
            d = doc_date(docid)
            if d:
                out.append("Date: " + d)
                dates.append(d)
            h = good_headline(header.get("HEADLINE"))
            if h:
                out.append(h)
            out.extend(paras)
            with open(os.path.join(fdir, docid + ".txt"), "w", encoding="utf-8") as fh:
                fh.write("\n\n".join(out) + "\n")
        outlets = sorted({outlet_of(d[0]) for d in docs})
        index.append("\t".join([folder, year, cat, CATEGORY_NAMES.get(cat, cat), title,
                                str(len(docs)), ",".join(outlets),
                                min(dates) if dates else "", max(dates) if dates else ""]))
        n_events += 1
        n_docs += len(docs)
    with open(os.path.join(args.out, "index.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(index) + "\n")
    print("wrote %d stories, %d articles to %s" % (n_events, n_docs, args.out))


if __name__ == "__main__":
    main()
