"""The register score: how inflated, promotional or machine-like a draft reads, 0 to 100.

It is a density, not a verdict. Each finding of the register families earns points:

==========================================  ======
finding                                      points
==========================================  ======
inflated word or phrase (INF), cliché (CLI)    1.0
empty closing comment (SEN002), empty opener    1.5
(SEN003)
hedge (HDG001), house style (NWS), wordy        0.5
phrase (WRD), redundancy (RED),
nominalization (NOM)
==========================================  ======

``density`` is the points per 100 words, plus 0.15 for each grade of Flesch-Kincaid above 12.
The score maps the density onto 0-100 with ``100 * d / (d + HALF)``: a draft at ``HALF`` points
per 100 words scores 50. ``HALF`` is set between plain human news (Brown press paragraphs) and
machine-written or inflated copy (Wikipedia's "signs of AI writing" examples and the project's
own inflated paragraphs); ``benchmarks/register_eval.py`` measures the separation (AUROC).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rewriter.model import Finding

POINTS = (("SEN002", 1.5), ("SEN003", 1.5), ("INF", 1.0), ("CLI", 1.0), ("HDG001", 0.5), ("NWS", 0.5),
          ("WRD", 0.5), ("RED", 0.5), ("NOM", 0.5))
GRADE_FROM = 12.0
GRADE_POINTS = 0.15
HALF = 2.0  # points per 100 words that score 50 (benchmarks/register_eval.py)


def points(code: str) -> float:
    return next((p for prefix, p in POINTS if code.startswith(prefix)), 0.0)


def register_density(findings: Iterable[Finding], metrics: Mapping[str, Any]) -> float:
    words = int(metrics.get("words", 0) or 0)
    if words <= 0:
        return 0.0
    total = sum(points(f.code) for f in findings)
    grade = float(metrics.get("flesch_kincaid_grade", 0.0) or 0.0)
    return 100.0 * total / words + GRADE_POINTS * max(0.0, grade - GRADE_FROM)


def register_score(findings: Iterable[Finding], metrics: Mapping[str, Any]) -> float:
    """0 (plain) to 100 (inflated); the formula is in the module docstring."""
    d = register_density(findings, metrics)
    return round(100.0 * d / (d + HALF), 1)
