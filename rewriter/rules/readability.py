"""RD: readability per sentence, paragraph and document (hard sentences say why)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rewriter.document import Document
from rewriter.model import Finding, Severity
from rewriter.readability import Counts, count, formulas, words_of
from rewriter.rules.base import Context, Family, RuleInfo

FAMILY = Family("RD", "readability", "#e3e3e3", scope="sentence",
                description="hard and long sentences, long paragraphs, grade above target")
_SPLIT = "Split it, or cut what the reader does not need."

HARD = RuleInfo(
    "RD001", "hard-sentence", "readability", Severity.INFO,
    "Sentence is hard to read (grade above the hard threshold)",
    "Works out each sentence's Flesch-Kincaid grade from spaCy's sentence boundaries and flags those "
    "at or above `hard-grade` (default 12) but below `very-hard-grade`. The message says why: "
    "length, long words or stacked clauses.",
    "A news reader reads fast and once. A sentence at a college grade loses many of them.",
    "Given: 'The committee, which had deliberated extensively regarding the appropriations, "
    "ultimately recommended comprehensive modifications.'\n"
    "Use instead: 'The committee talked at length about the spending. It asked for big changes.'",
    "No automatic fix: splitting a sentence needs a person.",
    family_info=FAMILY,
)
VERY_HARD = RuleInfo(
    "RD002", "very-hard-sentence", "readability", Severity.WARNING,
    "Sentence is very hard to read (grade above the very-hard threshold)",
    "Flags sentences whose Flesch-Kincaid grade is at or above `very-hard-grade` (default 16), "
    "saying why.", HARD.why,
    "Given: a 45-word sentence with three clauses and many long words.\n"
    "Use instead: two or three sentences of 15 to 20 words.",
    HARD.fix_safety,
    family_info=FAMILY,
)
LONG = RuleInfo(
    "RD003", "long-sentence", "readability", Severity.INFO,
    "Sentence is long (more words than max-sentence-words)",
    "Flags sentences longer than `max-sentence-words` (default 35) that are not already flagged "
    "as hard or very hard.",
    "Long sentences with short words can still lose a reader before the verb arrives.",
    "Given: a 40-word sentence listing every speaker at the meeting.\nUse instead: two sentences.",
    HARD.fix_safety,
    family_info=FAMILY,
)
LONG_PARAGRAPH = RuleInfo(
    "RD004", "long-paragraph", "readability", Severity.INFO,
    "Paragraph has more sentences than max-paragraph-sentences",
    "Flags paragraphs with more than `max-paragraph-sentences` sentences (default 6).",
    "News paragraphs are short so that a reader on a phone can see where one idea ends.",
    "Given: one paragraph of eight sentences.\nUse instead: two or three paragraphs.",
    "No automatic fix.",
    family_info=FAMILY,
)
GRADE = RuleInfo(
    "RD005", "grade-above-target", "readability", Severity.INFO,
    "Document grade is above the target grade",
    "Compares the document's Flesch-Kincaid grade with `target-grade` (default 10).",
    "Most newsrooms aim at a reading grade a general reader can follow on a first read.",
    "Given: a story at grade 15.\nUse instead: the same story with shorter sentences and plain words.",
    "No automatic fix: the other rules' fixes lower the grade.",
    family_info=FAMILY,
)
INFOS = (HARD, VERY_HARD, LONG, LONG_PARAGRAPH, GRADE)
_CLAUSE_DEPS = {"advcl", "relcl", "ccomp", "csubj", "acl", "xcomp", "parataxis"}


@dataclass(frozen=True)
class SentenceStats:
    start: int
    end: int
    block: int
    counts: Counts
    grade: float
    clauses: int


def sentence_stats(document: Document, ctx: Context) -> list[SentenceStats]:
    """Per-sentence counts, computed once per document and shared by rules and metrics."""
    cached = ctx.cache.get("sentences")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out = []
    for sentence in document.sentences():
        if document.blocks[sentence.block].kind == "heading":
            continue
        words = words_of(sentence.span.text)  # the parsed text: inline code and URLs blanked
        if not words:
            continue
        c = count(words, 1)
        clauses = 0
        if "parser" in ctx.capabilities:
            clauses = sum(1 for t in sentence.span
                          if t.dep_ in _CLAUSE_DEPS or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")))
        out.append(SentenceStats(sentence.start, sentence.end, sentence.block, c,
                                 formulas(c)["flesch_kincaid_grade"], clauses))
    ctx.cache["sentences"] = out
    return out


class Tally:
    """A document's sentence counts, gathered section by section (``add``): the document-level
    metrics and findings (RD004 per paragraph, RD005 for the whole text) of every section together,
    without keeping any section's parse."""

    def __init__(self) -> None:
        self.by_block: dict[int, tuple[int, Counts]] = {}  # block -> (sentences, counts)
        self.total = Counts()
        self.hard = 0
        self.very_hard = 0
        self.first_start: int | None = None

    @classmethod
    def of(cls, document: Document, ctx: Context) -> Tally:
        tally = cls()
        tally.add(document, ctx)
        return tally

    def add(self, document: Document, ctx: Context) -> None:
        for s in sentence_stats(document, ctx):
            b = document.origin_of(s.block)
            n, c = self.by_block.get(b, (0, Counts()))
            self.by_block[b] = (n + 1, c.add(s.counts))
            self.total = self.total.add(s.counts)
            kind = _difficulty(s, ctx)
            self.hard += kind == "hard"
            self.very_hard += kind == "very-hard"
            if self.first_start is None:
                self.first_start = s.start

    def metrics(self, ctx: Context) -> dict[str, float | int]:
        metrics: dict[str, float | int] = {
            "words": self.total.words, "sentences": self.total.sentences, "paragraphs": len(self.by_block),
        }
        metrics.update(formulas(self.total))
        metrics["hard_sentences"] = self.hard
        metrics["very_hard_sentences"] = self.very_hard
        metrics["target_grade"] = ctx.config.target_grade
        return metrics

    def paragraph_metrics(self, document: Document) -> list[dict[str, float | int]]:
        """Metrics per prose block (paragraph) of the whole ``document``, with its offsets."""
        return list(self.paragraph_rows(document))

    def paragraph_rows(self, document: Document) -> Iterator[dict[str, float | int]]:
        """The rows of :meth:`paragraph_metrics`, one at a time."""
        for i, (_, total) in sorted(self.by_block.items()):
            block = document.blocks[i]
            row: dict[str, float | int] = {"start": block.start, "end": block.end, "words": total.words,
                                           "sentences": total.sentences}
            row.update(formulas(total))
            yield row

    def findings(self, document: Document, ctx: Context) -> Iterator[Finding]:
        """RD004 (long paragraphs) and RD005 (document grade) of the whole ``document``."""
        cfg = ctx.config
        if LONG_PARAGRAPH.code in ctx.enabled:
            for i, (n, _) in sorted(self.by_block.items()):
                if n > cfg.max_paragraph_sentences:
                    b = document.blocks[i]
                    yield Finding(LONG_PARAGRAPH.code, LONG_PARAGRAPH.name, LONG_PARAGRAPH.category,
                                  LONG_PARAGRAPH.severity, b.start, b.end,
                                  f"Long paragraph ({n} sentences, limit {cfg.max_paragraph_sentences}); break it up",
                                  None, {"sentences": n})
        if GRADE.code in ctx.enabled and self.first_start is not None:
            grade = formulas(self.total)["flesch_kincaid_grade"]
            if grade > cfg.target_grade:
                yield Finding(GRADE.code, GRADE.name, GRADE.category, GRADE.severity, self.first_start,
                              self.first_start, f"Document grade {grade:.1f} is above the target {cfg.target_grade:g}",
                              None, {"grade": grade, "target": cfg.target_grade})


