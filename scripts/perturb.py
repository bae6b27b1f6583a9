#!/usr/bin/env python3
"""Perturbation recall of crosscheck on real article text.

Usage: perturb.py CASES_DIR OUT_DIR [--n 200] [--seed 1] [--binary PATH]
                  [--types percent,money,count[,date][,clock]]

For articles of the event folders in CASES_DIR (e.g. from basil-to-cases.py),
chosen with a seeded RNG and spread over events (at most 3 per article), it
finds figures with a regex (percentages, money, counts with a noun; years are
not figures) and builds a temporary case holding the article A and a copy A'
(<source>-copy.txt) in which exactly one figure occurrence is changed:
  change    the number scaled by a factor in [1.3, 3] (up or down), same format
  reformat  the same value written differently (24 -> twenty-four, 6% -> 6 percent,
            $2.5 million -> $2,500,000)
Dates (--types date: "March 3", "Tuesday") are changed by two to five days
and reformatted as "3 March"; a weekday has no reformat. Clock times
(--types clock: "1:54 a.m.", "11 p.m.") are moved by 25 to 90 minutes (an
hour alone by two or three hours) and reformatted as "1:54am" / "11:00 p.m.".
About 60% are changes, 40% reformats. `crosscheck check --format json` runs on
A + A' only. A change is detected when a conflict quotes the new figure in A';
a reformat is a false alarm when a conflict quotes it; conflicts not touching
the perturbed figure are counted as unrelated noise. Articles crosscheck cannot
read on their own (exit code not 0/1) are skipped and counted.
Writes OUT_DIR/perturbations.jsonl and prints recall (by figure type),
false-alarm rate and unrelated conflicts per case.

Inputs and outputs are data, not code: keep OUT_DIR outside the repository;
they are never committed. Temporary case folders are removed.
"""
import argparse
import json
import random
import re
import shutil
import subprocess
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_BINARY = "/work/main/target/release/crosscheck"
NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
PERCENT = re.compile(rf"(?<![\w$.,])({NUM})(%| percent\b)")
MONEY = re.compile(rf"\$({NUM})(?: (million|billion|trillion)\b)?(?![\d,]*\.?\d)")
COUNT = re.compile(rf"(?<![\w$.,/-])({NUM}) ([a-z]{{3,}})\b(?![%/-])")
NOT_NOUNS = set("""percent million billion trillion thousand hundred dozen and or to of in on
at for from with by than the that this was were are is has have had who which when as per
years year months month weeks week days day hours hour minutes minute seconds second
am pm times points point degrees feet miles inches pounds votes vote
percentage respectively during while after before but because since until into over
under about each apiece does says goes""".split())
PLURALS = {"people", "children", "men", "women", "police", "personnel", "staff"}
MONTHS = set("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen " \
       "fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n):
    return ONES[n] if n < 20 else TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])


def fmt(value, like):
    """value written like the numeral `like` (decimals, thousands commas)."""
    decimals = len(like.split(".")[1]) if "." in like else 0
    commas = "," in like or (float(like) < 1000 <= value)  # no comma only if written so
    return f"{value:,.{decimals}f}" if commas else f"{value:.{decimals}f}"


WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTH_NAMES = ("January February March April May June July August September October "
               "November December").split()
DATE = re.compile(r"\b(?:(" + "|".join(MONTH_NAMES) + r") (\d{1,2})\b(?!,? ?\d{4})(?![\d,])"
                  r"|(" + "|".join(WEEKDAYS) + r")\b)")
CLOCK = re.compile(r"(?<![\w:])(\d{1,2})(?::(\d{2}))?( ?)(a\.m\.|p\.m\.|am|pm)(?!\w)")
TYPES = ("percent", "money", "count")


