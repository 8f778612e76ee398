"""A long document's findings go to disk a section at a time (issue 14, memory): the findings read
back are the ones, in the order, that a document held in memory gets."""

from __future__ import annotations

import pickle

import pytest

import rewriter.engine
import rewriter.spool
from rewriter import analyze
from rewriter.model import Finding, Severity
from rewriter.spool import FindingSink, SpooledFindings

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
    assert spooled.metrics == held.metrics
    assert {f.code for f in held.findings} >= {"WRD001", "PAS001", "RW100"}
