"""SEN001 on the project's own long news sentences: how many get the split a copy editor makes.

``tests/data/long_sentences.jsonl`` holds long sentences written for the project, in the shapes
news copy takes (participle tails with plural or coordinated subjects, two participles, "which" and
"who" clauses, ", while", "; ", ", as", appositions, quotations, lists, "following", "with X ...ing",
"and"/"but" between two clauses, reported speech). Each row names the seam (``cut``) and the
replacements a copy editor would accept there (``into``; ``also``: a second word it changes), or
``null`` for a sentence that should
not be split. A sentence counts as split well when the first split SEN001 offers (applied alone)
gives one of those texts.

Run by hand:  .venv/bin/python benchmarks/split_dev.py [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "long_sentences.jsonl"


def offered(text: str) -> str | None:
    """``text`` with the split SEN001 offers applied, or None."""
    from rewriter import Config, analyze
    from rewriter.fix import apply_edits

    for f in analyze(text, Config(select=("SEN001",))).findings:
        if f.code == "SEN001" and f.fix is not None and f.fix.edits:
            return apply_edits(text, f.fix.edits)
    return None


def grade(row: dict[str, object], out: str | None) -> str:
    text = str(row["text"])
    into = row["into"]
    if into is None:
        return "kept" if out is None else "false split"
    expected = [text.replace(str(row["cut"]), str(r), 1) for r in into]  # type: ignore[attr-defined]
    if row.get("also"):  # a second word the split changes too ("..., cutting X and bringing Y")
        old, new = row["also"]  # type: ignore[misc]
        expected = [e.replace(str(old), str(new), 1) for e in expected]
    if out is None:
        return "none"
    return "good" if out in expected else "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--show", action="store_true", help="print every sentence not split well")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in Path(args.data).read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    counts: dict[str, int] = {}
    for row in rows:
        out = offered(row["text"])
        g = grade(row, out)
        counts[g] = counts.get(g, 0) + 1
        if args.show and g not in ("good", "kept"):
            print(f"[{g}] {row['shape']}\n  {row['text']}\n  -> {out}\n")
    split = [r for r in rows if r["into"] is not None]
    print(f"sentences that should split: {len(split)}; split well {counts.get('good', 0)}, "
          f"split otherwise {counts.get('other', 0)}, not split {counts.get('none', 0)}")
    print(f"sentences that should not split: {len(rows) - len(split)}; kept {counts.get('kept', 0)}, "
          f"split {counts.get('false split', 0)}")
    print(f"time: {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