DOCUMENT_CODES = frozenset({LONG_PARAGRAPH.code, GRADE.code})  # from the Tally of the whole text


def document_metrics(document: Document, ctx: Context) -> dict[str, float | int]:
    return Tally.of(document, ctx).metrics(ctx)


def paragraph_metrics(document: Document, ctx: Context) -> list[dict[str, float | int]]:
    """Metrics per prose block (paragraph), with its offsets."""
    return Tally.of(document, ctx).paragraph_metrics(document)


def _difficulty(s: SentenceStats, ctx: Context) -> str:
    cfg = ctx.config
    if s.counts.words < cfg.min_hard_sentence_words:
        return ""
    if s.grade >= cfg.very_hard_grade:
        return "very-hard"
    if s.grade >= cfg.hard_grade:
        return "hard"
    return ""


def reasons(s: SentenceStats, ctx: Context) -> list[str]:
    c = s.counts
    out = []
    if c.words >= min(25, ctx.config.max_sentence_words):
        out.append(f"{c.words} words")
    if c.words and (c.syllables / c.words >= 1.7 or c.polysyllables / c.words >= 0.2):
        out.append(f"{c.polysyllables} long words")
    if s.clauses >= 3:
        out.append(f"{s.clauses} stacked clauses")
    return out or [f"{c.syllables / max(c.words, 1):.1f} syllables a word"]


class ReadabilityChecker:
    def infos(self) -> tuple[RuleInfo, ...]:
        return INFOS

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]:
        stats = sentence_stats(document, ctx)
        cfg = ctx.config
        for s in stats:
            kind = _difficulty(s, ctx)
            why = ", ".join(reasons(s, ctx))
            observed = document.text[s.start : s.end]
            data = {"observed": observed, "grade": s.grade, "words": s.counts.words, "why": why}
            if kind == "very-hard" and VERY_HARD.code in ctx.enabled:
                yield _finding(VERY_HARD, s, f"Very hard sentence (grade {s.grade:.0f}): {why}. {_SPLIT}", data)
            elif kind == "hard" and HARD.code in ctx.enabled:
                yield _finding(HARD, s, f"Hard sentence (grade {s.grade:.0f}): {why}. {_SPLIT}", data)
            elif not kind and s.counts.words > cfg.max_sentence_words and LONG.code in ctx.enabled:
                yield _finding(LONG, s, f"Long sentence ({s.counts.words} words, limit "
                               f"{cfg.max_sentence_words}). {_SPLIT}", data)
        yield from Tally.of(document, ctx).findings(document, ctx)


def _finding(info: RuleInfo, s: SentenceStats, message: str, data: dict[str, object]) -> Finding:
    return Finding(info.code, info.name, info.category, info.severity, s.start, s.end, message, None, data)
