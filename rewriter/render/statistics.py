"""``check --statistics``: how many findings each code has, most frequent first (as ruff does)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from rewriter.model import Applicability, Report


def statistics(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """One row per code: code, name, count, and how many of them ``fix`` can apply (safe fixes)."""
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    names: dict[str, str] = {}
    for r in reports:
        for f in r.findings:
            counts[f.code] += 1
            names[f.code] = f.name
            if f.fix is not None and f.fix.applicability is Applicability.SAFE:
                fixable[f.code] += 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"code": code, "name": names[code], "count": n, "fixable": fixable[code]} for code, n in rows]


def render_statistics(reports: Sequence[Report], fmt: str = "text") -> str:
    rows = statistics(reports)
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if not rows:
        return ""
    width = max(len(str(r["count"])) for r in rows)
    code_width = max(len(r["code"]) for r in rows)
    out = []
    for r in rows:
        mark = "[*]" if r["fixable"] else "   "
        out.append(f"{r['count']:>{width}}\t{r['code']:<{code_width}}\t{mark} {r['name']}")
    total = sum(r["count"] for r in rows)
    out.append(f"Found {total} finding{'s' if total != 1 else ''}.")
    if any(r["fixable"] for r in rows):
        out.append("[*] fixable with `rewriter fix`.")
    return "\n".join(out) + "\n"


__all__ = ["render_statistics", "statistics"]
