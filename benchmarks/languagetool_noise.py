"""LanguageTool's matches on plain human news (Brown press), per 1,000 words, by rule id: every
match the server reports, and those our default rule list keeps (``rewriter.languagetool``).

Brown press is edited, published copy: nearly every match on it is a false alarm for a news desk.

Run by hand, against a running server or our own install (started for the run and stopped after):
  .venv/bin/python benchmarks/languagetool_noise.py --url http://127.0.0.1:8081 [--top 40] [--limit N]
  .venv/bin/python benchmarks/languagetool_noise.py --local
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--url", help="a LanguageTool server (default: $REWRITER_LANGUAGETOOL_URL)")
    ap.add_argument("--local", action="store_true", help="start our install (rewriter languagetool install)")
    ap.add_argument("--language", default="en-US")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--json", help="write the counts here")
    args = ap.parse_args()

    import os

    from rewriter import ltserver
    from rewriter.languagetool import LanguageToolClient, RuleSelection
    from rewriter.readability import words_of

    url = args.url or os.environ.get("REWRITER_LANGUAGETOOL_URL", "")
    server = None
    if args.local or not url:
        server = ltserver.local_server()
        url = server.start()
    try:
        with open(args.corpus, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        rows = [r for r in rows if not r.get("is_headline")]
        if args.limit:
            rows = rows[: args.limit]
        pieces = [r["text"] for r in rows]
        words = sum(len(words_of(p)) for p in pieces)
        client = LanguageToolClient(url, timeout=300)
        selection = RuleSelection()
        every: Counter[str] = Counter()
        kept: Counter[str] = Counter()
        category: dict[str, str] = {}
        t0 = time.perf_counter()
        for i, m in client.check_pieces(pieces, args.language):
            every[m.rule_id] += 1
            category[m.rule_id] = m.category_id
            if selection.keeps(m, pieces[i]):
                kept[m.rule_id] += 1
        elapsed = time.perf_counter() - t0
    finally:
        if server is not None:
            server.stop()

    def per_k(n: int) -> float:
        return 1000 * n / max(words, 1)

    print(f"Brown press: {len(pieces)} sentences, {words} words, LanguageTool at {url} ({args.language}), "
          f"{elapsed:.0f}s")
    print(f"every match:        {sum(every.values()):5d}  {per_k(sum(every.values())):6.2f} per 1,000 words")
    print(f"default rule list:  {sum(kept.values()):5d}  {per_k(sum(kept.values())):6.2f} per 1,000 words")
    print()
    print(f"{'rule id':45s} {'category':20s} {'all':>6s} {'/1000':>6s} {'kept':>6s} {'/1000':>6s}")
    for rule, n in every.most_common(args.top):
        print(f"{rule:45s} {category[rule]:20s} {n:6d} {per_k(n):6.2f} {kept[rule]:6d} {per_k(kept[rule]):6.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"words": words, "sentences": len(pieces), "every": every,
                                               "kept": kept, "category": category}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
