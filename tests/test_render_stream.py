"""Streaming renderers (issue 14): ``check`` writes each file's output finding by finding, and the
bytes are those of the whole-document renderers. For JSON and SARIF that is
``json.dumps(payload, ensure_ascii=False, indent=2)`` of the full tree (the JSON contract of
DESIGN.md), for text the lines and summary as before."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest

from rewriter.document import LineIndex
from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity
from rewriter.render import WRITERS, render_concise, render_github, render_json, render_sarif, render_text
from rewriter.render.json import VERSION, file_dict
from rewriter.render.sarif import sarif_log, write_sarif
from rewriter.render.text import finding_line

TEXT = "Storm 🌀 notes \"quoted\" \\ back\r\nThe flood was a harbinger of change, in order to warn us.\r\nLast"


def _finding(code: str, start: int, end: int, fix: Fix | None = None, **data: object) -> Finding:
    return Finding(code, code.lower(), "cat", Severity.WARNING if code != "PAS001" else Severity.INFO, start, end,
                   f"message for {TEXT[start:end]!r} — ünïcode", fix, data)


def _reports() -> list[Report]:
    at = TEXT.index("harbinger")
    h = _finding("INF001", at, at + 9, Fix((Edit(at, at + 9, "sign"),), Applicability.UNSAFE, "Replace with 'sign'",
                                          ("sign", "forerunner")), observed="harbinger", n=3, x=None)
    at2 = TEXT.index("in order to")
    w = _finding("WRD001", at2, at2 + 11, Fix((Edit(at2, at2 + 8, ""), Edit(at2 + 8, at2 + 11, "to")),
                                            Applicability.SAFE, "Cut"), ratio=0.5)
    p = _finding("PAS001", 0, 5)
    empty = _finding("RD005", 0, 0)
    metrics = {"words": 17, "flesch_kincaid_grade": 7.25, "register_score": 12.0,
               "paragraph_metrics": [{"start": 0, "end": 10, "words": 3}, {"start": 12, "end": 40, "words": 9}],
               "nested": {"a": [1, 2.5, "x"], "b": {}}, "empty": []}
    return [Report("a/story.md", TEXT, (p, h, w, empty), metrics, notes=("LanguageTool unreachable",)),
            Report("b.txt", "Calm.", (), {}),
            Report("c.txt", TEXT, (h,), {"words": 0, "paragraph_metrics": []})]


def _reference_json(reports: list[Report], errors: list[str]) -> str:
    payload: dict[str, object] = {"version": VERSION, "files": [file_dict(r) for r in reports]}
    if errors:
        payload["errors"] = errors
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("count", [0, 1, 2, 3])
@pytest.mark.parametrize("errors", [[], ["x.md: no such file or directory", "y: \"odd\" ✓"]])
def test_json_stream_is_byte_identical_to_the_whole_document(count: int, errors: list[str]) -> None:
    reports = _reports()[:count]
    want = _reference_json(reports, errors)
    assert render_json(reports, errors) == want
    out = io.StringIO()
    WRITERS["json"](out, iter(reports), errors)  # a generator of reports, as check passes it
    assert out.getvalue() == want
    assert json.loads(want)["files"] == [file_dict(r) for r in reports]


def test_json_errors_found_while_writing_are_included() -> None:
    reports = _reports()
    errors: list[str] = []

    def gen() -> object:
        yield reports[0]
        errors.append("late.md: internal error while checking")
        yield reports[1]

    out = io.StringIO()
    WRITERS["json"](out, gen(), errors)  # type: ignore[arg-type]
    assert out.getvalue() == _reference_json(reports[:2], errors)


@pytest.mark.parametrize("count", [0, 1, 3])
def test_sarif_stream_is_byte_identical_to_the_whole_log(count: int) -> None:
    reports = _reports()[:count]
    errors = ["x.md: bad"] if count == 1 else []
    want = json.dumps(sarif_log(reports, errors), ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    write_sarif(out, reports, errors)
    assert out.getvalue() == want == render_sarif(reports, errors)


def _reference_text(reports: list[Report]) -> str:
    """The text renderer as it was when it built one string."""
    out: list[str] = []
    for r in reports:
        lines = LineIndex(r.text)
        out.extend(finding_line(r, f, lines) for f in r.findings)
        out.extend(f"{r.path}: note: {note}" for note in r.notes)
    if reports:
        if len(reports) > 1:
            for r in reports:
                c = Counter(f.family for f in r.findings)
                fams = ", ".join(f"{k} {v}" for k, v in sorted(c.items()))
                register = (f", register {float(r.metrics['register_score']):.0f}/100"
                            if "register_score" in r.metrics else "")
                n = len(r.findings)
                out.append(f"{r.path}: grade {float(r.metrics.get('flesch_kincaid_grade', 0.0)):.1f}{register}; "
                           f"{n} finding{'s' if n != 1 else ''}" + (f" ({fams})" if fams else ""))
        n = sum(len(r.findings) for r in reports)
        fixes = [f.fix.applicability for r in reports for f in r.findings if f.fix]
        safe, unsafe = fixes.count(Applicability.SAFE), fixes.count(Applicability.UNSAFE)
        parts = [f"{n} finding{'s' if n != 1 else ''} in {len(reports)} file{'s' if len(reports) != 1 else ''}"]
        if safe or unsafe:
            parts.append(f"{safe} fixable with `rewriter fix`, {unsafe} more with --unsafe-fixes")
        grades = [float(r.metrics.get("flesch_kincaid_grade", 0.0)) for r in reports if r.metrics.get("words")]
        if grades:
            words = sum(int(r.metrics.get("words", 0)) for r in reports)
            parts.append(f"grade {sum(grades) / len(grades):.1f} (target "
                         f"{float(reports[0].metrics.get('target_grade', 10)):g}), {words} words")
            regs = [float(r.metrics["register_score"]) for r in reports
                    if r.metrics.get("words") and "register_score" in r.metrics]
            if regs:
                parts.append(f"register {sum(regs) / len(regs):.0f}/100")
        out.append("; ".join(parts))
    return "\n".join(out) + ("\n" if out else "")


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_text_stream_is_the_text_it_always_was(count: int) -> None:
    reports = _reports()[:count]
    out = io.StringIO()
    WRITERS["text"](out, iter(reports), [])
    assert out.getvalue() == render_text(reports) == _reference_text(reports)
    concise = io.StringIO()
    WRITERS["concise"](concise, iter(reports), [])
    assert concise.getvalue() == render_concise(reports)
    assert concise.getvalue().count("\n") == sum(len(r.findings) for r in reports)


def test_github_stream() -> None:
    reports = _reports()
    out = io.StringIO()
    WRITERS["github"](out, iter(reports), ["x: bad"])
    assert out.getvalue() == render_github(reports, ["x: bad"])
    assert out.getvalue().splitlines()[-1].startswith("::error")


def test_line_index_is_compact_and_agrees_with_splitlines() -> None:
    text = "a\r\nb\rc\n\nd" * 1000
    index = LineIndex(text)
    assert index.line_col(0) == (1, 1)
    assert index.line_col(len(text)) == (4001, 2)
    assert index.line_col(text.index("c")) == (3, 1)
    assert index.offset(3, 1) == text.index("c")
    assert index._starts.itemsize == 8  # one machine integer a line, not a Python int
