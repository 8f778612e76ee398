"""Every entry of the active lexicons matched in one pass over a block's tokens, longest first.

A hand-written trie over token keys, not spaCy's ``PhraseMatcher`` + ``filter_spans``: a token
here matches under several keys at once (its lower-cased form, spaCy's lemma and lemminflect's
lemmas of the form: "reverberated" is found by "reverberate" even where the small model's lemma
is wrong), and a phrase may run over a line break (a whitespace token). A ``PhraseMatcher``
matches one attribute per matcher, so it would need one matcher per attribute and still miss the
matches that mix keys; see ``benchmarks/lexicon_matcher.py`` for the measurement (quoted in the
README's benchmarks table).

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
