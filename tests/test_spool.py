"""A long document's findings go to disk a section at a time (issue 14, memory): the findings read
back are the ones, in the order, that a document held in memory gets."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import rewriter.engine
import rewriter.spool
from rewriter import analyze
from rewriter.model import Finding, Severity
from rewriter.readability import Counts
from rewriter.render.json import render_json
from rewriter.spool import BlockTotals, CompactRows, FindingSink, LazyMetrics, SpooledFindings

PARAGRAPH = ("In order to utilize the facility, the council was informed by the minister that it stands as a "
             "testament to the town's commitment. <!-- rewriter: ignore WRD --> ")


def _f(code: str, start: int, end: int) -> Finding:
    return Finding(code, "n", "c", Severity.INFO, start, end, "m")


def test_sink_spools_past_its_limit_and_merges_the_documents_own_findings() -> None:
    sink = FindingSink(limit=3)
    sink.extend([_f("A", 0, 1), _f("B", 2, 3)])
    sink.extend([_f("A", 5, 6), _f("A", 7, 9)])
    sink.extend([])
    sink.extend([_f("C", 10, 11)])
    out = sink.finish([_f("RD005", 0, 0), _f("RD004", 4, 12)])
    assert isinstance(out, SpooledFindings)
    want = sorted([_f("A", 0, 1), _f("B", 2, 3), _f("A", 5, 6), _f("A", 7, 9), _f("C", 10, 11),
                   _f("RD005", 0, 0), _f("RD004", 4, 12)], key=lambda f: (f.start, f.end, f.code))
    assert list(out) == want and list(out) == want  # read back as often as asked
    assert len(out) == 7 and out[0] == want[0] and out[-1] == want[-1] and out[2:4] == tuple(want[2:4])
    assert out == tuple(want)
    assert pickle.loads(pickle.dumps(out)) == tuple(want)  # to another process as a tuple
    with pytest.raises(IndexError):
        out[7]
    both = zip(out, out, strict=True)  # two iterations at once share the file
    assert [a for a, b in both if a == b] == want


def test_sink_below_its_limit_gives_a_tuple() -> None:
    sink = FindingSink(limit=10)
    sink.extend([_f("A", 3, 4)])
    assert sink.finish([_f("RD005", 0, 0)]) == (_f("RD005", 0, 0), _f("A", 3, 4))


@pytest.mark.slow
def test_a_spooled_document_has_the_findings_of_one_held_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(PARAGRAPH.replace("town", f"town {i}") for i in range(12)) + "\n"
    monkeypatch.setattr(rewriter.engine, "SECTION_CHARS", 500)  # several sections
    held = analyze(text)
    assert isinstance(held.findings, tuple)
    monkeypatch.setattr(rewriter.spool, "SPOOL_FINDINGS", 2)
    spooled = analyze(text)
    assert isinstance(spooled.findings, SpooledFindings)
    assert list(spooled.findings) == list(held.findings)
    assert isinstance(spooled.metrics, LazyMetrics)
    assert spooled.metrics == held.metrics and list(spooled.metrics) == list(held.metrics)
    assert render_json([spooled]) == render_json([held])  # the same bytes, rows and findings streamed
    assert pickle.loads(pickle.dumps(spooled.metrics)) == held.metrics
    assert {f.code for f in held.findings} >= {"WRD001", "PAS001", "RW100"}


def test_compact_rows_give_back_the_rows() -> None:
    rows = [{"start": i, "end": i + 9, "grade": 7.25 + i, "time": 0.0} for i in range(50)]
    compact = CompactRows.build(iter(rows))
    assert isinstance(compact, CompactRows)
    assert list(compact) == rows and len(compact) == 50 and compact[3] == rows[3] and compact[1:3] == rows[1:3]
    assert all(type(a["start"]) is int and type(a["grade"]) is float for a in compact)
    odd = [*rows[:5], {"start": 1, "end": 2, "grade": "x", "time": 0.0}, *rows[5:]]
    assert CompactRows.build(odd) == odd  # a value of another type: the rows as they are
    big = [*rows[:2], {"start": 2**70, "end": 2, "grade": 1.0, "time": 0.0}]
    assert CompactRows.build(big) == big
    assert CompactRows.build([]) == []
    metrics = LazyMetrics({"words": 3, "paragraph_metrics": None}, "paragraph_metrics", compact)
    assert dict(metrics) == {"words": 3, "paragraph_metrics": rows}
    assert metrics.stream("paragraph_metrics") is compact


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 9), st.integers(0, 999)), max_size=60))
def test_block_totals_answer_as_a_dict(ops: list[tuple[int, int, int]]) -> None:
    """The tally's per-paragraph totals as arrays: the same answers as the dict they replace, for
    keys in order (a section's sentences) and out of it."""
    compact = BlockTotals(Counts, len(Counts().astuple()))
    plain: dict[int, tuple[int, Counts]] = {}
    for key, n, words in ops:
        before = plain.get(key, (0, Counts()))
        assert compact.get(key, (0, Counts())) == before
        value = (before[0] + n, before[1].add(Counts(words=words, syllables=2 * words, sentences=n)))
        compact[key] = value
        plain[key] = value
        assert len(compact) == len(plain) and key in compact
    assert list(compact.items()) == sorted(plain.items())
    assert list(compact) == sorted(plain)
    assert 99 not in compact and compact.get(99) is None
    with pytest.raises(KeyError):
        compact[99]


def test_a_long_document_keeps_its_paragraph_totals_as_arrays(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document of several sections: the tally holds the compact totals, and the figures are the
    ones a plain dict gives (the metrics of every paragraph, and the document's)."""
    seen: list[object] = []
    add = rewriter.engine.Tally.add

    def spy(self: rewriter.engine.Tally, document: object, ctx: object) -> None:
        seen.append(type(self.by_block))
        add(self, document, ctx)  # type: ignore[arg-type]

    text = "\n\n".join(f"Paragraph {i} tells the board it will meet. The council agreed on day {i}." for i in range(60))
    monkeypatch.setattr(rewriter.engine, "SECTION_CHARS", 500)
    monkeypatch.setattr(rewriter.engine.Tally, "add", spy)
    report = analyze(text)
    assert BlockTotals in seen  # the engine's tally of the whole document (a rule's own per section may be a dict)
    monkeypatch.setattr(rewriter.engine, "BlockTotals", lambda make, fields: {})
    plain = analyze(text)
    assert dict(report.metrics) == dict(plain.metrics) and report.findings == plain.findings
    assert len(report.metrics["paragraph_metrics"]) == 60
