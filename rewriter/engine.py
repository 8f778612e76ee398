"""Run the enabled rules over a document and collect one Report."""

from __future__ import annotations

import array
import bisect
import dataclasses
import functools
import itertools
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from rewriter.config import Config, rule_enabled
from rewriter.document import Document
from rewriter.model import Finding, Report
from rewriter.nlp import load_pipeline
from rewriter.readability import Counts
from rewriter.register import register_score
from rewriter.rules import all_rules, checkers
from rewriter.rules.base import Context
from rewriter.rules.lexicon import lexicon_adverbs
from rewriter.rules.readability import DOCUMENT_CODES, Tally
from rewriter.rules.structure import plain_long_sentences
from rewriter.rules.suppression import directive_findings, parse_directives, suppressed
from rewriter.spool import BlockTotals, CompactRows, FindingSink, LazyMetrics, SpooledFindings

SECTION_CHARS = 50_000  # characters of blocks parsed and checked at a time

_CAPABILITY_NOTES = {
    "tagger": "part-of-speech filters in the lexicons",
    "parser": "passive voice (PAS) and clause counts",
    "ner": "named-entity protection (capitalised words are still protected)",
}


def enabled_codes(config: Config, path: str | None = None) -> frozenset[str]:
    return frozenset(info.code for info in all_rules(config.extra_lexicons)
                     if rule_enabled(info.code, config, info.default_enabled, path))


def analyze(text: str, config: Config | None = None, path: str = "<stdin>") -> Report:
    """Check ``text`` and return its findings and metrics (offsets index ``text`` itself)."""
    config = config or Config()
    document = Document.from_text(text, path)
    enabled = enabled_codes(config, path if path != "<stdin>" else None)
    infos = [i for i in all_rules(config.extra_lexicons) if i.code in enabled]
    needs = frozenset().union(*(i.needs for i in infos)) if infos else frozenset()
    # metrics are always computed: their sentence boundaries and clause counts come from the
    # parser, so that they do not change with the rules selected
    needs = needs | {"tagger", "parser"}
    pipeline = load_pipeline(needs)
    ctx = Context(config=config, enabled=enabled, capabilities=pipeline.capabilities,
                  allow=frozenset(a.lower() for a in config.allow))
    missing = needs - pipeline.capabilities
    notes = []
    if missing:
        off = "; ".join(_CAPABILITY_NOTES[m] for m in sorted(missing))
        notes.append(f"no trained spaCy pipeline ({pipeline.name}): off: {off}")
    # the text is parsed and checked a section at a time, so that no more than one section's parse
    # is held (a 20 MB file needs no more memory than a 1 MB one); paragraph and document figures
    # (RD004, RD005, the metrics) come from the counts of every section. Each section's findings
    # are filtered and sorted as they come, and a long document's go to disk (rewriter.spool)
    tally = Tally()
    tally.by_block = BlockTotals(Counts, len(Counts().astuple()))  # type: ignore[assignment]  # 8 numbers a paragraph
    names: set[str] = set()
    post = _PostProcess(document, config, ctx, infos)
    section_ctx = dataclasses.replace(ctx, enabled=ctx.enabled - DOCUMENT_CODES)
    for k, section in enumerate(document.sections(SECTION_CHARS)):
        if k:
            release_memory()  # the last section's parse, handed back (a short draft has one section)
        section.parse(pipeline.nlp)
        sctx = dataclasses.replace(section_ctx, notes=[], cache={})
        post.add([f for checker in checkers(config.extra_lexicons) for f in checker.check(section, sctx)])
        tally.add(section, sctx)
        names.update(proper_names(section))
        ctx.notes.extend(n for n in sctx.notes if n not in ctx.notes)
        del section, sctx
    findings = post.finish(list(tally.findings(document, ctx)))
    notes.extend(n for n in ctx.notes if n not in notes)
    metrics_out: dict[str, object] = dict(tally.metrics(ctx))
    metrics_out["register_score"] = register_score(findings, metrics_out)
    if isinstance(findings, SpooledFindings):  # a long document: a paragraph's row is 12 numbers, not a dict
        metrics = LazyMetrics(metrics_out, "paragraph_metrics", CompactRows.build(tally.paragraph_rows(document)))
    else:
        metrics_out["paragraph_metrics"] = tally.paragraph_metrics(document)
        metrics = metrics_out  # type: ignore[assignment]
    return Report(path=path, text=text, findings=findings, metrics=metrics,  # type: ignore[arg-type]
                  notes=tuple(notes), names=tuple(sorted(names)))


def release_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's ``malloc_trim``) after a section:
    a section's parse is tens of megabytes of small blocks, and without a trim the pages they
    leave free stay in the resident set, which then creeps up section after section."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


