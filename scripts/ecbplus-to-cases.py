#!/usr/bin/env python3
"""Turn the ECB+ corpus (Cybulska & Vossen, LREC 2014) into crosscheck case folders.

Usage: ecbplus-to-cases.py SNAPSHOT_GIT_DIR OUT_DIR

SNAPSHOT_GIT_DIR is a git directory holding ECB+ unzipped under
ECB+_LREC2014/ECB+/<topic>/<topic>_<n>ecb.xml and ..._<n>ecbplus.xml (the
tommasoc80/EventStoryLine snapshot has it; no work tree is needed: files are
read with `git ls-tree` / `git show HEAD:path`). Each topic holds two seminal
events, reported by several outlets: the "ecb" documents and the "ecbplus"
documents. Each document is a list of tokens with sentence numbers.

For each event with at least two documents this writes
OUT_DIR/<topic>-<ecb|ecbplus>/<source>.txt: the document detokenised (title,
a blank line, the rest as one paragraph, the way a scraped page often reads).
<source> is the outlet's host name when the document opens with its address
("latimes", "foxnews"), else "doc<n>"; repeats get "-2", "-3". OUT_DIR/INDEX.tsv
lists folder, document count and the first title. Output is deterministic.

ECB+ is third-party material (CC BY 3.0): keep OUT_DIR outside the repository;
nothing read or written here is committed.
"""
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

DOC = re.compile(r"^ECB\+_LREC2014/ECB\+/(\d+)/\1_(\d+)(ecb|ecbplus)\.xml$")
TOKEN = re.compile(r'<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)</token>')
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "'s", "n't", "'re",
                   "'ll", "'ve", "'m", "'d", "'S", "N'T", "''", "..."}
NO_SPACE_AFTER = {"$", "(", "[", "{", "``", "#", "£", "€"}
ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def git(git_dir, *args):
    return subprocess.run(["git", f"--git-dir={git_dir}", *args],
                          check=True, capture_output=True).stdout


def unescape(token):
    for entity, char in ENTITIES.items():
        token = token.replace(entity, char)
    return token


def detokenise(tokens):
    """Join treebank tokens back into running text."""
    out = []
    open_quote = False
    glue = True  # no space before the next token
    for i, token in enumerate(tokens):
        if token == '"':
            token = "``" if not open_quote else "''"
        if token == "``":
            open_quote = True
            if not glue:
                out.append(" ")
            out.append('"')
            glue = True
            continue
        if token == "''":
            open_quote = False
            out.append('"')
            glue = False
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        prev = tokens[i - 1] if i > 0 else ""
        # "90 - day", "court - mandated": a split hyphen between two words
        hyphen = (token == "-" and prev[-1:].isalnum() and nxt[:1].isalnum()
                  and (prev[-1:].isdigit() or nxt[:1].islower() or nxt[:1].isdigit()))
        if hyphen:
            out.append("-")
            glue = True
            continue
        if not glue and token not in NO_SPACE_BEFORE:
            out.append(" ")
        out.append(token)
        glue = token in NO_SPACE_AFTER
    return "".join(out)


def sentences(xml):
    """The document's sentences, each a list of tokens, in order."""
    by_number = defaultdict(list)
    for number, token in TOKEN.findall(xml):
        by_number[int(number)].append(unescape(token))
    return [by_number[n] for n in sorted(by_number)]


def host(tokens):
    """'latimes' from the tokens of 'http : / / articles . latimes . com / ...'."""
    address = "".join(tokens)
    m = re.match(r"https?://([^/]+)", address)
    if not m:
        return None
    parts = [p for p in m.group(1).lower().split(".")
             if p not in ("www", "com", "org", "net", "co", "uk", "au", "ca", "in",
                          "edition", "articles", "news", "m", "blogs", "online")]
    return re.sub(r"[^a-z0-9-]", "", parts[-1] if parts else m.group(1)) or None


def merge_pieces(sents):
    """Undo the tokeniser's splits of one written unit, even across its sentence
    breaks: "1 , 500" -> "1,500", "6 . 0" -> "6.0", "7 : 01" -> "7:01",
    "p . m ." -> "p.m.". Returns the sentences with the pieces joined."""
    flat = []  # tokens, with None between sentences
    for sentence in sents:
        if flat:
            flat.append(None)
        flat.extend(sentence)
    out = []
    i = 0
    while i < len(flat):
        token = flat[i]
        j = i + 1
        if j < len(flat) and flat[j] is None:
            j += 1
        nxt = flat[j] if j < len(flat) else None
        prev = out[-1] if out else None
        if (token in (",", ".", ":") and prev and prev[-1:].isdigit() and nxt
                and nxt.isdigit() and (token != "," or len(nxt) == 3)):
            out[-1] = prev + token + nxt
            i = j + 1
            continue
        if token == "." and prev in ("a", "p", "a.m", "p.m"):
            out[-1] = prev + "."
            if nxt == "m" and prev in ("a", "p"):
                out[-1] += "m"
                i = j + 1
                continue
            i += 1
            continue
        out.append(token)
        i += 1
    result = [[]]
    for token in out:
        if token is None:
            result.append([])
        else:
            result[-1].append(token)
    return [s for s in result if s]


def render(sents):
    """(source hint, text) for one document."""
    source = None
    if sents and sents[0] and sents[0][0].lower().startswith("http"):
        source = host(sents[0])
        sents = sents[1:]
    if not sents:
        return source, ""
    title = detokenise(sents[0])
    body = [detokenise(s) for s in merge_pieces(sents[1:])]
    parts = [title]
    # an ECB+ page gives its date as the sentence after the title
    if body and len(body[0]) < 40 and re.search(r"\b(19|20)\d\d\b", body[0]):
        parts.append(body.pop(0))
    # a sentence with no closing mark ended a line on the page: keep the break
    paragraph = []
    for sentence in body:
        paragraph.append(sentence)
        if not re.search(r"[.!?\"')]$", sentence):
            parts.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        parts.append(" ".join(paragraph))
    return source, "\n\n".join(parts) + "\n"


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    git_dir, out_dir = argv[1], Path(argv[2])
    names = git(git_dir, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
    events = defaultdict(list)  # (topic, kind) -> [(n, path)]
    for name in names:
        m = DOC.match(name)
        if m:
            events[(int(m.group(1)), m.group(3))].append((int(m.group(2)), name))

    out_dir.mkdir(parents=True, exist_ok=True)
    index = []
    written = 0
    for (topic, kind) in sorted(events):
        docs = sorted(events[(topic, kind)])
        if len(docs) < 2:
            continue
        folder = out_dir / f"{topic:02d}-{kind}"
        folder.mkdir(exist_ok=True)
        used = defaultdict(int)
        first_title = ""
        for n, name in docs:
            xml = git(git_dir, "show", f"HEAD:{name}").decode("utf-8", "replace")
            source, text = render(sentences(xml))
            if not text.strip():
                continue
            source = source or f"doc{n}"
            used[source] += 1
            if used[source] > 1:
                source = f"{source}-{used[source]}"
            (folder / f"{source}.txt").write_text(text, encoding="utf-8")
            written += 1
            first_title = first_title or text.split("\n", 1)[0]
        index.append(f"{folder.name}\t{len(docs)}\t{first_title}")
    (out_dir / "INDEX.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"{len(index)} events, {written} articles -> {out_dir}")


if __name__ == "__main__":
    main(sys.argv)
