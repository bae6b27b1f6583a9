#!/usr/bin/env python3
"""Convert the Gun Violence Archive news corpus of the SemEval-2018 Task 5
repository (github.com/cltl/LongTailQATask, "the_violent_corpus") into one
folder per incident with one plain-text file per outlet's article.

Usage:
    gva-to-cases.py SNAPSHOT_DIR OUT_DIR [--max-events 80] [--min-articles 3]
                    [--max-articles 10] [--window-days 7] [--seed 1]

What the data is: for SemEval-2018 Task 5 ("Counting events and participants
in the long tail", Postma, Ilievski & Vossen 2018) the organisers took
incidents from the Gun Violence Archive (gunviolencearchive.org, US shootings
2013-2017) and crawled, from archive.org copies, the local and national news
articles that the archive cites for each incident.  The files are
EventRegistries/GunViolenceArchive/the_violent_corpus/<GVA incident id>/<md5>.json;
despite the name each is a Python pickle of `classes.NewsItem` with the
fields title, content (paragraphs separated by newlines, not tokenised),
dct (document creation time, a datetime.date), uri (archive.org URL of the
original page) and id.  They are read with a restricted unpickler that only
builds NewsItem and datetime objects (nothing from the snapshot is executed).

One incident = one news event (a shooting); its articles come from different
outlets (the host of the original URL).  This script
  * drops web furniture: lines that recur in articles of >= 3 different
    incidents (share widgets, sign-up forms, copyright lines, "Advertisement")
    and lines of known furniture patterns (copyright, "enable Javascript",
    photo captions, video playlists, "Read or Share this story", short lines
    with a URL, video teasers); splits paragraphs the crawler glued together
    ("died.Witnesses"); strips site names from titles;
  * keeps the articles inside the densest --window-days window of creation
    dates (follow-ups months later -- sentencing, anniversaries -- are left out),
    one article per outlet (the longest), skips non-news hosts (Wikipedia,
    social media, blogs, GoFundMe, obituaries), drops near-duplicates (syndicated
    copies of one wire story), and articles with fewer than --min-words words;
  * keeps incidents with >= --min-articles such articles, at most
    --max-articles each (earliest first), and, when more incidents qualify than
    --max-events, a seeded random sample of them.

Output: OUT_DIR/<incident id>-<title slug>/<outlet host>-<first 8 of md5>.txt;
first line "Date: YYYY-MM-DD" (the dct), blank line, headline, blank line,
paragraphs separated by blank lines.  OUT_DIR/index.tsv lists every folder.

SNAPSHOT_DIR is the bare git directory brought by the `fetch` tool (e.g.
/work/.mirror/cltl+LongTailQATask/repo; read with `git ls-tree` and
`git cat-file`) or a checked-out work tree of that repository.

Provenance: the repository has no licence file; the article texts belong to
their publishers and were collected for research use.  The data and
everything written to OUT_DIR are third-party material: keep OUT_DIR outside
the project repository and never commit it.  Only the Python 3 standard
library is used (plus the `git` binary for a bare snapshot).
"""
import argparse
import collections
import datetime
import html
import io
import os
import pickle
import random
import re
import subprocess
import sys
import urllib.parse

CORPUS = "EventRegistries/GunViolenceArchive/the_violent_corpus"


# ---------------------------------------------------------------- snapshot IO
class NewsItem:
    """Stand-in for the corpus' classes.NewsItem (attributes only)."""


class SafeUnpickler(pickle.Unpickler):
    ALLOWED = {("classes", "NewsItem"): NewsItem,
               ("datetime", "date"): datetime.date,
               ("datetime", "datetime"): datetime.datetime}

    def find_class(self, module, name):
        try:
            return self.ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError("refusing %s.%s" % (module, name))


def load_item(data):
    try:
        obj = SafeUnpickler(io.BytesIO(data)).load()
    except Exception:
        return None
    d = getattr(obj, "__dict__", None)
    if not isinstance(d, dict) or not isinstance(d.get("content"), str):
        return None
    return d


