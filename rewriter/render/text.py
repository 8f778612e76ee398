"""Terminal output: ``path:line:col: CODE message (→ replacement)`` and a summary.

The writers (:func:`write_text`, :func:`write_concise`) write line by line to a stream and keep
only a few counts per file, so a long run or a file with a hundred thousand findings never
becomes one string; ``render_*`` return the same text as a string."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from rewriter.document import LineIndex
from rewriter.model import Applicability, Finding, Report


def _suggestion(f: Finding) -> str:
    if f.fix is None or len(f.fix.edits) != 1:
        return ""
    rep = f.fix.edits[0].replacement
    if f.fix.title.startswith("Cut"):
        return " (→ cut)"
    return f" (→ {rep})" if rep.strip() else ""


def finding_line(report: Report, f: Finding, lines: LineIndex) -> str:
    line, col = lines.line_col(f.start)
    return f"{report.path}:{line}:{col}: {f.code} {f.message}{_suggestion(f)}"


@dataclass
class FileCounts:
    """What the summary lines need of one report."""

    path: str
    findings: int = 0
    safe: int = 0
    unsafe: int = 0
    families: Counter[str] = field(default_factory=Counter)
    words: int = 0
    grade: float = 0.0
    target: object = 10
    register: float | None = None

    @classmethod
    def of(cls, r: Report, findings: Iterable[Finding] | None = None) -> FileCounts:
        c = cls(r.path, words=int(r.metrics.get("words", 0)), grade=float(r.metrics.get("flesch_kincaid_grade", 0.0)),
                target=r.metrics.get("target_grade", 10),
                register=float(r.metrics["register_score"]) if "register_score" in r.metrics else None)
        for f in r.findings if findings is None else findings:
            c.add(f)
        return c

    def add(self, f: Finding) -> None:
        self.findings += 1
        self.families[f.family] += 1
        if f.fix and f.fix.applicability is Applicability.SAFE:
            self.safe += 1
        elif f.fix and f.fix.applicability is Applicability.UNSAFE:
            self.unsafe += 1


def summary(reports: Sequence[Report]) -> str:
    return _summary([FileCounts.of(r) for r in reports])


def _summary(files: Sequence[FileCounts]) -> str:
    n = sum(c.findings for c in files)
    safe = sum(c.safe for c in files)
    unsafe = sum(c.unsafe for c in files)
    words = sum(c.words for c in files)
    grades = [c.grade for c in files if c.words]
    count = len(files)
    parts = [f"{n} finding{'s' if n != 1 else ''} in {count} file{'s' if count != 1 else ''}"]
    if safe or unsafe:
        parts.append(f"{safe} fixable with `rewriter fix`, {unsafe} more with --unsafe-fixes")
    if grades:
        grade = sum(grades) / len(grades)
        parts.append(f"grade {grade:.1f} (target {float(files[0].target):g}), {words} words")  # type: ignore[arg-type]
        registers = [c.register for c in files if c.words and c.register is not None]
        if registers:
            parts.append(f"register {sum(registers) / len(registers):.0f}/100")
    return "; ".join(parts)


def _file_line(c: FileCounts) -> str:
    fams = ", ".join(f"{k} {v}" for k, v in sorted(c.families.items()))
    register = f", register {c.register:.0f}/100" if c.register is not None else ""
    n = c.findings
    return f"{c.path}: grade {c.grade:.1f}{register}; {n} finding{'s' if n != 1 else ''}" + (
        f" ({fams})" if fams else "")


def _write_findings(out: TextIO, r: Report, counts: FileCounts | None = None) -> None:
    lines = LineIndex(r.text)
    for f in r.findings:
        out.write(finding_line(r, f, lines) + "\n")
        if counts is not None:
            counts.add(f)


def write_concise(out: TextIO, reports: Iterable[Report], errors: Sequence[str] = ()) -> None:
    for r in reports:
        _write_findings(out, r)


def write_text(out: TextIO, reports: Iterable[Report], errors: Sequence[str] = ()) -> None:
    files: list[FileCounts] = []
    for r in reports:
        counts = FileCounts.of(r, ())
        _write_findings(out, r, counts)
        for note in r.notes:
            out.write(f"{r.path}: note: {note}\n")
        files.append(counts)
    if files:
        if len(files) > 1:
            for c in files:
                out.write(_file_line(c) + "\n")
        out.write(_summary(files) + "\n")


def render_concise(reports: Sequence[Report], errors: Sequence[str] = ()) -> str:
    buf = io.StringIO()
    write_concise(buf, reports, errors)
    return buf.getvalue()


def render_text(reports: Sequence[Report], errors: Sequence[str] = ()) -> str:
    buf = io.StringIO()
    write_text(buf, reports, errors)
    return buf.getvalue()
