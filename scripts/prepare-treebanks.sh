#!/usr/bin/env bash
# Turns fetched treebank snapshots into the CoNLL-U files `train-nlp` reads.
# Nothing here is committed: the output folder lives outside the repository
# (or under target/), and only the trained weights are.
#
#   scripts/prepare-treebanks.sh EWT_GIT_DIR GUM_GIT_DIR OUT_DIR
#
# EWT_GIT_DIR: a snapshot of github.com/UniversalDependencies/UD_English-EWT
# (its git directory; no work tree is needed). Its train .conllu may be
# missing from the snapshot: it is rebuilt from not-to-release/sources in the
# order of not-to-release/file-lists/files.train, and the sentence count is
# checked against the official total (16,622 sentences, less dev and test).
# GUM_GIT_DIR: a snapshot of github.com/UniversalDependencies/UD_English-GUM.
# Only the freely licensed genres are kept (news and interviews from
# Wikinews, CC BY 2.5; biographies from Wikipedia and travel guides from
# Wikivoyage, CC BY-SA; academic papers published CC BY). The other genres
# (wikiHow, Reddit, fiction, conversation, …) carry non-commercial or unclear
# licences and are left out.
#
# Writes OUT_DIR/{ewt,gum}-{train,dev,test}.conllu and OUT_DIR/SOURCES with
# each snapshot's commit and every file's sha256.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 EWT_GIT_DIR GUM_GIT_DIR OUT_DIR" >&2; exit 2; }
ewt=$1 gum=$2 out=$3
mkdir -p "$out"
show() { git --git-dir="$1" show "HEAD:$2"; }
count() { grep -c '^# sent_id' "$1" || true; }

# --- EWT -------------------------------------------------------------------
show "$ewt" en_ewt-ud-dev.conllu > "$out/ewt-dev.conllu"
show "$ewt" en_ewt-ud-test.conllu > "$out/ewt-test.conllu"
if show "$ewt" en_ewt-ud-train.conllu > "$out/ewt-train.conllu" 2>/dev/null; then
  :
else
  : > "$out/ewt-train.conllu"
  show "$ewt" not-to-release/file-lists/files.train | while read -r f; do
    [ -n "$f" ] && show "$ewt" "not-to-release/sources/$f" >> "$out/ewt-train.conllu"
  done
fi
total=16622
train=$(count "$out/ewt-train.conllu"); dev=$(count "$out/ewt-dev.conllu"); test=$(count "$out/ewt-test.conllu")
if [ $((train + dev + test)) -ne $total ]; then
  echo "EWT: $train + $dev + $test sentences, expected $total in all" >&2; exit 1
fi
echo "EWT: train $train, dev $dev, test $test sentences (total $total as published)"

# --- GUM: free genres only -------------------------------------------------
free='^GUM_(news|interview|academic|bio|voyage)_'
for split in train dev test; do
  : > "$out/gum-$split.conllu"
  show "$gum" "not-to-release/file-lists/files.$split" | tr -d '\r' | grep -E "$free" | while read -r f; do
    show "$gum" "not-to-release/sources/$f.conllu" >> "$out/gum-$split.conllu"
  done
  echo "GUM $split (free genres): $(count "$out/gum-$split.conllu") sentences"
done

# --- provenance ------------------------------------------------------------
{
  echo "UD_English-EWT $(git --git-dir="$ewt" rev-parse HEAD)"
  echo "UD_English-GUM $(git --git-dir="$gum" rev-parse HEAD)"
  (cd "$out" && sha256sum ewt-*.conllu gum-*.conllu)
} > "$out/SOURCES"
cat "$out/SOURCES"