def read_corpus(path):
    """Yield (incident id, item dict) for every article of the corpus."""
    if os.path.isdir(os.path.join(path, CORPUS)):
        base = os.path.join(path, CORPUS)
        for inc in sorted(os.listdir(base)):
            for f in sorted(os.listdir(os.path.join(base, inc))):
                with open(os.path.join(base, inc, f), "rb") as fh:
                    item = load_item(fh.read())
                if item:
                    yield inc, item
        return
    r = subprocess.run(["git", "-C", path, "ls-tree", "-r", "HEAD", CORPUS],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("neither a work tree with %s nor a git directory: %s" % (CORPUS, path))
    entries = []
    for line in r.stdout.splitlines():
        meta, rel = line.split("\t", 1)
        entries.append((meta.split()[2], rel))
    entries.sort(key=lambda e: e[1])
    proc = subprocess.Popen(["git", "-C", path, "cat-file", "--batch"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        for sha, rel in entries:
            proc.stdin.write((sha + "\n").encode())
            proc.stdin.flush()
            header = proc.stdout.readline().split()
            if len(header) < 3 or header[1] != b"blob":
                continue
            data = proc.stdout.read(int(header[2]))
            proc.stdout.read(1)
            item = load_item(data)
            if item:
                yield rel.split("/")[3], item
    finally:
        proc.stdin.close()
        proc.wait()


# ------------------------------------------------------------------ cleaning
FURNITURE = re.compile(
    r"^(\(?©|copyright\b|\(c\) ?\d{4})|all rights reserved|please enable javascript"
    r"|^advertisement$|^[\W_]+$|\{\*.*\*\}|^(share|follow|like) this\b"
    r"|^(tap or )?click here\b|^sign up\b|^(related|trending|more)( stories| links| coverage| videos?)?\s*([:|]|$)"
    r"|^read or share this story|^(get free|sign up for).*(alerts|newsletter)|subscribe to (the|our)\b"
    r"|newsletter!?$|^newsletter\b|^follow us\b|^message: \* a friend|pic\.twitter\.com|https?://t\.co/"
    r"|\$\{|^\S*https?://\S+$|\((photo|image|video)s?\b[^)]*\)\s*$|^\d{1,2}:\d{2} (?![ap]\.?m\b)"
    r"|^(raw |more )?(video|photos?|watch|embed|gallery|listen)\b\s*(news videos?\s*)?[:>|]"
    r"|^embed\b|^more video|^image \d+ of|like us on facebook|follow @?\w+ on twitter"
    r"|\bclick (or tap )?here\b|what others are clicking|\[ \] (hide|show) caption", re.I)
TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")


def norm_line(line):
    line = html.unescape(line)
    line = TAG.sub(" ", line)
    line = line.replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"\s+", " ", line).strip()


# paragraphs glued by the crawler: "Two of them died.Witnesses said ..."
GLUED = re.compile(r"(?<=[A-Za-z0-9%)]{2}[.!?])([\"\u201d]?)(?=[A-Z\"\u201c])")


def unglue(line):
    """Split a line where a sentence end runs into the next paragraph with no space."""
    parts, last = [], 0
    for m in GLUED.finditer(line):
        quote = m.group(1)
        nxt = line[m.end()] if m.end() < len(line) else ""
        if quote == '"' or (not quote and nxt == '"'):
            # a straight quote: opening if an even number of quotes precede it
            opening = line.count('"', 0, m.start()) % 2 == 0
            if opening:
                cut = m.start()
            elif quote:
                cut = m.end()
            else:
                continue
        else:
            cut = m.end()
        parts.append(line[last:cut])
        last = cut
    parts.append(line[last:])
    return [p.strip() for p in parts if p.strip()]


def lines_of(item):
    out = []
    for x in item["content"].split("\n"):
        out.extend(unglue(norm_line(x)))
    return out


# video teasers: "Child Shot in Boston" / "Boston Police say ... (Published Sunday, Oct. 9, 2016)"
TEASER = re.compile(r"\(Published \w+day, [^)]*\)$")


def body_of(lines, common):
    paras = []
    for l in lines:
        if TEASER.search(l):
            if paras and not re.search(r"[.!?\"\u201d:]$", paras[-1]) and len(paras[-1].split()) <= 12:
                paras.pop()
            continue
        if l in common or FURNITURE.search(l) or ("http" in l and len(l.split()) <= 12):
            continue
        if l not in paras:  # gallery captions repeated on the page
            paras.append(l)
    return paras


def host_of(uri):
    m = re.search(r"web\.archive\.org/web/[^/]+/(.*)$", uri or "")
    u = m.group(1) if m else (uri or "")
    if not re.match(r"https?:", u):
        u = "http://" + u
    try:
        h = urllib.parse.urlsplit(u).hostname or ""
    except ValueError:
        h = ""
    h = re.sub(r"^(www\d*|m|mobile|amp)\.", "", h.lower())
    return h or "unknown"


NOT_NEWS = re.compile(r"(^|\.)(wikipedia\.org|twitter\.com|facebook\.com|youtube\.com|youtu\.be"
                      r"|instagram\.com|reddit\.com|google\.com|gunviolencearchive\.org"
                      r"|archive\.org|change\.org|gofundme\.com|legacy\.com"
                      r"|wordpress\.com|blogspot\.com)$")


TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|::)\s+")


def clean_title(title, suffixes):
    t = norm_line(title or "")
    while True:
        parts = TITLE_SEP.split(t)
        if len(parts) < 2:
            break
        last = parts[-1]
        if suffixes[last] >= 3 or re.search(r"\.(com|net|org|tv)\b|\bnews\b|\bweather\b", last, re.I):
            t = t[:len(t) - len(last)]
            t = re.sub(r"\s*(?:\||-|–|—|::)\s*$", "", t)
        else:
            break
    return t.strip(" |")


def shingles(words, n=8):
    return {" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def slug(s):
    return re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()[:60] or "incident"


def densest_window(dates, days):
    """Start date of the window of `days` days holding the most dates (earliest wins)."""
    best, best_n = None, -1
    for start in sorted(set(dates)):
        n = sum(1 for d in dates if 0 <= (d - start).days < days)
        if n > best_n:
            best, best_n = start, n
    return best


# ---------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("snapshot")
    ap.add_argument("out")
    ap.add_argument("--max-events", type=int, default=80,
                    help="at most this many incidents (seeded sample; 0 = all)")
    ap.add_argument("--min-articles", type=int, default=3)
    ap.add_argument("--max-articles", type=int, default=10)
    ap.add_argument("--min-words", type=int, default=60,
                    help="skip articles whose cleaned body has fewer words")
    ap.add_argument("--window-days", type=int, default=7,
                    help="keep articles in the densest window of this many days (0 = all)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    incidents = collections.defaultdict(list)
    for inc, item in read_corpus(args.snapshot):
        item["lines"] = lines_of(item)
        item["host"] = host_of(item.get("uri"))
        incidents[inc].append(item)
    if not incidents:
        sys.exit("no articles found in %s" % args.snapshot)

    # corpus-wide furniture: lines met in articles of >= 3 different incidents
    line_incidents = collections.defaultdict(set)
    suffixes = collections.Counter()
    for inc, items in incidents.items():
        for it in items:
            for l in set(it["lines"]):
                line_incidents[l].add(inc)
            parts = TITLE_SEP.split(norm_line(it.get("title") or ""))
            if len(parts) > 1:
                suffixes[parts[-1]] += 1
    common = {l for l, s in line_incidents.items() if len(s) >= 3}

    eligible = []
    for inc in sorted(incidents, key=lambda x: (len(x), x)):
        arts = []
        for it in incidents[inc]:
            if it["host"] == "unknown" or NOT_NEWS.search(it["host"]):
                continue
            paras = body_of(it["lines"], common)
            words = sum(len(p.split()) for p in paras)
            if words < args.min_words:
                continue
            dct = it.get("dct")
            if isinstance(dct, datetime.datetime):
                dct = dct.date()
            if not isinstance(dct, datetime.date):
                dct = None
            arts.append({"id": str(it.get("id") or "")[:8] or "x", "host": it["host"],
                         "date": dct, "title": clean_title(it.get("title"), suffixes),
                         "paras": paras, "words": words})
        dated = [a["date"] for a in arts if a["date"]]
        if args.window_days > 0 and dated:
            start = densest_window(dated, args.window_days)
            arts = [a for a in arts if a["date"] and 0 <= (a["date"] - start).days < args.window_days]
        # one article per outlet: the longest (then the earliest)
        by_host = {}
        for a in sorted(arts, key=lambda a: (-a["words"], a["date"] or datetime.date.max, a["id"])):
            by_host.setdefault(a["host"], a)
        arts = sorted(by_host.values(), key=lambda a: (a["date"] or datetime.date.max, a["host"]))
        # near-duplicates (one wire story carried by several outlets): keep the first
        kept, seen = [], []
        for a in arts:
            sh = shingles(" ".join(a["paras"]).lower().split())
            if any(len(sh & s) >= 0.8 * min(len(sh), len(s)) for s in seen):
                continue
            kept.append(a)
            seen.append(sh)
        kept = kept[:args.max_articles]
        if len(kept) >= args.min_articles:
            eligible.append((inc, kept))

    print("%d incidents qualify" % len(eligible), file=sys.stderr)
    if args.max_events and len(eligible) > args.max_events:
        eligible = random.Random(args.seed).sample(eligible, args.max_events)
    eligible.sort(key=lambda e: int(e[0]) if e[0].isdigit() else 0)

    os.makedirs(args.out, exist_ok=True)
    index = ["folder\tgva_incident\ttitle\tarticles\toutlets\tfirst_date\tlast_date"]
    n_docs = 0
    for inc, arts in eligible:
        title = next((a["title"] for a in arts if len(a["title"]) >= 10), inc)
        folder = "%s-%s" % (inc, slug(title))
        fdir = os.path.join(args.out, folder)
        os.makedirs(fdir, exist_ok=True)
        for a in arts:
            out = []
            if a["date"]:
                out.append("Date: " + a["date"].isoformat())
            paras = a["paras"]
            if a["title"]:
                out.append(a["title"])
                paras = [p for i, p in enumerate(paras) if i > 2 or p != a["title"]]
            out.extend(paras)
            name = "%s-%s.txt" % (re.sub(r"[^A-Za-z0-9.]+", "-", a["host"]), a["id"])
            with open(os.path.join(fdir, name), "w", encoding="utf-8") as fh:
                fh.write("\n\n".join(out) + "\n")
        dates = [a["date"].isoformat() for a in arts if a["date"]]
        index.append("\t".join([folder, inc, title.replace("\t", " "), str(len(arts)),
                                ",".join(a["host"] for a in arts),
                                min(dates) if dates else "", max(dates) if dates else ""]))
        n_docs += len(arts)
    with open(os.path.join(args.out, "index.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(index) + "\n")
    print("wrote %d incidents, %d articles to %s" % (len(eligible), n_docs, args.out))


if __name__ == "__main__":
    main()
