"""False positives on plain human news: lexical flags per 1,000 words on the Brown press text.

Run by hand:  .venv/bin/python benchmarks/false_positives.py [--by-entry] [--limit N]
Budget (issue #2): INF+WRD+RED+CLI+HDG+NOM together at most 1.5 flags per 1,000 words.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "eval" / "human_news_corpus" / "brown_press_sentences.jsonl"
LEXICAL = ("INF", "WRD", "RED", "CLI", "HDG", "NOM")
BUDGET = 1.5


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--by-entry", action="store_true", help="list the entries that fire most")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--chunk", type=int, default=40, help="sentences per analysed chunk")
    args = ap.parse_args()

    from rewriter import Config, analyze
    from rewriter.readability import words_of

    with open(args.corpus, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = [r for r in rows if not r.get("is_headline")]
    if args.limit:
        rows = rows[: args.limit]
    # the default rule set, less the non-lexical families (rules off by default stay off)
    config = Config(ignore=("PAS", "RD", "GRM", "RW", "SEN"))
    per_code: Counter[str] = Counter()
    per_entry: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    words = 0
    t0 = time.perf_counter()
    # sentences are independent; analyse them a paragraph-sized chunk at a time (blank line between)
    for i in range(0, len(rows), args.chunk):
        chunk = [r["text"] for r in rows[i : i + args.chunk]]
        text = "\n\n".join(chunk)
        words += sum(len(words_of(s)) for s in chunk)
        report = analyze(text, config, path="brown")
        for f in report.findings:
            per_code[f.code] += 1
            key = (f.code, str(f.data.get("match", f.text if hasattr(f, "text") else "")))
            per_entry[key] += 1
            if key not in examples:
                lo = max(0, f.start - 60)
                examples[key] = text[lo : f.end + 40].replace("\n", " ")
    elapsed = time.perf_counter() - t0
    # the budget counts the lexical families; house style (NWS) is a newsroom's choice, shown apart
    total = sum(n for code, n in per_code.items() if code.startswith(LEXICAL))
    rate = total / words * 1000 if words else 0.0
    print(f"corpus: {args.corpus}")
    print(f"sentences: {len(rows)}  words: {words}  time: {elapsed:.1f}s")
    for code, n in sorted(per_code.items()):
        note = "" if code.startswith(LEXICAL) else "  (house style, not in the budget)"
        print(f"  {code:8} {n:5}  {n / words * 1000:.3f} per 1,000 words{note}")
    print(f"lexical flags: {total}  = {rate:.3f} per 1,000 words (budget {BUDGET}) "
          f"{'OK' if rate <= BUDGET else 'OVER BUDGET'}")
    if args.by_entry:
        print(f"\ntop {args.top} entries:")
        for (code, match), n in per_entry.most_common(args.top):
            print(f"  {n:4}  {code}  {match!r:34}  ...{examples[(code, match)]}...")
    return 0 if rate <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
