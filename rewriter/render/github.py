"""GitHub Actions workflow commands: one annotation per finding.

``::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message``; the level
follows the severity (error, warning, info -> notice). Values are escaped as the Actions
toolkit does: ``%``, CR and LF in the message; those and ``:`` and ``,`` in properties.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import TextIO

from rewriter.document import LineIndex
from rewriter.model import Finding, Report, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _suggestion(f: Finding) -> str:
    if f.fix is None or len(f.fix.edits) != 1:
        return ""
    if f.fix.title.startswith("Cut"):
        return " (→ cut)"
    rep = f.fix.edits[0].replacement
    return f" (→ {rep})" if rep.strip() else ""


def command(name: str, message: str, **props: object) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{name}{' ' + body if body else ''}::{escape_data(message)}"


def annotation(report: Report, f: Finding, lines: LineIndex) -> str:
    line, col = lines.line_col(f.start)
    end_line, end_col = lines.line_col(f.end)
    return command(_COMMANDS[f.severity], f"{f.message}{_suggestion(f)}", file=report.path, line=line, col=col,
                   endLine=end_line, endColumn=end_col, title=f.code)


def write_github(out: TextIO, reports: Iterable[Report], errors: Sequence[str] = ()) -> None:
    """One line per finding, written as it comes (``errors`` read after the last report)."""
    for r in reports:
        lines = LineIndex(r.text)
        for f in r.findings:
            out.write(annotation(r, f, lines) + "\n")
        for note in r.notes:
            out.write(command("notice", note, file=r.path, title="rewriter") + "\n")
    for err in errors:
        out.write(command("error", err, title="rewriter") + "\n")


def render_github(reports: Sequence[Report], errors: Sequence[str] = ()) -> str:
    buf = io.StringIO()
    write_github(buf, reports, errors)
    return buf.getvalue()


__all__ = ["annotation", "escape_data", "escape_property", "render_github", "write_github"]
