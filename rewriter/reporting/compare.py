"""``rewriter report --compare OLD NEW``: what got better or worse between two versions of a story.

Findings are matched by rule and flagged text (offsets move when a story is edited), as multisets:
a finding of NEW with no partner in OLD was *added*, one of OLD with none in NEW was *removed*;
among several partners, the one whose surrounding words are most alike is taken.
"""

from __future__ import annotations

import difflib
import json
from html import escape
from typing import Any, TextIO

from rewriter.config import Config
from rewriter.records import Record, check_text
from rewriter.textio import read_source

# metric -> +1 when higher is better, -1 when lower is better, 0 when neither
METRICS = {
    "words": 0, "sentences": 0, "paragraphs": 0, "flesch_kincaid_grade": -1, "flesch_reading_ease": 1,
    "gunning_fog": -1, "smog_index": -1, "coleman_liau_index": -1, "automated_readability_index": -1,
    "dale_chall_readability_score": -1, "hard_sentences": -1, "very_hard_sentences": -1,
    "reading_time_seconds": 0,
}


def _key(f: dict[str, Any]) -> tuple[str, str]:
    return f["code"], " ".join(str(f["text"]).lower().split())


def _context(record: Record, i: int) -> str:
    ctx = (record.get("context") or [])
    left, right = ctx[i] if i < len(ctx) else ("", "")
    return f"{left[-40:]}|{right[:40]}".lower()


def match_findings(old: Record, new: Record) -> tuple[list[Any], list[Any], int]:
    """(removed, added, unchanged): findings paired by rule and flagged text, first where the words
    around them are the same (moved, not changed), then with the partner whose words are most alike."""
    a = [(_key(f), _context(old, i)) for i, f in enumerate(old["findings"])]
    b = [(_key(f), _context(new, i)) for i, f in enumerate(new["findings"])]
    free_b: dict[tuple[tuple[str, str], str], list[int]] = {}
    for j, kc in enumerate(b):
        free_b.setdefault(kc, []).append(j)
    paired_a, paired_b = set(), set()
    for i, kc in enumerate(a):  # same rule, text and context: the same finding, maybe moved
        if free_b.get(kc):
            paired_b.add(free_b[kc].pop(0))
            paired_a.add(i)
    for i, (key, ctx) in enumerate(a):
        if i in paired_a:
            continue
        best, score = -1, -1.0
        for j, (key_b, ctx_b) in enumerate(b):
            if j in paired_b or key_b != key:
                continue
            ratio = difflib.SequenceMatcher(None, ctx, ctx_b).ratio()
            if ratio > score:
                best, score = j, ratio
        if best >= 0:
            paired_a.add(i)
            paired_b.add(best)
    removed = [f for i, f in enumerate(old["findings"]) if i not in paired_a]
    added = [f for j, f in enumerate(new["findings"]) if j not in paired_b]
    return removed, added, len(paired_a)


def _verdict(delta: float, direction: int) -> str:
    if not delta or not direction:
        return "same" if not delta else "changed"
    return "better" if delta * direction > 0 else "worse"


def compare_records(old: Record, new: Record) -> dict[str, Any]:
    metrics = []
    for key, direction in METRICS.items():
        a, b = old["metrics"].get(key), new["metrics"].get(key)
        if a is None or b is None:
            continue
        delta = round(float(b) - float(a), 2)
        metrics.append({"metric": key, "old": a, "new": b, "delta": delta, "verdict": _verdict(delta, direction)})
    n_old, n_new = len(old["findings"]), len(new["findings"])
    metrics.append({"metric": "findings", "old": n_old, "new": n_new, "delta": n_new - n_old,
                    "verdict": _verdict(n_new - n_old, -1)})
    families = sorted(set(old["counts"]) | set(new["counts"]))
    counts = [{"family": f, "old": old["counts"].get(f, 0), "new": new["counts"].get(f, 0),
               "delta": new["counts"].get(f, 0) - old["counts"].get(f, 0)} for f in families]
    removed, added, unchanged = match_findings(old, new)
    grade = next(m for m in metrics if m["metric"] == "flesch_kincaid_grade") if old["metrics"] else None
    return {
        "version": 1,
        "old": {"path": old["path"], "metrics": old["metrics"], "counts": old["counts"]},
        "new": {"path": new["path"], "metrics": new["metrics"], "counts": new["counts"]},
        "grade": grade,
        "metrics": metrics,
        "counts": counts,
        "added": added,
        "removed": removed,
        "unchanged": unchanged,
    }


