"""What the grammar guard catches: LanguageTool (a real server) against the rewriter's edits.

Two kinds of edit, on the seed drafts, the project's inflated paragraphs
(``benchmarks/data/inflated_news.jsonl``) and the first Brown press sentences:

* naive: every listed alternative of every fixable finding pasted over the flagged words, with no
  inflection, no a/an and none of the rewriter's own checks. This is where the bad patterns come
  from ("a" before a vowel after a swap, "new new", plural mass nouns, broken agreement); the table
  counts how many the rewriter's own sentence check (``candidate.sentence_problem``) rejects, how
  many the LanguageTool guard rejects (``grammar_guard.new_grammar_errors``), and how many only the guard
  catches.
* rewriter: ``rewrite(unsafe=True)`` with the guard on; the edits it skipped because they "would add
  a grammar error" are the guard's catches after the rewriter's own checks.

Only the rule list the check uses counts (``RuleSelection``). Examples are printed for our own texts
only (seeds, inflated paragraphs), never for Brown sentences.

  .venv/bin/python benchmarks/grammar_guard.py --url http://127.0.0.1:8081 [--brown 400] [--show 10]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BROWN = ROOT.parent / "shared" / "eval" / "human_news_corpus" / "brown_press_sentences.jsonl"


def texts(brown: int) -> list[tuple[str, str, bool]]:
    """(set name, text, examples may be printed)"""
    out = [("seed", p.read_text(encoding="utf-8"), True) for p in sorted((ROOT / "seeds").iterdir())
           if p.suffix in (".txt", ".md")]
    with open(ROOT / "benchmarks" / "data" / "inflated_news.jsonl", encoding="utf-8") as fh:
        out += [("inflated", json.loads(line)["text"], True) for line in fh if line.strip()]
    if brown and BROWN.is_file():
        with open(BROWN, encoding="utf-8") as fh:
            rows = [json.loads(line)["text"] for line in fh][:brown]
        out += [("brown", "\n\n".join(rows[i : i + 40]), False) for i in range(0, len(rows), 40)]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", help="a LanguageTool server (default: $REWRITER_LANGUAGETOOL_URL, else our install)")
    ap.add_argument("--brown", type=int, default=400, help="how many Brown press sentences (0: none)")
    ap.add_argument("--show", type=int, default=8, help="examples to print (own texts only)")
    args = ap.parse_args()

    from rewriter import Config, analyze, ltserver
    from rewriter.candidate import sentence_problem
    from rewriter.fix import _sentence_around, apply_edits, rewrite
    from rewriter.grammar_guard import new_grammar_errors
    from rewriter.languagetool import RuleSelection, client_for
    from rewriter.model import Edit

    url = args.url or os.environ.get("REWRITER_LANGUAGETOOL_URL", "")
    server = None
    if not url:
        server = ltserver.local_server()
        url = server.start()
    t0 = time.perf_counter()
    try:
        client = client_for(url)
        selection = RuleSelection()
        plain = Config(unsafe_fixes=True)
        guarded = plain.replace(languagetool=url)
        naive: Counter[tuple[str, str]] = Counter()
        rules: Counter[str] = Counter()
        guard_skips: Counter[str] = Counter()
        skip_rules: Counter[str] = Counter()
        applied: Counter[str] = Counter()
        examples: list[str] = []
        for name, text, may_show in texts(args.brown):
            report = analyze(text, plain)
            for f in report.findings:
                if f.fix is None or not f.fix.edits or f.family in ("GRM", "SEN"):
                    continue
                for alt in f.fix.alternatives or (f.fix.edits[0].replacement,):
                    lo, hi = _sentence_around(text, f.start, f.end)
                    before = text[lo:hi].strip()
                    after = apply_edits(text[lo:hi], [Edit(f.start - lo, f.end - lo, alt)]).strip()
                    if before == after:
                        continue
                    own = sentence_problem(before, after) is not None
                    errors = new_grammar_errors(client, before, after, None, selection)
                    naive[(name, "edits")] += 1
                    naive[(name, "own")] += own
                    naive[(name, "guard")] += bool(errors)
                    naive[(name, "guard only")] += bool(errors) and not own
                    for e in errors:
                        rules[e.rsplit("[LT: ", 1)[-1].rstrip("]")] += 1
                    if errors and not own and may_show and len(examples) < args.show:
                        examples.append(f"  {text[f.start:f.end]!r} -> {alt!r}: {errors[0]}")
            result = rewrite(text, config=guarded)
            applied[name] += len(result.applied)
            for s in result.skipped:
                if s.reason.startswith("would add a grammar error"):
                    guard_skips[name] += 1
                    skip_rules[s.reason.rsplit("[LT: ", 1)[-1].rstrip("]")] += 1
                    if may_show and len(examples) < 2 * args.show:
                        examples.append(f"  rewrite skipped {text[s.finding.start:s.finding.end]!r}: {s.reason}")
    finally:
        if server is not None:
            server.stop()
    print(f"LanguageTool at {url}; {time.perf_counter() - t0:.0f}s")
    print(f"{'set':10s} {'naive edits':>11s} {'own check':>10s} {'guard':>6s} {'guard only':>10s}"
          f"   {'rewrite applied':>15s} {'guard skipped':>13s}")
    for name in ("seed", "inflated", "brown"):
        if naive[(name, "edits")] or applied[name]:
            print(f"{name:10s} {naive[(name, 'edits')]:11d} {naive[(name, 'own')]:10d} {naive[(name, 'guard')]:6d} "
                  f"{naive[(name, 'guard only')]:10d}   {applied[name]:15d} {guard_skips[name]:13d}")
    print("guard's rules on naive edits:", ", ".join(f"{r} {n}" for r, n in rules.most_common(12)))
    print("guard's rules on rewrite:", ", ".join(f"{r} {n}" for r, n in skip_rules.most_common(12)) or "none")
    if examples:
        print("examples (own texts):")
        print("\n".join(examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
