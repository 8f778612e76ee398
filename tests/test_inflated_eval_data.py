"""The inflated-news evaluation set (benchmarks/data/inflated_news.jsonl) is well formed.

Plain JSON and regular expressions only: no spaCy, so these run in a fraction of a second.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

DATA_DIR = Path(__file__).resolve().parent.parent / "benchmarks" / "data"
# the tuning set, and two held-out sets written without reading the lexicons (never tune on them)
SETS = {
    "inflated_news.jsonl": (30, r"inf-\d\d"),
    "inflated_news_heldout.jsonl": (20, r"held-\d\d"),
    "inflated_news_heldout2.jsonl": (20, r"held2-\d\d"),
    # a development set written for issue 10 before the lexicons were read (tuning data)
    "inflated_news_dev3.jsonl": (30, r"dev3-\d\d"),
    # a development set written blind for issue 10 on 2026-12-04 (tuning data)
    "inflated_news_dev4.jsonl": (30, r"dev4-\d\d"),
}
KEYS = {"id", "text", "inflated", "plain"}
QUOTE = re.compile(r'"[^"\n]*"|“[^”\n]*”')
DIGITS = re.compile(r"\d+")
# a sentence ends at . ! or ? (and a closing quotation mark), before a space and a capital or opening quote
SENTENCE_END = re.compile(r'(?<=[.!?])["”]?\s+(?=["“]?[A-Z])')


def _load(name: str) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate((DATA_DIR / name).read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"line {n} is empty"
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:  # pragma: no cover - the message is the point
            pytest.fail(f"{name} line {n} is not valid JSON: {e}")
    for row in rows:
        row["_set"] = name
    return rows


ROWS = [row for name in SETS for row in _load(name)]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTE.finditer(text)]


def _occurrences(needle: str, text: str, *, ignore_case: bool = False) -> list[int]:
    flags = re.I if ignore_case else 0
    return [m.start() for m in re.finditer(re.escape(needle), text, flags)]


def _inside(pos: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and pos < e for s, e in spans)


@pytest.mark.parametrize("name", sorted(SETS))
def test_each_set_has_its_rows_with_unique_ids_and_the_four_keys(name: str) -> None:
    count, pattern = SETS[name]
    rows = [row for row in ROWS if row["_set"] == name]
    assert len(rows) == count
    for row in rows:
        assert set(row) - {"_set"} == KEYS, row.get("id")
        assert re.fullmatch(pattern, row["id"]), row["id"]
        assert isinstance(row["inflated"], list) and all(isinstance(x, str) and x for x in row["inflated"])
        assert row["plain"].strip(), f"{row['id']}: no plain rewrite"
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), [i for i, k in Counter(ids).items() if k > 1]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_paragraph_shape(row: dict[str, Any]) -> None:
    sentences = SENTENCE_END.split(row["text"])
    assert 2 <= len(sentences) <= 4, f"{row['id']}: {len(sentences)} sentences"
    assert 3 <= len(row["inflated"]) <= 8, f"{row['id']}: {len(row['inflated'])} annotated expressions"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_inflated_items_are_in_the_text_and_outside_quotations(row: dict[str, Any]) -> None:
    text = row["text"]
    spans = _quoted_spans(text)
    for item, listed in Counter(row["inflated"]).items():
        found = _occurrences(item, text)
        assert found, f"{row['id']}: {item!r} is not a substring of the text"
        outside = [p for p in found if not _inside(p, p + len(item), spans)]
        assert len(outside) >= listed, f"{row['id']}: {item!r} listed {listed} times, in the text {len(outside)}"
        # removal is counted case-insensitively over the whole text: no copy may hide in a quotation
        quoted = [p for p in _occurrences(item, text, ignore_case=True) if _inside(p, p + len(item), spans)]
        assert not quoted, f"{row['id']}: {item!r} occurs inside a quotation"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_plain_keeps_the_numbers_and_quotations(row: dict[str, Any]) -> None:
    have = Counter(DIGITS.findall(row["plain"]))
    for number, k in Counter(DIGITS.findall(row["text"])).items():
        assert have[number] >= k, f"{row['id']}: number {number} missing from plain"
    for m in QUOTE.finditer(row["text"]):
        assert m.group() in row["plain"], f"{row['id']}: quotation {m.group()!r} missing from plain"


def test_quotation_marks_are_balanced() -> None:
    for row in ROWS:
        for field in ("text", "plain"):
            assert row[field].count('"') % 2 == 0, f"{row['id']} {field}: odd number of straight quotes"
            assert row[field].count("“") == row[field].count("”"), f"{row['id']} {field}: curly quotes unbalanced"


def test_several_long_sentences() -> None:
    long = [s for row in ROWS for s in SENTENCE_END.split(row["text"]) if len(s.split()) > 30]
    assert len(long) >= 5, f"only {len(long)} sentences over 30 words"