def find_figures(text, types=TYPES):
    """(type, start, end, number, tail) for every figure; no years, no overlaps."""
    found = []
    if "date" in types:
        for m in DATE.finditer(text):
            if m.group(3):
                found.append(("date", m.start(), m.end(), m.group(3), ""))
            elif 1 <= int(m.group(2)) <= 28:
                found.append(("date", m.start(), m.end(), m.group(2), m.group(1)))
    if "clock" in types:
        for m in CLOCK.finditer(text):
            hour, minute = int(m.group(1)), m.group(2)
            if 1 <= hour <= 12 and (minute is None or int(minute) < 60):
                number = f"{hour}:{minute}" if minute else str(hour)
                found.append(("clock", m.start(), m.end(), number, m.group(3) + m.group(4)))
    for m in PERCENT.finditer(text):
        found.append(("percent", m.start(), m.end(), m.group(1), m.group(2)))
    for m in MONEY.finditer(text):
        found.append(("money", m.start(), m.end(), m.group(1), m.group(2) or ""))
    for m in COUNT.finditer(text):
        number, noun = m.group(1), m.group(2)
        before = text[:m.start()].split()[-1:] or [""]
        plural = noun in PLURALS or (noun.endswith("s") and not noun.endswith(("ss", "us", "is")))
        if noun in NOT_NOUNS or not plural or "." in number or text[:m.start()].endswith(" in "):
            continue
        if before[0].lower().strip(".,") in MONTHS:
            continue
        if re.fullmatch(r"1[6-9]\d\d|20\d\d", number) or float(number.replace(",", "")) < 2:
            continue
        found.append(("count", m.start(), m.end(), number, noun))
    found = [f for f in found if f[0] in types]
    kept = []
    for f in sorted(found, key=lambda f: f[1]):
        if not kept or f[1] >= kept[-1][2]:
            kept.append(f)
    return kept


def change(fig, rng):
    kind, _, _, number, tail = fig
    if kind == "clock":
        hour, _, minute = number.partition(":")
        total = int(hour) % 12 * 60 + int(minute or 0)
        shift = rng.randint(2, 3) * 60 if not minute else rng.randint(25, 90)
        moved = total + shift if total + shift < 12 * 60 else total - shift
        h, m = divmod(moved, 60)
        h = h or 12
        return (f"{h}:{m:02d}" if minute else f"{h}") + tail
    if kind == "date":
        shift = rng.randint(2, 5)
        if not tail:
            return WEEKDAYS[(WEEKDAYS.index(number) + shift) % 7]
        day = int(number)
        return f"{tail} {day + shift if day + shift <= 28 else day - shift}"
    old = float(number.replace(",", ""))
    for _ in range(20):
        factor = rng.uniform(1.3, 3)
        up = rng.random() < 0.5 or (kind == "count" and old / factor < 2)
        if kind == "percent" and old * factor > 100:
            up = False
        new = fmt(old * factor if up else old / factor, number)
        if float(new.replace(",", "")) not in (0, old):
            break
    if kind == "money":
        return f"${new}" + (f" {tail}" if tail else "")
    return f"{new}{tail}" if kind == "percent" else f"{new} {tail}"


def reformat(fig):
    """The same value written differently, or None when there is no such form."""
    kind, _, _, number, tail = fig
    if kind == "clock":
        marker = tail.strip()
        if ":" in number:
            return number + marker.replace(".", "")
        return f"{number}:00 {marker}"
    if kind == "date":
        return f"{number} {tail}" if tail else None
    value = float(number.replace(",", ""))
    if kind == "percent":
        return f"{number} percent" if tail == "%" else f"{number}%"
    if kind == "money":
        scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}.get(tail)
        if scale:
            return f"${round(value * scale):,}"
        if value >= 1e6 and value % 1e5 == 0:
            return f"${value / 1e6:g} million"
        return f"{number} dollars" if "." not in number else None
    if value < 100 and value == int(value):
        return f"{words(int(value))} {tail}"
    if value >= 1000:
        plain = number.replace(",", "")
        return f"{plain if ',' in number else f'{int(value):,}'} {tail}"
    return None


