"""Readability and lexical flags on OneStopEnglish: do the grades order Elementary < Intermediate < Advanced?

The corpus (189 Guardian articles, each rewritten by teachers at three levels) is read by path
from ``../shared/eval/onestopenglish`` (``--eval-dir`` to change); nothing is copied into the
project. For each of the 567 texts ``analyze`` gives the Flesch-Kincaid grade (spaCy sentences,
textstat syllables) and the findings; the script prints

* the mean grade per level, and EASSE's corpus FKGL per level (``benchmarks/sari.py``'s ``corpus_fkgl`` over
  the paragraphs, comparable with the figures in the corpus PROVENANCE.md: 6.24 / 8.43 / 9.09);
* the share of articles whose grades order ele < int < adv strictly, and the pairwise shares;
* lexical flags (INF/WRD/RED/CLI/HDG/NOM) per 1,000 words per level, which should not fall as
  the level rises (adv >= int >= ele);
* timing.

Run:  .venv/bin/python benchmarks/onestop_grades.py [--limit N] [--jobs N] [--save results.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval"
LEVELS = ("ele", "int", "adv")
LEVEL_NAMES = {"ele": "Elementary", "int": "Intermediate", "adv": "Advanced"}
LEXICAL = ("INF", "WRD", "RED", "CLI", "HDG", "NOM")


def onestop_dir(eval_dir: str | Path) -> Path:
    path = Path(eval_dir) / "onestopenglish" / "texts"
    if not path.is_dir():
        raise SystemExit(f"OneStopEnglish texts not found at {path} (use --eval-dir to point at shared/eval)")
    return path


def article_ids(texts_dir: Path) -> list[str]:
    """Articles that have all three levels, sorted."""
    ids = sorted({p.name.split(".")[0] for p in texts_dir.glob("*.txt")})
    return [i for i in ids if all((texts_dir / f"{i}.{lv}.txt").is_file() for lv in LEVELS)]


def read_text(texts_dir: Path, article: str, level: str) -> str:
    return (texts_dir / f"{article}.{level}.txt").read_text(encoding="utf-8")


@dataclass
class TextResult:
    article: str
    level: str
    grade: float
    words: int
    sentences: int
    flags: dict[str, int] = field(default_factory=dict)  # finding family -> count
    notes: tuple[str, ...] = ()
    seconds: float = 0.0
    cpu_seconds: float = 0.0


def analyse_one(job: tuple[str, str, str]) -> TextResult:
    """Analyse one text (runs in a worker process when --jobs > 1)."""
    from rewriter import Config, analyze

    path, article, level = job
    text = Path(path).read_text(encoding="utf-8")
    t0, c0 = time.perf_counter(), time.process_time()
    report = analyze(text, Config(), path=path)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    flags = Counter(f.family for f in report.findings)
    return TextResult(article, level, float(report.metrics["flesch_kincaid_grade"]), int(report.metrics["words"]),
                      int(report.metrics["sentences"]), dict(flags), tuple(report.notes), seconds, cpu)


def run_jobs(jobs: list[tuple[str, str, str]], workers: int) -> Iterator[TextResult]:
    if workers <= 1:
        yield from map(analyse_one, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(analyse_one, jobs, chunksize=4)


def share(flags: list[bool]) -> str:
    return f"{sum(flags)}/{len(flags)} = {100.0 * sum(flags) / len(flags):.1f}%" if flags else "n/a"


def per_1000(results: list[TextResult], family: str) -> float:
    words = sum(r.words for r in results)
    return 1000.0 * sum(r.flags.get(family, 0) for r in results) / words if words else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--eval-dir", default=str(DEFAULT_EVAL_DIR), help="the shared/eval folder (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (sorted by id)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (each loads spaCy once)")
    ap.add_argument("--save", default="", help="write per-text results as JSON to this path")
    args = ap.parse_args(argv)

    from sari import corpus_fkgl

    texts_dir = onestop_dir(args.eval_dir)
    ids = article_ids(texts_dir)
    if args.limit:
        ids = ids[: args.limit]
    jobs = [(str(texts_dir / f"{a}.{lv}.txt"), a, lv) for a in ids for lv in LEVELS]
    print(f"OneStopEnglish: {len(ids)} articles x 3 levels = {len(jobs)} texts from {texts_dir}")

    t0 = time.perf_counter()
    results: list[TextResult] = []
    for i, r in enumerate(run_jobs(jobs, args.jobs), 1):
        results.append(r)
        if i % 60 == 0:
            print(f"  ... {i}/{len(jobs)} texts, {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    elapsed = time.perf_counter() - t0

    by = {(r.article, r.level): r for r in results}
    level_results = {lv: [by[a, lv] for a in ids] for lv in LEVELS}
    notes = sorted({n for r in results for n in r.notes})
    for n in notes:
        print(f"note: {n}")

    print("\nFlesch-Kincaid grade per level (rewriter.analyze: spaCy sentences, textstat syllables)")
    print(f"  {'level':13} {'texts':>5} {'words':>8} {'mean FK':>8} {'median':>7} {'sd':>5} {'EASSE FKGL':>10}")
    for lv in LEVELS:
        rs = level_results[lv]
        grades = [r.grade for r in rs]
        paragraphs = [p for a in ids for p in read_text(texts_dir, a, lv).split("\n") if p.strip()]
        print(f"  {LEVEL_NAMES[lv]:13} {len(rs):5} {sum(r.words for r in rs):8} {statistics.mean(grades):8.2f} "
              f"{statistics.median(grades):7.2f} {statistics.pstdev(grades):5.2f} {corpus_fkgl(paragraphs):10.2f}")
    print("  (EASSE FKGL: corpus-level over paragraphs, 13a tokens; PROVENANCE.md gives 6.24 / 8.43 / 9.09)")

    g = {a: {lv: by[a, lv].grade for lv in LEVELS} for a in ids}
    print("\nArticles whose grades are ordered")
    print(f"  ele < int < adv (strict): {share([g[a]['ele'] < g[a]['int'] < g[a]['adv'] for a in ids])}")
    print(f"  ele < adv:                {share([g[a]['ele'] < g[a]['adv'] for a in ids])}")
    print(f"  ele < int:                {share([g[a]['ele'] < g[a]['int'] for a in ids])}")
    print(f"  int < adv:                {share([g[a]['int'] < g[a]['adv'] for a in ids])}")
    gaps = {pair: [g[a][pair[1]] - g[a][pair[0]] for a in ids] for pair in (("ele", "int"), ("int", "adv"))}
    print(f"  mean gap int-ele {statistics.mean(gaps['ele', 'int']):+.2f}, "
          f"adv-int {statistics.mean(gaps['int', 'adv']):+.2f}")

    print("\nLexical flags per 1,000 words (expect adv >= int >= ele)")
    families = [*LEXICAL, "lexical"]
    print(f"  {'level':13} " + " ".join(f"{f:>7}" for f in families))
    rates: dict[str, dict[str, float]] = {}
    for lv in LEVELS:
        rs = level_results[lv]
        rates[lv] = {f: per_1000(rs, f) for f in LEXICAL}
        rates[lv]["lexical"] = sum(rates[lv].values())
        print(f"  {LEVEL_NAMES[lv]:13} " + " ".join(f"{rates[lv][f]:7.3f}" for f in families))
    ordered = [f for f in families if rates["adv"][f] >= rates["int"][f] >= rates["ele"][f]]
    not_ordered = [f for f in families if f not in ordered]
    print(f"  ordered adv >= int >= ele: {', '.join(ordered) or 'none'}"
          + (f"; not ordered: {', '.join(not_ordered)}" if not_ordered else ""))
    others = sorted({f for r in results for f in r.flags} - set(LEXICAL))
    if others:
        print("  other families per 1,000 words: " + "; ".join(
            f"{f} " + "/".join(f"{per_1000(level_results[lv], f):.2f}" for lv in LEVELS) for f in others)
            + "  (ele/int/adv)")

    n = len(results)
    print(f"\ntime: {elapsed:.1f}s for {n} texts; per text in analyze {sum(r.seconds for r in results) / n:.2f}s "
          f"wall, {sum(r.cpu_seconds for r in results) / n:.2f}s CPU (jobs={args.jobs}; wall time includes waiting "
          "for a busy machine)")
    if args.save:
        Path(args.save).write_text(json.dumps([asdict(r) for r in results], indent=1), encoding="utf-8")
        print(f"per-text results written to {args.save}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
