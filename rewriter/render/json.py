"""The version-1 JSON schema of ``check --format json`` (keys may be added, never removed)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rewriter.document import LineIndex
from rewriter.model import Finding, Report

VERSION = 1


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


def render_json(reports: Sequence[Report], errors: Sequence[str] = ()) -> str:
    payload: dict[str, Any] = {"version": VERSION, "files": [file_dict(r) for r in reports]}
    if errors:
        payload["errors"] = list(errors)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
