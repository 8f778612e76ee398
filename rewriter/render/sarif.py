"""SARIF 2.1.0 (OASIS): the log format code-scanning services read.

Regions are 1-based lines and columns plus ``charOffset``/``charLength``; columns and offsets
count Unicode code points, which is what Python ``str`` indices are, so the run declares
``columnKind = "unicodeCodePoints"``. Fixes become ``artifactChanges[].replacements[]``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from rewriter.document import LineIndex
from rewriter.model import Finding, Report, Severity
from rewriter.rules.base import RuleInfo

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def level(severity: Severity) -> str:
    return _LEVELS[severity]


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative paths stay relative (to the checkout), with
    forward slashes and percent-encoding; absolute paths become ``file://`` URIs."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/-._~!$&'()*+,;=:@")


def rule_descriptor(info: RuleInfo) -> dict[str, Any]:
    doc = info.doc()
    descriptor: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.what},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": level(info.severity), "enabled": info.default_enabled},
        "properties": {"category": info.category, "tags": [info.category, info.family]},
    }
    if info.origin != "builtin":
        descriptor["properties"]["origin"] = info.origin
    return descriptor


def _fallback_descriptor(f: Finding) -> dict[str, Any]:
    """For a code the given rules do not know (a house lexicon the caller did not pass)."""
    return {
        "id": f.code,
        "name": f.name,
        "shortDescription": {"text": f.name.replace("-", " ")},
        "defaultConfiguration": {"level": level(f.severity)},
        "properties": {"category": f.category, "tags": [f.category, f.family]},
    }


def _region(lines: LineIndex, text: str, start: int, end: int, snippet: bool = True) -> dict[str, Any]:
    line, col = lines.line_col(start)
    end_line, end_col = lines.line_col(end)
    region: dict[str, Any] = {
        "startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
        "charOffset": start, "charLength": end - start,
    }
    if snippet and end > start:
        region["snippet"] = {"text": text[start:end]}
    return region


def result(f: Finding, report: Report, lines: LineIndex, rule_index: int) -> dict[str, Any]:
    uri = artifact_uri(report.path)
    res: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": _region(lines, report.text, f.start, f.end),
        }}],
    }
    if f.fix is not None and f.fix.edits:
        res["fixes"] = [{
            "description": {"text": f.fix.title},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{
                    "deletedRegion": _region(lines, report.text, e.start, e.end, snippet=False),
                    "insertedContent": {"text": e.replacement},
                } for e in sorted(f.fix.edits, key=lambda e: (e.start, e.end))],
            }],
        }]
    props: dict[str, Any] = {"category": f.category}
    if f.fix is not None:
        props["applicability"] = f.fix.applicability.label
        if f.fix.alternatives:
            props["alternatives"] = list(f.fix.alternatives)
    res["properties"] = props
    return res


def sarif_log(reports: Sequence[Report], errors: Sequence[str] = (),
              rules: Iterable[RuleInfo] | None = None) -> dict[str, Any]:
    """The SARIF log as a dict. ``rules`` is the registry (default: the built-in rules)."""
    log = _log(reports, errors, rules)
    log["runs"][0]["results"] = list(log["runs"][0]["results"])
    return log


def _log(reports: Sequence[Report], errors: Sequence[str],
         rules: Iterable[RuleInfo] | None) -> dict[str, Any]:
    """The log with its results as an iterator (made as they are written)."""
    from rewriter import __version__

    if rules is None:
        from rewriter.rules import all_rules

        rules = all_rules()
    descriptors = [rule_descriptor(info) for info in rules]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for r in reports:
        for f in r.findings:
            if f.code not in index:
                index[f.code] = len(descriptors)
                descriptors.append(_fallback_descriptor(f))

    def results() -> Iterator[dict[str, Any]]:
        for r in reports:
            lines = LineIndex(r.text)
            for f in r.findings:
                yield result(f, r, lines, index[f.code])

    notifications: list[dict[str, Any]] = []
    for r in reports:
        for note in r.notes:
            notifications.append({"level": "note", "message": {"text": note},
                                  "locations": [{"physicalLocation": {"artifactLocation": {
                                      "uri": artifact_uri(r.path)}}}]})
    for err in errors:
        notifications.append({"level": "error", "message": {"text": err}})

    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "rewriter",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": descriptors,
        }},
        "invocations": [{"executionSuccessful": not errors,
                         **({"toolExecutionNotifications": notifications} if notifications else {})}],
        "artifacts": [{"location": {"uri": artifact_uri(r.path)}, "sourceLanguage": _language(r.path)}
                      for r in reports],
        "results": results(),
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def write_sarif(out: TextIO, reports: Sequence[Report], errors: Sequence[str] = (),
                rules: Iterable[RuleInfo] | None = None) -> None:
    """The log written result by result: the same bytes as :func:`render_sarif`."""
    from rewriter.render.json import write_array, write_object

    log = _log(reports, errors, rules)
    run = log["runs"][0]

    def run_writer(o: TextIO, level: int) -> None:
        write_object(o, ((k, (lambda o2, lv: write_array(o2, run["results"], lv)) if k == "results" else v)
                         for k, v in run.items()), level)

    write_object(out, (("$schema", log["$schema"]), ("version", log["version"]),
                       ("runs", lambda o, lv: write_array_of_writers(o, [run_writer], lv))), 0)
    out.write("\n")


def write_array_of_writers(out: TextIO, writers: Sequence[Any], level: int) -> None:
    inner = "\n" + "  " * (level + 1)
    for i, w in enumerate(writers):
        out.write(("[" if i == 0 else ",") + inner)
        w(out, level + 1)
    out.write("[]" if not writers else "\n" + "  " * level + "]")


def _language(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return "markdown" if suffix in (".md", ".markdown") else "plaintext"


def render_sarif(reports: Sequence[Report], errors: Sequence[str] = (),
                 rules: Iterable[RuleInfo] | None = None) -> str:
    buf = io.StringIO()
    write_sarif(buf, reports, errors, rules)
    return buf.getvalue()


__all__ = ["SARIF_VERSION", "SCHEMA_URI", "render_sarif", "sarif_log", "write_sarif"]
