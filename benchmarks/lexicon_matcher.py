"""The lexicon matcher against spaCy's PhraseMatcher + filter_spans, on the same parsed texts.

Both sides get every entry of the built-in lexicons and no filters (``pos``, ``require_*``,
names: those apply the same way after either matcher), and keep the longest match of each
overlap. The PhraseMatcher side is the best one-attribute-per-matcher setup: one matcher on
``LOWER`` (the phrase as written) and one on ``LEMMA`` (the phrase lemmatized by the same
pipeline), their matches merged by ``filter_spans``. Prints the spans each side finds that the
other does not, and the matching time alone (the parse is done once, before timing; best of three).

    .venv/bin/python benchmarks/lexicon_matcher.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent
INFLATED = ROOT / "data" / "inflated_news.jsonl"
BROWN = ROOT.parent.parent / "shared" / "eval" / "human_news_corpus" / "brown_press_sentences.jsonl"


def texts(limit: int) -> list[str]:
    out = [json.loads(line)["text"] for line in INFLATED.read_text(encoding="utf-8").splitlines() if line.strip()]
    if BROWN.is_file():
        sentences = [json.loads(line)["text"] for line in BROWN.read_text(encoding="utf-8").splitlines()[:limit]]
        out += [" ".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=4000, help="Brown press sentences to add (default 4000)")
    args = ap.parse_args()

    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    from rewriter.nlp import load_pipeline
    from rewriter.rules.lexicon import builtin_lexicons
    from rewriter.rules.lexicon.matcher import build_trie, find_matches

    nlp = load_pipeline().nlp
    lexicons = builtin_lexicons()
    entries = [e for lex in lexicons for e in lex.entries]
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
    lower.add("L", [nlp.make_doc(" ".join(e.words)) for e in entries])
    lemma.add("M", list(nlp.pipe(e.match for e in entries)))
    root = build_trie(lexicons)

    docs = list(nlp.pipe(texts(args.limit)))
    words = sum(1 for d in docs for t in d if not t.is_punct and not t.is_space)

    def trie() -> list[set[tuple[int, int]]]:
        return [{(m.start_tok, m.end_tok) for m in find_matches(d, root, lambda *_: True)} for d in docs]

    def phrase_matchers() -> list[set[tuple[int, int]]]:
        out = []
        for d in docs:
            spans = [d[s:e] for _, s, e in lower(d)] + [d[s:e] for _, s, e in lemma(d)]
            out.append({(s.start, s.end) for s in filter_spans(spans)})
        return out

    def best_of_3(run: Callable[[], list[set[tuple[int, int]]]]) -> tuple[list[set[tuple[int, int]]], float]:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            found = run()
            times.append(time.perf_counter() - t0)
        return found, min(times)

    ours, t_ours = best_of_3(trie)
    theirs, t_theirs = best_of_3(phrase_matchers)
    only_ours = sum(len(a - b) for a, b in zip(ours, theirs, strict=True))
    only_theirs = sum(len(b - a) for a, b in zip(ours, theirs, strict=True))
    found = sum(len(a) for a in ours)
    examples = [d[s:e].text for d, a, b in zip(docs, ours, theirs, strict=True) for s, e in sorted(a - b)][:8]
    extra = [d[s:e].text for d, a, b in zip(docs, ours, theirs, strict=True) for s, e in sorted(b - a)][:8]
    print(f"{len(docs)} texts, {words:,} words, {len(entries):,} entries")
    print(f"trie: {found:,} matches in {t_ours * 1000:.0f} ms ({t_ours * 1e6 / words:.1f} µs/word)")
    print(f"PhraseMatcher LOWER+LEMMA + filter_spans: {sum(len(b) for b in theirs):,} matches in "
          f"{t_theirs * 1000:.0f} ms ({t_theirs * 1e6 / words:.1f} µs/word)")
    print(f"found by the trie only: {only_ours:,} ({only_ours / max(found, 1):.1%}), e.g. {examples}")
    print(f"found by the PhraseMatcher only: {only_theirs:,}, e.g. {extra}")


if __name__ == "__main__":
    main()
