#!/bin/sh
# Seeds the fuzz corpora from the project's own files and runs each cargo-fuzz
# target for SECONDS (default 600), one after the other, then prints each
# run's executions and where crash inputs went.
#
#   scripts/fuzz.sh [SECONDS]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). It uses the nightly
# toolchain when rustup has one; with only stable, RUSTC_BOOTSTRAP=1 lets
# stable build the instrumented targets (no sanitizer: `-s none`; the
# library has no unsafe code). `-a` keeps debug assertions on, so integer
# overflow panics as a crash instead of wrapping.
set -eu
seconds=${1:-600}
cd "$(dirname "$0")/.."

mkdir -p fuzz/corpus/check_articles fuzz/corpus/rules_yaml
# Every article, and the first two articles of each case joined, so that
# both halves the target cuts an input into hold an article.
for f in corpus/*/*.txt corpus/*/*.md corpus/*/*.html; do
    [ -f "$f" ] && cp "$f" "fuzz/corpus/check_articles/$(echo "$f" | tr / _)"
done
for d in corpus/*/; do
    set -- $(ls "$d" | grep -E '\.(txt|md|html)$' || true)
    if [ $# -ge 2 ]; then
        cat "$d/$1" "$d/$2" > "fuzz/corpus/check_articles/pair_$(basename "$d")"
    fi
done
for f in rules/*.yaml $(find corpus tests -name '*.yaml'); do
    cp "$f" "fuzz/corpus/rules_yaml/$(echo "$f" | tr / _)"
done

if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    fuzz="cargo +nightly fuzz"
else
    fuzz="env RUSTC_BOOTSTRAP=1 cargo fuzz"
fi
cd fuzz
for target in rules_yaml check_articles; do
    log="artifacts/$target.log"
    mkdir -p "artifacts/$target"
    status=0
    $fuzz run -O -a -s none "$target" -- \
        -max_total_time="$seconds" -max_len=20000 -print_final_stats=1 \
        > "$log" 2>&1 || status=$?
    echo "$target: exit $status, $(grep -E '^Done' "$log" || echo 'no summary, see fuzz/'"$log")"
    ls "artifacts/$target" | sed "s|^|  crash input: fuzz/artifacts/$target/|"
done