def run_check(binary, files):
    proc = subprocess.run([binary, "check", "--format", "json", *map(str, files)],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        return None, proc.stderr.strip().splitlines()[:1]
    return json.loads(proc.stdout), None


def plan(cases, n, rng, binary, types=TYPES):
    """Round-robin over shuffled events: (event, article, figure, kind) jobs."""
    queues, skipped = {}, []
    for event in sorted(d for d in cases.iterdir() if d.is_dir()):
        articles = sorted(event.glob("*.txt"))
        rng.shuffle(articles)
        per_article = []
        for a in articles:
            figs = find_figures(a.read_text(encoding="utf-8"), types)
            if not figs:
                continue
            if run_check(binary, [a])[0] is None:
                skipped.append(f"{event.name}/{a.name}")
                continue
            per_article.append([(a, f) for f in rng.sample(figs, min(3, len(figs)))])
        jobs = [x for group in zip(*[q + [None] * 3 for q in per_article]) for x in group if x]
        if jobs:
            queues[event.name] = jobs
    order = sorted(queues)
    rng.shuffle(order)
    want = {"change": round(n * 0.6), "reformat": n - round(n * 0.6)}
    jobs = []
    while len(jobs) < n and any(queues[e] for e in order):
        for event in order:
            if len(jobs) >= n or not queues[event]:
                continue
            article, fig = queues[event].pop(0)
            short = max(want, key=lambda k: want[k])
            kind = short if short == "change" or reformat(fig) else "change"
            want[kind] -= 1
            jobs.append((event, article, fig, kind))
    return jobs, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", default=DEFAULT_BINARY)
    ap.add_argument("--types", default=",".join(TYPES),
                    help="figure types to perturb: percent, money, count, date, clock")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    types = tuple(t for t in args.types.split(",") if t)
    jobs, skipped = plan(args.cases_dir, args.n, rng, args.binary, types)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for event, article, fig, kind in jobs:
        text = article.read_text(encoding="utf-8")
        original = text[fig[1]:fig[2]]
        new = change(fig, rng) if kind == "change" else reformat(fig)
        copy_text = text[:fig[1]] + new + text[fig[2]:]
        lo = len(text[:fig[1]].encode())
        hi = lo + len(new.encode())
        with tempfile.TemporaryDirectory(prefix="crosscheck-perturb-") as tmp:
            a, a2 = Path(tmp) / article.name, Path(tmp) / f"{article.stem}-copy.txt"
            shutil.copyfile(article, a)
            a2.write_text(copy_text, encoding="utf-8")
            report, error = run_check(args.binary, [a, a2])
        row = {"event": event, "article": article.name, "kind": kind, "type": fig[0],
               "original": original, "new": new, "line": text[:fig[1]].count("\n") + 1}
        if report is None:
            row["error"] = error
            rows.append(row)
            continue
        touching, other = [], []
        for f in (f for f in report["findings"] if f["kind"] == "conflict"):
            hit = any(Path(c["path"]).name == a2.name and
                      (c["start"] < hi and c["end"] > lo or new in c["text"])
                      for c in f["claims"])
            (touching if hit else other).append(f)
        row["detected" if kind == "change" else "false_alarm"] = bool(touching)
        row["rules"] = sorted({f["rule"] for f in touching})
        row["messages"] = [f["message"] for f in touching]
        row["other_conflicts"] = len(other)
        row["other_messages"] = [f["message"] for f in other]
        rows.append(row)

    with open(args.out_dir / "perturbations.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")

    ok = [r for r in rows if "error" not in r]
    changes = [r for r in ok if r["kind"] == "change"]
    reforms = [r for r in ok if r["kind"] == "reformat"]
    print(f"perturbations: {len(rows)} ({len(changes)} change, {len(reforms)} reformat, "
          f"{len(rows) - len(ok)} failed) over {len({r['event'] for r in rows})} events, "
          f"{len({(r['event'], r['article']) for r in rows})} articles")
    print(f"articles skipped (crosscheck fails on them alone): {len(skipped)}")
    hits = sum(r["detected"] for r in changes)
    print(f"recall on changed figures: {hits}/{len(changes)} = {hits / max(1, len(changes)):.1%}")
    by_type = defaultdict(list)
    for r in changes:
        by_type[r["type"]].append(r["detected"])
    for t in ("percent", "money", "count"):
        d = by_type.get(t, [])
        print(f"  {t:8} {sum(d)}/{len(d)}" + (f" = {sum(d) / len(d):.1%}" if d else ""))
    print("  rules on hits: " + ", ".join(f"{k} {v}" for k, v in sorted(
        Counter(x for r in changes if r["detected"] for x in r["rules"]).items())))
    alarms = sum(r["false_alarm"] for r in reforms)
    print(f"false alarms on reformatted figures: {alarms}/{len(reforms)} = "
          f"{alarms / max(1, len(reforms)):.1%}")
    other = sum(r["other_conflicts"] for r in ok)
    print(f"unrelated conflicts: {other} in {sum(1 for r in ok if r['other_conflicts'])} "
          f"of {len(ok)} cases = {other / max(1, len(ok)):.2f} per case")


if __name__ == "__main__":
    main()
