"""The version-1 JSON schema of ``check --format json`` (keys may be added, never removed).

:func:`write_json` writes the document finding by finding to a stream, so that a file with a
hundred thousand findings never becomes one string or one tree of dicts in memory; its bytes are
exactly those of ``json.dumps(payload, ensure_ascii=False, indent=2)`` (:func:`render_json`)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from rewriter.document import LineIndex
from rewriter.model import Finding, Report
from rewriter.spool import CompactRows

VERSION = 1
_INDENT = "  "


def finding_dict(f: Finding, text: str, lines: LineIndex) -> dict[str, Any]:
    line, col = lines.line_col(f.start)
    end_line, end_col = lines.line_col(f.end)
    fix = None
    if f.fix is not None:
        fix = {
            "applicability": f.fix.applicability.label,
            "title": f.fix.title,
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix.edits],
            "alternatives": list(f.fix.alternatives),
        }
    return {
        "code": f.code, "name": f.name, "category": f.category, "severity": f.severity.label,
        "message": f.message, "start": f.start, "end": f.end, "line": line, "column": col,
        "end_line": end_line, "end_column": end_col, "text": text[f.start : f.end], "fix": fix,
        "data": {k: v for k, v in f.data.items() if isinstance(v, str | int | float | bool)},
    }


def file_dict(report: Report) -> dict[str, Any]:
    lines = LineIndex(report.text)
    return {
        "path": report.path,
        "metrics": dict(report.metrics),
        "findings": [finding_dict(f, report.text, lines) for f in report.findings],
        "notes": list(report.notes),
    }


def dumps_at(value: Any, level: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``level`` levels deep in a larger
    document (JSON strings hold no raw line break, so every line break is the layout's)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + _INDENT * level) if level else text


def write_array(out: TextIO, items: Iterable[Any], level: int) -> None:
    """A JSON array ``level`` levels deep, one item at a time (items already dumped as strings at
    ``level + 1`` are written as they are)."""
    inner = "\n" + _INDENT * (level + 1)
    first = True
    for item in items:
        out.write(("[" if first else ",") + inner)
        out.write(item if isinstance(item, _Dumped) else dumps_at(item, level + 1))
        first = False
    out.write("[]" if first else "\n" + _INDENT * level + "]")


class _Dumped(str):
    """A value already written as JSON text at its level."""


def write_object(out: TextIO, fields: Iterable[tuple[str, Any]], level: int) -> None:
    """A JSON object ``level`` levels deep whose values may be written by a callable(out, level)."""
    inner = "\n" + _INDENT * (level + 1)
    first = True
    for key, value in fields:
        out.write(("{" if first else ",") + inner + json.dumps(key, ensure_ascii=False) + ": ")
        if callable(value):
            value(out, level + 1)
        else:
            out.write(dumps_at(value, level + 1))
        first = False
    out.write("{}" if first else "\n" + _INDENT * level + "}")


def _metrics_writer(metrics: Mapping[str, Any]) -> Any:
    # a long document has one row per paragraph: written row by row, like the findings (a
    # LazyMetrics hands its rows over one at a time)
    value = getattr(metrics, "stream", metrics.__getitem__)

    def write(out: TextIO, level: int) -> None:
        write_object(out, ((k, _rows_writer(v) if isinstance(v, list | CompactRows) else v)
                           for k, v in ((k, value(k)) for k in metrics)), level)
    return write


def _rows_writer(rows: Iterable[Any]) -> Any:
    return lambda out, level: write_array(out, rows, level)


def write_file(out: TextIO, report: Report, level: int) -> None:
    """One file's entry of the ``files`` array, finding by finding."""
    lines = LineIndex(report.text)
    text = report.text

    def findings(o: TextIO, lv: int) -> None:
        write_array(o, (_Dumped(dumps_at(finding_dict(f, text, lines), lv + 1)) for f in report.findings), lv)

    write_object(out, (("path", report.path), ("metrics", _metrics_writer(report.metrics)),
                       ("findings", findings), ("notes", list(report.notes))), level)


def write_json(out: TextIO, reports: Iterable[Report], errors: Sequence[str] = ()) -> None:
    """The whole document: ``reports`` may be a generator (each file is written as it comes);
    ``errors`` is read after the last report, so errors found while checking are included."""

    def files(o: TextIO, lv: int) -> None:
        inner = "\n" + _INDENT * (lv + 1)
        first = True
        for r in reports:
            o.write(("[" if first else ",") + inner)
            write_file(o, r, lv + 1)
            first = False
        o.write("[]" if first else "\n" + _INDENT * lv + "]")

    def fields() -> Iterable[tuple[str, Any]]:
        yield "version", VERSION
        yield "files", files
        if errors:
            yield "errors", list(errors)

    write_object(out, fields(), 0)
    out.write("\n")


def render_json(reports: Sequence[Report], errors: Sequence[str] = ()) -> str:
    buf = io.StringIO()
    write_json(buf, reports, errors)
    return buf.getvalue()