def compare_files(old_path: str, new_path: str, old_config: Config, new_config: Config) -> dict[str, Any]:
    """Raises InputError when a file cannot be read."""
    old = check_text(read_source(old_path).text, old_config, old_path, safe_rewrite=False)
    new = check_text(read_source(new_path).text, new_config, new_path, safe_rewrite=False)
    for r in (old, new):
        r["metrics"].pop("paragraph_metrics", None)
    return compare_records(old, new)


def _line(f: dict[str, Any]) -> str:
    text = " ".join(str(f["text"]).split())
    if len(text) > 70:
        text = text[:69] + "…"
    where = f"{f['line']}:{f['column']}"
    return f"{where} {f['code']} “{text}”: {f['message']}" if text else f"{where} {f['code']}: {f['message']}"


def render_compare_md(c: dict[str, Any]) -> str:
    from rewriter.reporting.formats import md_escape

    g = c["grade"]
    head = f"## {md_escape(c['old']['path'])} → {md_escape(c['new']['path'])}"
    lines = [head, ""]
    if g:
        lines += [f"Grade {g['old']:.1f} → {g['new']:.1f} ({g['delta']:+.1f}, {g['verdict']}); "
                  f"{len(c['added'])} findings added, {len(c['removed'])} removed, {c['unchanged']} unchanged.", ""]
    lines += ["| Metric | Old | New | Change | |", "|---|---:|---:|---:|---|"]
    for m in c["metrics"]:
        lines.append(f"| {m['metric']} | {m['old']:g} | {m['new']:g} | {m['delta']:+g} | {m['verdict']} |")
    if c["counts"]:
        lines += ["", "| Family | Old | New | Change |", "|---|---:|---:|---:|"]
        lines += [f"| {x['family']} | {x['old']} | {x['new']} | {x['delta']:+d} |" for x in c["counts"]]
    for key, label in (("removed", "Removed (fixed)"), ("added", "Added (new problems)")):
        lines += ["", f"**{label}: {len(c[key])}**", ""]
        lines += [f"- {md_escape(_line(f), 200)}" for f in c[key]]
    return "\n".join(lines) + "\n"


def render_compare_html(c: dict[str, Any]) -> str:
    from rewriter.reporting.html import CSS

    g = c["grade"]
    title = f"{c['old']['path']} → {c['new']['path']}"
    parts = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">', f"<title>{escape(title)}</title>",
             f"<style>{CSS}</style></head><body>", f"<h1>{escape(title)}</h1>"]
    if g:
        parts.append(f"<p>Grade {g['old']:.1f} → {g['new']:.1f} ({g['delta']:+.1f}, {escape(g['verdict'])}); "
                     f"{len(c['added'])} findings added, {len(c['removed'])} removed, {c['unchanged']} unchanged.</p>")
    parts.append("<table><thead><tr><th>Metric</th><th>Old</th><th>New</th><th>Change</th><th></th></tr></thead><tbody>")
    for m in c["metrics"]:
        parts.append(f"<tr><td>{escape(m['metric'])}</td><td>{m['old']:g}</td><td>{m['new']:g}</td>"
                     f"<td>{m['delta']:+g}</td><td>{escape(m['verdict'])}</td></tr>")
    parts.append("</tbody></table>")
    for key, label in (("removed", "Removed (fixed)"), ("added", "Added (new problems)")):
        parts.append(f"<h2>{label}: {len(c[key])}</h2><ul>")
        parts += [f"<li>{escape(_line(f))}</li>" for f in c[key]]
        parts.append("</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_compare(c: dict[str, Any], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(json.dumps(c, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "html":
        out.write(render_compare_html(c))
    else:
        out.write(render_compare_md(c))


__all__ = ["compare_files", "compare_records", "render_compare_html", "render_compare_md", "write_compare"]