class _PostProcess:
    """What happens to findings after the rules, a section at a time: LanguageTool's repeats of our
    word lists dropped, plain long sentences' splits made display-only, findings in protected text
    and repeats dropped, suppression directives applied; sorted. The same result as doing each
    step once over every finding (sections share no finding), with the findings kept in a
    :class:`rewriter.spool.FindingSink`."""

    def __init__(self, document: Document, config: Config, ctx: Context, infos: list[Any]) -> None:
        self.document, self.config, self.ctx = document, config, ctx
        # LanguageTool's matches on words our word lists (or SEN004, SPL001) flag are duplicates:
        # rule metadata says which rules have precedence and which family defers
        self.precedence = {i.code for i in infos if i.has_precedence}
        self.defers = frozenset(i.family for i in infos if i.group.defers)
        self.sentence_families = {i.family for i in infos if i.group.scope == "sentence"}
        self.regions = _Regions(document.protected(include_quotes=config.quotes != "flag"))
        self.directives = parse_directives(document, {i.code for i in all_rules(config.extra_lexicons)})
        self.sink = FindingSink()

    def _filtered(self, findings: list[Finding]) -> list[Finding]:
        findings = drop_duplicates(findings, self.precedence, self.defers)
        findings = plain_long_sentences(findings)
        findings = filter_findings(self.document, findings, self.config, self.sentence_families, self.regions)
        return [f for f in findings if not suppressed(self.directives, f)]

    def add(self, findings: list[Finding]) -> None:
        self.sink.extend(self._filtered(findings))

    def finish(self, document_findings: list[Finding]) -> Sequence[Finding]:
        """Every finding, with those of the whole document (RD004, RD005) and the directives' own
        (RW100-RW102, which need every other finding first)."""
        tail = self._filtered(document_findings) + directive_findings(self.directives, self.ctx)
        return self.sink.finish(tail)


_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}


def proper_names(document: Document) -> tuple[str, ...]:
    """Named entities and runs of proper nouns, which a rewrite must keep verbatim (as they
    stand in the original text; spans that run into masked markup are left out)."""
    text = document.text
    names: set[str] = set()

    def add(block_start: int, start: int, end: int, parsed: str) -> None:
        original = text[block_start + start : block_start + end]
        if original == parsed and any(c.isupper() for c in original):
            if " " not in original.strip() and original.strip().lower() in lexicon_adverbs():
                return  # "that Notably, ...": a flagged adverb with a capital, not a name
            names.add(original.strip())

    for block, doc in document.block_docs():
        for ent in doc.ents:
            if ent.label_ in _NAME_LABELS and not (len(ent) == 1 and ent[0].is_sent_start) and not (
                    # "Bolstered council" at a sentence start: the guess flips with the words after it,
                    # and the lower-case word says it is no name (the lexicon judges it the same way)
                    ent[0].is_sent_start and ent[1].text[:1].islower()):
                add(block.start, ent.start_char, ent.end_char, ent.text)
        run: list[object] = []
        for tok in [*doc, None]:
            if tok is not None and tok.pos_ == "PROPN" and tok.text[:1].isupper():
                # a capitalised first word of a sentence starts no name by itself (entities cover that)
                if run or not tok.is_sent_start:
                    run.append(tok)
                continue
            if run:
                first, last = run[0], run[-1]
                span = doc[first.i : last.i + 1]  # type: ignore[attr-defined]
                add(block.start, span.start_char, span.end_char, span.text)
            run = []
    return tuple(sorted(names))


def filter_findings(document: Document, findings: list[Finding], config: Config,
                    sentence_families: Collection[str] = (), regions: _Regions | None = None) -> list[Finding]:
    """Drop findings in protected text (for ``sentence_families``, whose findings cover a sentence or
    more: those mostly in protected text), and repeats; sort by position. ``regions``: the
    document's protected regions, when the caller has them already."""
    protected = regions or _Regions(document.protected(include_quotes=config.quotes != "flag"))
    kept = []
    seen = set()
    for f in findings:
        if f.start != f.end:
            if f.family in sentence_families:
                if protected.covered(f.start, f.end) * 2 > f.end - f.start:
                    continue
            elif protected.overlaps(f.start, f.end):
                continue
        key = (f.code, f.start, f.end)
        if key in seen:
            continue
        seen.add(key)
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end, f.code))
    return kept


class _Regions:
    """Sorted regions answering "does a range overlap one" and "how much of it do they cover" in
    logarithmic time (a 20 MB file has tens of thousands of quotations and as many findings):
    the same answers as ``overlaps_any`` and a sum over every region."""

    def __init__(self, regions: list[Any]) -> None:
        self.regions = regions  # sorted by (start, end)
        # machine integers: 8 bytes a region each, not a Python int (a 20 MB file has 100,000 quotations)
        self.starts = array.array("q", (r.start for r in regions))
        self.max_end = array.array("q", itertools.accumulate((r.end for r in regions), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Some region with ``r.start < end`` and ``start < r.end`` (for an empty range: strictly
        around it), as ``overlaps_any``."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.max_end[k - 1] > start

    def covered(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` inside regions, counted once per region."""
        total = 0
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.max_end[i] > start:  # earlier regions all end before start
            r = self.regions[i]
            lo, hi = max(r.start, start), min(r.end, end)
            if hi > lo:
                total += hi - lo
            i -= 1
        return total


def drop_duplicates(findings: Iterable[Finding], lexicon_codes: Collection[str],
                    deferring: Collection[str] = frozenset({"GRM"})) -> list[Finding]:
    """Drop findings of the ``deferring`` families (GRM) that overlap a finding of a rule with
    precedence (``lexicon_codes``: the lexical families' codes, house-style lexicons included, and
    the code rules that say so, ``RuleInfo.has_precedence``): ours has the better message."""
    findings = list(findings)
    ours = sorted((f.start, f.end) for f in findings if f.family not in deferring and f.code in lexicon_codes)
    if not ours or not any(f.family in deferring for f in findings):
        return findings
    return [f for f in findings if f.family not in deferring or not _overlaps(f, ours)]


def _overlaps(f: Finding, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_left(spans, (f.end, f.end))
    return any(s < f.end and f.start < e for s, e in spans[:k])
