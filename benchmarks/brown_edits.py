"""What the rewriter does to plain human news: edits per 1,000 words on Brown press paragraphs.

Plain news needs few edits; every one there is a chance to make good copy worse. This runs
``rewrite(text, unsafe=True)`` (as ``fix --unsafe-fixes``) over paragraphs of six Brown press
sentences and counts the applied edits per 1,000 words, by rule, with the edits themselves for a
person to read (``--show N``). Budget (issue #10): at most 0.8 unsafe edits per 1,000 words.

Run by hand:  .venv/bin/python benchmarks/brown_edits.py [--paragraphs N] [--show N] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "eval" / "human_news_corpus" / "brown_press_sentences.jsonl"
BUDGET = 0.8


def paragraphs(path: Path, n: int) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows if not r.get("is_headline")]
    out = [" ".join(texts[i : i + 6]) for i in range(0, len(texts), 6)]
    return out[:n] if n else out


def job(text: str) -> tuple[int, list[tuple[str, str, str, str]]]:
    from rewriter import rewrite
    from rewriter.readability import words_of

    result = rewrite(text, unsafe=True)
    edits = []
    for f in result.applied:
        fix = f.fix
        if fix is None:
            continue
        new = fix.edits[0].replacement if fix.edits else ""
        edits.append((f.code, fix.applicability.label, " ".join(str(f.data.get("observed", "")).split()), new))
    return len(words_of(text)), edits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--paragraphs", type=int, default=0, help="the first N paragraphs (default: all)")
    ap.add_argument("--show", type=int, default=40, help="print up to N edits")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    texts = paragraphs(Path(args.corpus), args.paragraphs)
    t0, c0 = time.perf_counter(), time.process_time()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(job, texts, chunksize=8))
    else:
        results = [job(t) for t in texts]
    words = sum(w for w, _ in results)
    edits = [e for _, es in results for e in es]
    by_rule = Counter(e[0] for e in edits)
    by_kind = Counter(e[1] for e in edits)
    per_k = 1000 * len(edits) / max(words, 1)
    unsafe_k = 1000 * by_kind["unsafe"] / max(words, 1)
    print(f"== Brown press: {len(texts)} paragraphs, {words} words")
    print(f"  edits applied (unsafe fixes on)   {len(edits)} = {per_k:.2f} per 1,000 words")
    print(f"  unsafe edits                      {by_kind['unsafe']} = {unsafe_k:.2f} per 1,000 words "
          f"(budget {BUDGET}: {'within' if unsafe_k <= BUDGET else 'OVER'})")
    house = sum(1 for e in edits if e[1] == "unsafe" and e[0].startswith("NWS"))
    rest_k = 1000 * (by_kind["unsafe"] - house) / max(words, 1)
    print(f"  unsafe edits less house style     {by_kind['unsafe'] - house} = {rest_k:.2f} per 1,000 words "
          f"(NWS, 'stated' -> 'said' and the like, is a newsroom's own choice)")
    print("  by rule: " + ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items())))
    for code, kind, old, new in edits[: args.show]:
        print(f"    {code} {kind:7} {old!r} -> {new!r}")
    print(f"time: {time.perf_counter() - t0:.1f}s wall, {time.process_time() - c0:.1f}s CPU (this process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
