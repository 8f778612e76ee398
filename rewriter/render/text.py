"""Terminal output: ``path:line:col: CODE message (→ replacement)`` and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

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


def render_concise(reports: Sequence[Report], errors: Sequence[str] = ()) -> str:
    out: list[str] = []
    for r in reports:
        lines = LineIndex(r.text)
        out.extend(finding_line(r, f, lines) for f in r.findings)
    return "\n".join(out) + ("\n" if out else "")


def summary(reports: Sequence[Report]) -> str:
    n = sum(len(r.findings) for r in reports)
    safe = sum(1 for r in reports for f in r.findings if f.fix and f.fix.applicability is Applicability.SAFE)
    unsafe = sum(1 for r in reports for f in r.findings if f.fix and f.fix.applicability is Applicability.UNSAFE)
    words = sum(int(r.metrics.get("words", 0)) for r in reports)
    grades = [float(r.metrics.get("flesch_kincaid_grade", 0.0)) for r in reports if r.metrics.get("words")]
    files = len(reports)
    parts = [f"{n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}"]
    if safe or unsafe:
        parts.append(f"{safe} fixable with `rewriter fix`, {unsafe} more with --unsafe-fixes")
    if grades:
        grade = sum(grades) / len(grades)
        target = reports[0].metrics.get("target_grade", 10)
        parts.append(f"grade {grade:.1f} (target {float(target):g}), {words} words")
        registers = [float(r.metrics["register_score"]) for r in reports
                     if r.metrics.get("words") and "register_score" in r.metrics]
        if registers:
            parts.append(f"register {sum(registers) / len(registers):.0f}/100")
    return "; ".join(parts)


def render_text(reports: Sequence[Report], errors: Sequence[str] = ()) -> str:
    out: list[str] = []
    for r in reports:
        lines = LineIndex(r.text)
        out.extend(finding_line(r, f, lines) for f in r.findings)
        for note in r.notes:
            out.append(f"{r.path}: note: {note}")
    if reports:
        if len(reports) > 1:
            for r in reports:
                c = Counter(f.family for f in r.findings)
                fams = ", ".join(f"{k} {v}" for k, v in sorted(c.items()))
                grade = float(r.metrics.get("flesch_kincaid_grade", 0.0))
                n = len(r.findings)
                register = (f", register {float(r.metrics['register_score']):.0f}/100"
                            if "register_score" in r.metrics else "")
                out.append(f"{r.path}: grade {grade:.1f}{register}; {n} finding{'s' if n != 1 else ''}"
                           + (f" ({fams})" if fams else ""))
        out.append(summary(reports))
    return "\n".join(out) + ("\n" if out else "")
