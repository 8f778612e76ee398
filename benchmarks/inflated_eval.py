"""The rewriter on inflated news copy: does it find the inflated wording, remove it, and keep the facts?

The data is ``benchmarks/data/inflated_news.jsonl``: 30 paragraphs of news copy written for this
project in the inflated register of press releases, wire rewrites and AI-assisted drafts. Each
row lists its inflated expressions as they stand in the text (one item per occurrence, none
inside a quotation) and a copy-editor's plain rewrite of the paragraph (``plain``), which serves
as a reference for the FK grade. ``tests/test_inflated_eval_data.py`` validates the file.

For each paragraph the script runs ``rewriter.analyze(text)`` and ``rewriter.rewrite(text,
unsafe=True)`` and reports:

* detection: the share of annotated expressions overlapped by at least one finding of the
  lexical and wordiness families (INF, WRD, RED, CLI, HDG, NOM);
* removal: the share of annotated expressions gone from the rewrite (case-insensitive substring
  count: an expression found k times in the original and m times in the rewrite counts as gone
  for up to k - m of its annotated occurrences);
* mean FK grade (``analyze``'s ``flesch_kincaid_grade``) of the original, the rewrite and the
  plain reference;
* sentences over 30 words before and after (a regular-expression sentence split);
* numbers and quotations lost: every digit run and every "..." or “...” quotation of the
  original must still be in the rewrite.

Run:  .venv/bin/python benchmarks/inflated_eval.py [--show] [--json out.json] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT / "benchmarks" / "data" / "inflated_news.jsonl"
FK = "flesch_kincaid_grade"
FAMILIES = ("INF", "WRD", "RED", "CLI", "HDG", "NOM", "SEN")
LONG = 30  # words

QUOTE = re.compile(r'"[^"\n]*"|“[^”\n]*”')
DIGITS = re.compile(r"\d+")
# a sentence ends at . ! or ? (and a closing quotation mark), before a space and a capital or opening quote
SENTENCE_END = re.compile(r'(?<=[.!?])["”]?\s+(?=["“]?[A-Z])')


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s.strip()]


def long_sentences(text: str) -> int:
    return sum(1 for s in sentences(text) if len(s.split()) > LONG)


def quotations(text: str) -> list[str]:
    return [m.group() for m in QUOTE.finditer(text)]


def annotated_spans(text: str, items: list[str]) -> list[tuple[str, int, int]]:
    """Each annotated item with its offsets: the i-th listing of an item is its i-th occurrence
    outside quotations (case-sensitive, as the data test checks)."""
    quoted = [m.span() for m in QUOTE.finditer(text)]
    seen: Counter[str] = Counter()
    out = []
    for item in items:
        starts = [m.start() for m in re.finditer(re.escape(item), text)
                  if not any(s < m.end() and m.start() < e for s, e in quoted)]
        i = seen[item]
        seen[item] += 1
        if i < len(starts):
            out.append((item, starts[i], starts[i] + len(item)))
        else:  # the data test rules this out; count the item as undetected rather than fail
            out.append((item, -1, -1))
    return out


def removed(original: str, rewritten: str, items: list[str]) -> dict[str, int]:
    """How many annotated occurrences of each item are gone from ``rewritten``."""
    out = {}
    for item, listed in Counter(items).items():
        k = len(re.findall(re.escape(item), original, re.I))
        m = len(re.findall(re.escape(item), rewritten, re.I))
        out[item] = min(listed, max(0, k - m))
    return out


def lost_numbers(original: str, rewritten: str) -> list[str]:
    have = Counter(DIGITS.findall(rewritten))
    return [n for n, k in Counter(DIGITS.findall(original)).items() if have[n] < k]


def lost_quotations(original: str, rewritten: str) -> list[str]:
    return [q for q in quotations(original) if q not in rewritten]


@dataclass
class Result:
    id: str
    text: str
    rewrite: str
    plain: str
    expressions: int
    detected: list[str]  # annotated items overlapped by a finding of FAMILIES
    missed: list[str]
    gone: int
    left: list[str]  # annotated occurrences still in the rewrite
    detected_by: dict[str, int] = field(default_factory=dict)  # family -> annotated items it overlaps
    fk_before: float = 0.0
    fk_after: float = 0.0
    fk_plain: float = 0.0
    long_before: int = 0
    long_after: int = 0
    long_plain: int = 0
    numbers_lost: list[str] = field(default_factory=list)
    quotations_lost: list[str] = field(default_factory=list)
    edits: list[tuple[str, str, str]] = field(default_factory=list)  # (code, observed, replacement)


def evaluate(row: dict[str, Any]) -> Result:
    from rewriter import Config, analyze, rewrite
    from rewriter.model import code_family

    text, items, plain = row["text"], row["inflated"], row["plain"]
    config = Config()
    report = analyze(text, config)
    rw = rewrite(text, unsafe=True, config=config, report=report)
    lexical = [f for f in report.findings if code_family(f.code) in FAMILIES]
    detected, missed = [], []
    by_family: Counter[str] = Counter()
    for item, start, end in annotated_spans(text, items):
        hits = {code_family(f.code) for f in lexical if start >= 0 and f.start < end and start < f.end}
        (detected if hits else missed).append(item)
        by_family.update(hits)
    gone = removed(text, rw.text, items)
    left = [item for item, listed in Counter(items).items() for _ in range(listed - gone[item])]
    edits = []
    for f in rw.applied:
        observed = str(f.data.get("observed", text[f.start:f.end]))
        replacement = str(f.data.get("expected", f.fix.edits[0].replacement if f.fix and f.fix.edits else ""))
        edits.append((f.code, observed, replacement))
    return Result(
        id=row["id"], text=text, rewrite=rw.text, plain=plain, expressions=len(items),
        detected=detected, missed=missed, gone=sum(gone.values()), left=left, detected_by=dict(by_family),
        fk_before=float(report.metrics[FK]), fk_after=float(rw.after[FK]),
        fk_plain=float(analyze(plain, config).metrics[FK]),
        long_before=long_sentences(text), long_after=long_sentences(rw.text), long_plain=long_sentences(plain),
        numbers_lost=lost_numbers(text, rw.text), quotations_lost=lost_quotations(text, rw.text), edits=edits,
    )


def summary(results: list[Result]) -> dict[str, Any]:
    n = sum(r.expressions for r in results)
    by_family: Counter[str] = Counter()
    for r in results:
        by_family.update(r.detected_by)
    missed = Counter(m for r in results for m in r.missed)
    return {
        "paragraphs": len(results),
        "expressions": n,
        "detected": sum(len(r.detected) for r in results),
        "detection": sum(len(r.detected) for r in results) / n if n else 0.0,
        "removed": sum(r.gone for r in results),
        "removal": sum(r.gone for r in results) / n if n else 0.0,
        "detected_by_family": dict(sorted(by_family.items())),
        "fk_before": statistics.mean(r.fk_before for r in results),
        "fk_after": statistics.mean(r.fk_after for r in results),
        "fk_plain": statistics.mean(r.fk_plain for r in results),
        "long_before": sum(r.long_before for r in results),
        "long_after": sum(r.long_after for r in results),
        "long_plain": sum(r.long_plain for r in results),
        "numbers": sum(len(DIGITS.findall(r.text)) for r in results),
        "numbers_lost": sum(len(r.numbers_lost) for r in results),
        "quotations": sum(len(quotations(r.text)) for r in results),
        "quotations_lost": sum(len(r.quotations_lost) for r in results),
        "edits": sum(len(r.edits) for r in results),
        "unchanged_paragraphs": sum(r.rewrite == r.text for r in results),
        "missed": sorted(missed),
    }


def print_summary(s: dict[str, Any], seconds: float, cpu: float) -> None:
    rows = [
        ("paragraphs / annotated expressions", f"{s['paragraphs']} / {s['expressions']}"),
        (f"detected ({', '.join(FAMILIES)})", f"{s['detected']}/{s['expressions']} = {s['detection']:.1%}"),
        ("removed by rewrite(unsafe=True)", f"{s['removed']}/{s['expressions']} = {s['removal']:.1%}"),
        ("mean FK grade: original -> rewrite (plain ref.)",
         f"{s['fk_before']:.2f} -> {s['fk_after']:.2f} ({s['fk_plain']:.2f})"),
        (f"sentences over {LONG} words: before -> after (plain)",
         f"{s['long_before']} -> {s['long_after']} ({s['long_plain']})"),
        ("numbers lost (digit runs)", f"{s['numbers_lost']} of {s['numbers']}"),
        ("quotations lost", f"{s['quotations_lost']} of {s['quotations']}"),
        ("edits applied / paragraphs unchanged", f"{s['edits']} / {s['unchanged_paragraphs']}"),
    ]
    width = max(len(k) for k, _ in rows)
    print("== inflated news: detection and removal of inflated wording")
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")
    fam = ", ".join(f"{k} {v}" for k, v in s["detected_by_family"].items()) or "none"
    print(f"  annotated expressions overlapped, by family: {fam}")
    print(f"time: {seconds:.1f}s wall, {cpu:.1f}s CPU (including the pipeline's first load)")


def print_details(results: list[Result]) -> None:
    for r in results:
        print(f"\n-- {r.id}: FK {r.fk_before:.1f} -> {r.fk_after:.1f} (plain {r.fk_plain:.1f}); "
              f"detected {len(r.detected)}/{r.expressions}, removed {r.gone}/{r.expressions}")
        print(f"before: {r.text}")
        print(f"after:  {r.rewrite}")
        if r.missed:
            print(f"  not detected: {r.missed}")
        if r.left:
            print(f"  still in the rewrite: {r.left}")
        for code, observed, replacement in r.edits:
            print(f"  {code:7} {observed!r} -> {replacement!r}")
        if r.numbers_lost:
            print(f"  NUMBERS LOST: {r.numbers_lost}")
        if r.quotations_lost:
            print(f"  QUOTATIONS LOST: {r.quotations_lost}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="the JSONL file (default: %(default)s)")
    ap.add_argument("--show", action="store_true", help="print each paragraph before/after and what is left")
    ap.add_argument("--json", metavar="PATH", help="save the summary and per-paragraph figures as JSON")
    ap.add_argument("--limit", type=int, default=0, help="only the first N paragraphs")
    args = ap.parse_args(argv)

    rows = load(Path(args.data))
    if args.limit:
        rows = rows[: args.limit]
    t0, c0 = time.perf_counter(), time.process_time()
    results = [evaluate(row) for row in rows]
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    s = summary(results)
    if args.show:
        print_details(results)
        print()
    print_summary(s, seconds, cpu)
    if args.json:
        out = {"summary": s, "seconds": round(seconds, 2), "paragraphs": [asdict(r) for r in results]}
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"saved {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
