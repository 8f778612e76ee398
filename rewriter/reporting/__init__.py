"""The batch report (``rewriter report``): a summary of a BatchResult and its renderers.

Renderers write to an open text stream and read full per-file records back from the batch's
spool one at a time, so a report over thousands of files never holds them all in memory.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rewriter.batch import BatchResult, Row

TOP_EXPRESSIONS = 20
WORST_FILES = 20
# the metric columns of the table and the CSV, in order
METRIC_COLUMNS = ("words", "sentences", "paragraphs", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog",
                  "smog_index", "coleman_liau_index", "automated_readability_index",
                  "dale_chall_readability_score", "reading_time_seconds", "hard_sentences", "very_hard_sentences")
FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv"}


def per_1000(n: float, words: float) -> float:
    return round(n / words * 1000.0, 2) if words else 0.0


def _quantile(sorted_values: Sequence[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    pos = (len(sorted_values) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def worst_files(rows: Sequence[Row], n: int = WORST_FILES) -> list[Row]:
    """The hardest files: highest Flesch-Kincaid grade, then most findings per 1,000 words."""
    ranked = sorted((r for r in rows if r.words), key=lambda r: (-r.grade, -per_1000(r.findings, r.words), r.path))
    return ranked[:n]


def families_of(result: BatchResult, known: Sequence[str] = ()) -> list[str]:
    seen = set(known) | set(result.by_family)
    for r in result.checked:
        seen.update(r.counts)
    return sorted(seen)


def summarize(result: BatchResult, *, top: int = TOP_EXPRESSIONS, worst: int = WORST_FILES) -> dict[str, Any]:
    rows = result.checked
    graded = [r for r in rows if r.words]
    grades = sorted(r.grade for r in graded)
    words = sum(r.words for r in rows)
    sentences = sum(r.sentences for r in rows)
    hard = int(sum(r.metrics.get("hard_sentences", 0) for r in rows))
    very_hard = int(sum(r.metrics.get("very_hard_sentences", 0) for r in rows))
    findings = sum(r.findings for r in rows)
    after = [r.grade_after for r in graded if r.grade_after is not None]
    targets = {r.metrics.get("target_grade") for r in rows if "target_grade" in r.metrics}
    grade: dict[str, float | None] = {
        "mean": round(statistics.fmean(grades), 2) if grades else None,
        "stdev": round(statistics.pstdev(grades), 2) if grades else None,
        "median": round(statistics.median(grades), 2) if grades else None,
        "p10": round(_quantile(grades, 0.1), 2) if grades else None,
        "p90": round(_quantile(grades, 0.9), 2) if grades else None,
        "min": grades[0] if grades else None,
        "max": grades[-1] if grades else None,
    }
    return {
        "files": len(result.rows),
        "files_checked": len(rows),
        "files_failed": len(result.errors),
        "words": words,
        "sentences": sentences,
        "grade": grade,
        "target_grade": targets.pop() if len(targets) == 1 else None,
        "files_above_target": sum(1 for r in graded if r.grade > r.metrics.get("target_grade", math.inf)),
        "findings": findings,
        "findings_per_1000_words": per_1000(findings, words),
        "hard_sentences": hard,
        "very_hard_sentences": very_hard,
        "hard_sentence_share": round((hard + very_hard) / sentences, 4) if sentences else 0.0,
        "by_family": dict(sorted(result.by_family.items())),
        "by_severity": dict(sorted(result.by_severity.items())),
        "top_expressions": [{"code": code, "text": text, "count": n}
                            for (code, text), n in sorted(result.expressions.items(),
                                                          key=lambda kv: (-kv[1], kv[0]))[:top]],
        "worst_files": [{"path": r.path, "grade": r.grade, "findings": r.findings,
                         "findings_per_1000_words": per_1000(r.findings, r.words)}
                        for r in worst_files(rows, worst)],
        "safe_rewrite": {
            "files_changed": sum(1 for r in rows if r.applied),
            "fixes_applied": sum(r.applied for r in rows),
            "grade_mean_after": round(statistics.fmean(after), 2) if after else None,
        },
        "notes": dict(result.notes),
    }


__all__ = ["FORMATS", "METRIC_COLUMNS", "families_of", "per_1000", "summarize", "worst_files"]
