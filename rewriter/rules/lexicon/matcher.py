"""Every entry of the active lexicons matched in one pass over a block's tokens, longest first.

A hand-written trie over token keys, kept instead of spaCy's ``PhraseMatcher`` + ``filter_spans``
because the two do not find the same matches, and the findings must not change. Here a token
matches under several keys at once: its lower-cased form, spaCy's lemma and lemminflect's lemmas
of the form ("reverberated" is found by "reverberate" where the small model's lemma is wrong),
while an entry's own words are kept as written ("concerning", the preposition, is not its lemma
"concern"), and a phrase may run over a line break (a whitespace token). A ``PhraseMatcher``
compares one attribute, so the closest setup is two of them (``LOWER`` on the phrase as written,
``LEMMA`` on the phrase as the pipeline lemmatizes it) merged by ``filter_spans``. Measured by
``benchmarks/lexicon_matcher.py`` on 230 texts (the 130 lines of ``benchmarks/data/inflated_news.jsonl`` and 4,000 Brown
press sentences, 82,758 words, 2,616 entries, no filters on either side): the trie finds 885
matches, the pair 934; 48 of the trie's (5.4%: "laying bare", "Purchasing", "States") are missed
by the pair, and 97 of the pair's are words the entries do not list: a ``LEMMA`` pattern is
lemmatized, so "concerning" also matches "concerned", "enduring" "endured", "individuals"
"individual". The pair is about 15 times faster at matching (60 ms against 924 ms on
a loaded 2-core machine, best of three; 17 ms against 350 ms on a quiet one), which is a reason
to revisit this with per-entry patterns (``Matcher`` with ``LOWER`` / ``LEMMA`` ``IN`` lists), not
to switch as it is.

Overlaps resolve longest first (in characters), then earliest, then by rule code, then by the
entry's words, so the order never depends on the hash seed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rewriter.rules.lexicon.filters import token_keys
from rewriter.rules.lexicon.schema import Entry, Lexicon


class Node:
    __slots__ = ("children", "entries")

    def __init__(self) -> None:
        self.children: dict[str, Node] = {}
        self.entries: list[Entry] = []


@functools.lru_cache(maxsize=16)
def build_trie(lexicons: tuple[Lexicon, ...]) -> Node:
    root = Node()
    for lex in lexicons:
        for entry in lex.entries:
            node = root
            for w in entry.words:
                node = node.children.setdefault(w, Node())
            node.entries.append(entry)
    return root


@dataclass
class Match:
    start_tok: int
    end_tok: int  # exclusive
    entry: Entry


def find_matches(doc: Any, root: Node, accept: Callable[[Any, int, int, Entry], bool]) -> list[Match]:
    """The matches of the trie ``root`` in ``doc`` that ``accept`` keeps, without overlaps, in text order."""
    keys = [token_keys(t) for t in doc]
    found: list[Match] = []
    n = len(doc)
    for i in range(n):
        if doc[i].is_space or (doc[i].is_punct and not root.children.keys() & keys[i]):
            continue
        stack: list[tuple[Node, int]] = [(root, i)]
        while stack:
            node, j = stack.pop()
            for entry in node.entries:
                if j > i and accept(doc, i, j, entry):
                    found.append(Match(i, j, entry))
            if j >= n:
                continue
            k = j
            while k < n and doc[k].is_space and j > i:
                k += 1
            if k >= n:
                continue
            for key in keys[k]:
                child = node.children.get(key)
                if child is not None:
                    stack.append((child, k + 1))
    # longest first (in characters), then earliest, then rule code, then the entry's words (two
    # entries of one lexicon on the same words, 'herald as' and 'heralded as', would otherwise be
    # ordered by set iteration, which changes with the hash seed from run to run); no overlaps
    found.sort(key=lambda m: (-(doc[m.end_tok - 1].idx + len(doc[m.end_tok - 1]) - doc[m.start_tok].idx),
                              doc[m.start_tok].idx, m.entry.rule, m.entry.match))
    taken: list[tuple[int, int]] = []
    kept = []
    for m in found:
        if any(m.start_tok < e and s < m.end_tok for s, e in taken):
            continue
        taken.append((m.start_tok, m.end_tok))
        kept.append(m)
    kept.sort(key=lambda m: m.start_tok)
    return kept
