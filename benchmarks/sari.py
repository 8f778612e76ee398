"""SARI and FKGL for sentence simplification, computed the way EASSE computes them.

SARI (Xu et al. 2016, "Optimizing Statistical Machine Translation for Text Simplification")
scores a system output against the source sentence and several human references, over n-grams of
order 1 to 4, for three operations:

* **add**: n-grams in the output but not in the source (as sets): precision against the n-grams the
  references added, recall against all the n-grams the references added;
* **keep**: n-grams of the source kept in the output, weighted by how many references keep them;
* **delete**: n-grams of the source dropped from the output, weighted the same way.

This module follows EASSE's corrected, corpus-level version (``easse.sari.corpus_sari`` with its
defaults): the counts are summed over the whole corpus first; then, for each order n, precision,
recall and F1 are worked out per operation (F1 for deletion too, as EASSE does at corpus level) and
the four F1 values are averaged; SARI is the mean of the add, keep and delete scores, times 100.
Conventions that matter for the figures: a precision or recall whose denominator is 0 is 0, and
so is an F1 whose precision or recall is 0.

Before counting, each sentence is lowercased and tokenised with the mteval-v13a tokeniser (the
``13a`` tokeniser of sacreBLEU), as EASSE does by default; :func:`tokenize_13a` is a small
re-implementation of it, so the project needs neither EASSE nor sacreBLEU.

:func:`corpus_fkgl` is EASSE's corpus Flesch-Kincaid grade: every sentence is normalised the same
way, split into sentences at sentence-final punctuation tokens (EASSE uses NLTK's punkt, which is
not available offline; a regular expression stands in for it), every whitespace token counts as
a word (punctuation too) and syllables come from the vowel-group heuristic EASSE uses
(:func:`easse_syllables`). It is a corpus metric for comparing systems with published figures,
not the grade ``rewriter`` reports (that one uses spaCy's sentences and textstat's syllables).

Pure Python, no dependencies.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

NGRAM_ORDER = 4

# --------------------------------------------------------------------------- tokenisation

# mteval-v13a: symbols and most ASCII punctuation become tokens of their own (the character
# ranges are those of the standard: { to ~, [ to `, space to &, ( to +, : to @, and /);
# periods and commas are split off unless they sit between digits; a dash after a digit is split.
_13A_STEPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),
)
_ENTITIES = (("&quot;", '"'), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"))


@functools.lru_cache(maxsize=1 << 16)
def tokenize_13a(line: str) -> str:
    """Tokenise ``line`` as the mteval-v13a script (sacreBLEU's ``13a``); tokens joined by one space."""
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        for entity, char in _ENTITIES:
            line = line.replace(entity, char)
    line = f" {line} "
    for pattern, repl in _13A_STEPS:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


def normalize(sentence: str, lowercase: bool = True, tokenize: bool = True) -> str:
    """Lowercase and 13a-tokenise a sentence, as EASSE's ``normalize`` does by default."""
    if lowercase:
        sentence = sentence.lower()
    return tokenize_13a(sentence) if tokenize else " ".join(sentence.split())


# --------------------------------------------------------------------------- SARI


def ngram_counts(tokens: Sequence[str], order: int) -> Counter[str]:
    """How often each n-gram of exactly ``order`` tokens occurs (n-grams joined by spaces)."""
    return Counter(" ".join(tokens[i : i + order]) for i in range(len(tokens) - order + 1))


def _times(counter: Counter[str], k: int) -> Counter[str]:
    return Counter({gram: n * k for gram, n in counter.items()})


def _total(counter: Counter[str]) -> int:
    return sum(counter.values())


def _zeros() -> list[int]:
    return [0] * NGRAM_ORDER


@dataclass
class SariStats:
    """Counts per operation and n-gram order (index 0 is unigrams), summed over a corpus.

    For each operation: ``*_sys_correct`` (what the system did that the references also did),
    ``*_sys_total`` (what the system did) and ``*_ref_total`` (what the references did)."""

    add_sys_correct: list[int] = field(default_factory=_zeros)
    add_sys_total: list[int] = field(default_factory=_zeros)
    add_ref_total: list[int] = field(default_factory=_zeros)
    keep_sys_correct: list[int] = field(default_factory=_zeros)
    keep_sys_total: list[int] = field(default_factory=_zeros)
    keep_ref_total: list[int] = field(default_factory=_zeros)
    del_sys_correct: list[int] = field(default_factory=_zeros)
    del_sys_total: list[int] = field(default_factory=_zeros)
    del_ref_total: list[int] = field(default_factory=_zeros)

    def __iadd__(self, other: SariStats) -> SariStats:
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            for i in range(NGRAM_ORDER):
                mine[i] += theirs[i]
        return self

    def add_sentence(self, source: str, output: str, refs: Sequence[str]) -> None:
        """Count one sentence with its references (all already normalised: tokens split by spaces)."""
        k = len(refs)
        src_grams, out_grams = _grams(source), _grams(output)
        ref_grams = _reference_grams(tuple(refs))
        for i in range(NGRAM_ORDER):
            src, out, ref_all = src_grams[i], out_grams[i], ref_grams[i]

            # add: binary (sets); what the references added counts once however many added it
            src_set, ref_set = set(src), set(ref_all)
            added = set(out) - src_set
            self.add_sys_total[i] += len(added)
            self.add_ref_total[i] += len(ref_set - src_set)
            self.add_sys_correct[i] += len(added & ref_set)

            # keep and delete: the source counted once per reference, so that an n-gram kept
            # (or dropped) by 3 of 10 references weighs 3/10 of one kept by all of them
            src_k, out_k = _times(src, k), _times(out, k)
            kept_sys = src_k & out_k
            kept_ref = src_k & ref_all
            self.keep_sys_total[i] += _total(kept_sys)
            self.keep_ref_total[i] += _total(kept_ref)
            self.keep_sys_correct[i] += _total(kept_sys & kept_ref)

            dropped_sys = src_k - out_k
            dropped_ref = src_k - ref_all
            self.del_sys_total[i] += _total(dropped_sys)
            self.del_ref_total[i] += _total(dropped_ref)
            self.del_sys_correct[i] += _total(dropped_sys & dropped_ref)


# n-gram counts are cached per normalised sentence (and per reference set): scoring several
# systems against the same references then costs little. The cached Counters are never mutated.
@functools.lru_cache(maxsize=1 << 15)
def _grams(sentence: str) -> tuple[Counter[str], ...]:
    tokens = sentence.split()
    return tuple(ngram_counts(tokens, n) for n in range(1, NGRAM_ORDER + 1))


@functools.lru_cache(maxsize=1 << 13)
def _reference_grams(refs: tuple[str, ...]) -> tuple[Counter[str], ...]:
    out: list[Counter[str]] = [Counter() for _ in range(NGRAM_ORDER)]
    for ref in refs:
        for i, grams in enumerate(_grams(ref)):
            out[i].update(grams)
    return tuple(out)


def _ratio(num: int, den: int) -> float:
    return num / den if den > 0 else 0.0


def _f1(correct: int, sys_total: int, ref_total: int) -> float:
    p, r = _ratio(correct, sys_total), _ratio(correct, ref_total)
    return 2 * p * r / (p + r) if p > 0 and r > 0 else 0.0


@dataclass(frozen=True)
class SariScore:
    """SARI and its three operation scores, each on a 0-100 scale."""

    sari: float
    add: float
    keep: float
    delete: float


def score_stats(stats: SariStats, f1_for_deletion: bool = True) -> SariScore:
    """The SARI of summed counts: F1 per order averaged over the orders, per operation.

    ``f1_for_deletion=False`` scores deletion by precision only (the paper's sentence-level
    choice); EASSE's corpus default, and ours, is F1."""
    add = keep = delete = 0.0
    for i in range(NGRAM_ORDER):
        add += _f1(stats.add_sys_correct[i], stats.add_sys_total[i], stats.add_ref_total[i])
        keep += _f1(stats.keep_sys_correct[i], stats.keep_sys_total[i], stats.keep_ref_total[i])
        if f1_for_deletion:
            delete += _f1(stats.del_sys_correct[i], stats.del_sys_total[i], stats.del_ref_total[i])
        else:
            delete += _ratio(stats.del_sys_correct[i], stats.del_sys_total[i])
    add, keep, delete = (100.0 * x / NGRAM_ORDER for x in (add, keep, delete))
    return SariScore(sari=(add + keep + delete) / 3, add=add, keep=keep, delete=delete)


def corpus_stats(
    sources: Sequence[str],
    outputs: Sequence[str],
    references: Sequence[Sequence[str]],
    lowercase: bool = True,
    tokenize: bool = True,
) -> SariStats:
    """Summed SARI counts. ``references[i]`` holds the references of sentence ``i``."""
    if not len(sources) == len(outputs) == len(references):
        raise ValueError(f"lengths differ: {len(sources)} sources, {len(outputs)} outputs, "
                         f"{len(references)} reference lists")
    stats = SariStats()
    for i, (src, out, refs) in enumerate(zip(sources, outputs, references, strict=True)):
        if not refs:
            raise ValueError(f"sentence {i} has no references")
        stats.add_sentence(normalize(src, lowercase, tokenize), normalize(out, lowercase, tokenize),
                           [normalize(r, lowercase, tokenize) for r in refs])
    return stats


def corpus_sari_scores(
    sources: Sequence[str],
    outputs: Sequence[str],
    references: Sequence[Sequence[str]],
    lowercase: bool = True,
    tokenize: bool = True,
) -> SariScore:
    """Corpus-level SARI with its add/keep/delete scores (EASSE's ``corpus_sari`` defaults)."""
    return score_stats(corpus_stats(sources, outputs, references, lowercase, tokenize))


def corpus_sari(
    sources: Sequence[str],
    outputs: Sequence[str],
    references: Sequence[Sequence[str]],
    lowercase: bool = True,
    tokenize: bool = True,
) -> float:
    """Corpus-level SARI (0-100). ``references[i]`` is the list of references of sentence ``i``
    (note: EASSE takes the transpose, one list per reference set)."""
    return corpus_sari_scores(sources, outputs, references, lowercase, tokenize).sari


# --------------------------------------------------------------------------- FKGL (EASSE)

# Vowel-group syllable heuristic used by EASSE (it descends from NLTK-contrib's syllables_en):
# count groups of vowels after dropping trailing e's, then adjust by pattern.
_SYLLABLE_EXCEPTIONS = {
    "the": 1, "mr": 2, "mrs": 2, "ms": 1, "dr": 2, "st": 1, "sr": 2, "jr": 2, "etc": 4, "lb": 1,
    "60": 2, "shamefully": 3, "satiated": 4, "caressed": 2, "trespassed": 2, "sepulchre": 3,
    "hemispheres": 3, "motioned": 2, "slandered": 2, "sombre": 2, "fringed": 2, "reclined": 2,
    "effaced": 2, "effaces": 2, "quivered": 2, "deafened": 2, "manoeuvred": 3, "unstained": 2,
    "stammered": 2, "shivered": 2, "discoloured": 3, "greyish": 2, "unexpressed": 3,
    "unostentatious": 5, "particularized": 5, "propitiatory": 6, "disinterred": 3, "pencilled": 2,
    "flapped": 1, "foamed": 1, "gaped": 1, "brutes": 1, "mimes": 1, "peeped": 1, "sheered": 1,
    "chummed": 1, "tottered": 2, "moustaches": 2, "messieurs": 2, "sailmaker": 4, "poleman": 2,
    "sidespring": 2, "truckle": 2, "clattered": 2, "capered": 2, "mangroves": 2, "suavely": 2,
    "veriest": 3, "sententiously": 4, "gravesend": 2, "bepatched": 2, "h'm": 1,
}
_ONE_MORE = tuple(re.compile(p) for p in (
    "ia", "riet", "dien", "iu", "io", "ii", "[aeiouy]bl$", "mbl$", "[aeiou]{3}", "^mc", "ism$",
    r"(.)(?!\1)([aeiouy])\2l$", "[^l]llien", "^coad.", "^coag.", "^coal.", "^coax.",
    r"(.)(?!\1)[gq]ua(.)(?!\2)[aeiou]", "dnt$",
))
_ONE_LESS = tuple(re.compile(p) for p in ("cial", "tia", "cius", "cious", "gui", "ion", "iou", "sia$", ".ely$"))
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@functools.lru_cache(maxsize=1 << 17)
def easse_syllables(word: str) -> int:
    """Syllables of one token by EASSE's heuristic (punctuation counts 0; not clamped at 1)."""
    word = word.lower().strip()
    if word in _SYLLABLE_EXCEPTIONS:
        return _SYLLABLE_EXCEPTIONS[word]
    word = word.rstrip("e")
    n = len(_VOWEL_GROUP.findall(word))
    n += sum(1 for p in _ONE_MORE if p.search(word))
    n -= sum(1 for p in _ONE_LESS if p.search(word))
    return n


_SENTENCE_END = re.compile(r"(?<=[.!?]) +(?=\S)")


def split_sentences(normalized: str) -> list[str]:
    """Split a normalised (13a-tokenised) text after each . ! ? token (stand-in for punkt)."""
    return [s for s in _SENTENCE_END.split(normalized) if s.strip()]


@dataclass
class FkglCounts:
    words: int = 0
    sentences: int = 0
    syllables: int = 0

    def add_text(self, text: str) -> None:
        for sentence in split_sentences(normalize(text)):
            tokens = sentence.split()
            self.words += len(tokens)
            self.syllables += sum(easse_syllables(t) for t in tokens)
            self.sentences += 1

    @property
    def grade(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return max(0.0, 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59)


def corpus_fkgl(texts: Iterable[str]) -> float:
    """Flesch-Kincaid grade of a corpus, as EASSE's ``corpus_fkgl`` (counts summed, then the formula)."""
    counts = FkglCounts()
    for text in texts:
        counts.add_text(text)
    return counts.grade


__all__ = ["NGRAM_ORDER", "FkglCounts", "SariScore", "SariStats", "corpus_fkgl", "corpus_sari",
           "corpus_sari_scores", "corpus_stats", "easse_syllables", "ngram_counts", "normalize",
           "score_stats", "split_sentences", "tokenize_13a"]
