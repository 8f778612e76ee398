"""The plain report formats: JSON (version 1, streamed), CSV (one row per file), Markdown (for CI)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO, cast

from rewriter.batch import BatchResult, Record
from rewriter.render.json import VERSION
from rewriter.reporting import METRIC_COLUMNS, families_of, per_1000

# keys of a record that belong to the batch machinery, not to the per-file JSON schema
_INTERNAL = ("index", "context")


def public_record(record: Record) -> Record:
    return cast(Record, {k: v for k, v in record.items() if k not in _INTERNAL})


def error_entries(result: BatchResult) -> list[dict[str, str]]:
    return [{"path": r.path, "message": r.error or ""} for r in result.errors]


def write_json(result: BatchResult, summary: dict[str, Any], out: TextIO) -> None:
    """``{"version": 1, "files": [...], "summary": {...}, "errors": [...]}``, one file per line."""
    out.write(f'{{"version": {VERSION},\n "files": [')
    first = True
    for record in result.records():
        out.write("\n  " if first else ",\n  ")
        first = False
        out.write(json.dumps(public_record(record), ensure_ascii=False))
    out.write("\n ],\n")
    out.write(' "summary": ' + json.dumps(summary, ensure_ascii=False, indent=2).replace("\n", "\n ") + ",\n")
    out.write(' "errors": ' + json.dumps(error_entries(result), ensure_ascii=False) + "\n}\n")


def _cell(value: str) -> str:
    # a spreadsheet runs a cell that starts with = + - @ as a formula
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_columns(families: Sequence[str]) -> list[str]:
    return (["path", "error", *METRIC_COLUMNS, "findings", "findings_per_1000_words"]
            + [f"count_{f}" for f in families] + ["safe_fixes_applied", "grade_after_safe_fixes"])


def write_csv(result: BatchResult, out: TextIO, known_families: Sequence[str] = ()) -> None:
    families = families_of(result, known_families)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_columns(families))
    for r in result.rows:
        if r.error is not None:
            writer.writerow([_cell(r.path), r.error] + [""] * (len(METRIC_COLUMNS) + 4 + len(families)))
            continue
        metrics = [_num(r.metrics.get(k, "")) for k in METRIC_COLUMNS]
        writer.writerow([_cell(r.path), "", *metrics, r.findings, per_1000(r.findings, r.words),
                         *(r.counts.get(f, 0) for f in families), r.applied,
                         "" if r.grade_after is None else r.grade_after])


def _num(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def md_escape(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    for ch, rep in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"), ("`", "\\`"), ("*", "\\*"),
                    ("_", "\\_"), ("[", "\\["), ("]", "\\]")):
        text = text.replace(ch, rep)
    return text


def _n(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _f(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def write_md(result: BatchResult, summary: dict[str, Any], out: TextIO, title: str = "Plain-language report",
             top: int = 10) -> None:
    """A compact summary a CI job can post as a pull-request comment."""
    s = summary
    g = s["grade"]
    lines = [f"## {md_escape(title, 120)}", ""]
    files = f"{s['files_checked']:,} checked"
    if s["files_failed"]:
        files += f", {s['files_failed']:,} could not be checked"
    target = s["target_grade"]
    grade = (f"mean {_f(g['mean'])}, spread (sd) {_f(g['stdev'])}, range {_f(g['min'])}–{_f(g['max'])}"
             + (f"; target {target:g}, {_n(s['files_above_target'], 'file')} above" if target is not None else ""))
    sr = s["safe_rewrite"]
    lines += [
        "| | |", "|---|---|",
        f"| Files | {files} |",
        f"| Words | {s['words']:,} |",
        f"| Grade (Flesch-Kincaid) | {grade} |",
        f"| Findings | {s['findings']:,} ({s['findings_per_1000_words']:.1f} per 1,000 words) |",
        f"| Hard sentences | {s['hard_sentence_share'] * 100:.0f}% ({s['hard_sentences']:,} hard, "
        f"{s['very_hard_sentences']:,} very hard, of {s['sentences']:,}) |",
        f"| Safe fixes (`rewriter fix`) | {sr['fixes_applied']:,} in {_n(sr['files_changed'], 'file')}; "
        f"mean grade after {_f(sr['grade_mean_after'])} |",
        "",
    ]
    if s["by_family"]:
        lines += ["**Findings by family:** " + " · ".join(f"{k} {v:,}" for k, v in s["by_family"].items()), ""]
    if s["top_expressions"]:
        lines += ["**Most flagged:** " + " · ".join(f"“{md_escape(e['text'], 40)}” ({e['code']}) {e['count']:,}"
                                                    for e in s["top_expressions"][:top]), ""]
    if s["worst_files"]:
        lines += ["| Hardest files | Grade | Findings | per 1,000 words |", "|---|---:|---:|---:|"]
        lines += [f"| {md_escape(w['path'])} | {w['grade']:.1f} | {w['findings']:,} | "
                  f"{w['findings_per_1000_words']:.1f} |" for w in s["worst_files"][:top]]
        lines.append("")
    errors = result.errors
    if errors:
        lines.append(f"<details><summary>{len(errors):,} files could not be checked</summary>")
        lines.append("")
        lines += [f"- {md_escape(r.error or r.path, 200)}" for r in errors[:20]]
        if len(errors) > 20:
            lines.append(f"- … and {len(errors) - 20:,} more")
        lines += ["", "</details>", ""]
    out.write("\n".join(lines))


__all__ = ["csv_columns", "md_escape", "public_record", "write_csv", "write_json", "write_md"]
