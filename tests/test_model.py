"""The data model: ranges, edits, fixes, applicability and severity."""

from __future__ import annotations

import dataclasses

import pytest

from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity, TextRange


def test_text_range_rejects_negative_and_reversed() -> None:
    with pytest.raises(ValueError):
        TextRange(-1, 3)
    with pytest.raises(ValueError):
        TextRange(5, 4)
    assert len(TextRange(3, 3)) == 0
    assert len(TextRange(2, 7)) == 5


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 5), (5, 9), False),  # touching half-open ranges do not intersect
        ((0, 5), (4, 9), True),
        ((3, 4), (0, 10), True),
        ((0, 10), (3, 4), True),
        ((6, 9), (0, 5), False),
    ],
)
def test_text_range_intersects(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert TextRange(*a).intersects(TextRange(*b)) is expected
    assert TextRange(*b).intersects(TextRange(*a)) is expected


def test_text_range_contains_and_order() -> None:
    outer = TextRange(0, 10)
    assert outer.contains(TextRange(0, 10))
    assert outer.contains(TextRange(3, 3))
    assert not outer.contains(TextRange(5, 11))
    assert sorted([TextRange(4, 6), TextRange(1, 9), TextRange(1, 2)]) == [
        TextRange(1, 2), TextRange(1, 9), TextRange(4, 6)]


def test_applicability_order_labels_and_parse() -> None:
    assert Applicability.SAFE > Applicability.UNSAFE > Applicability.DISPLAY_ONLY
    assert Applicability.DISPLAY_ONLY.label == "display-only"
    assert Applicability.SAFE.label == "safe"
    assert Applicability.parse("display-only") is Applicability.DISPLAY_ONLY
    assert Applicability.parse(" Unsafe ") is Applicability.UNSAFE
    with pytest.raises(ValueError, match="maybe"):
        Applicability.parse("maybe")


def test_severity_order_labels_and_parse() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert Severity.parse("Warning") is Severity.WARNING
    assert Severity.INFO.label == "info"
    with pytest.raises(ValueError, match="fatal"):
        Severity.parse("fatal")


def test_fix_range_spans_all_edits() -> None:
    fix = Fix((Edit(10, 12, "a"), Edit(3, 5, ""), Edit(20, 20, "x")), Applicability.SAFE, "t")
    assert fix.range == TextRange(3, 20)
    assert Edit(4, 9, "z").range == TextRange(4, 9)


def test_finding_family_and_range() -> None:
    f = Finding("INF001", "inflated-word", "inflated", Severity.WARNING, 4, 13, "m")
    assert f.family == "INF"
    assert f.range == TextRange(4, 13)
    assert Finding("RD005", "g", "readability", Severity.INFO, 0, 0, "m").family == "RD"
    assert f.fix is None and dict(f.data) == {}


def test_model_objects_are_frozen() -> None:
    f = Finding("PAS001", "passive-voice", "passive", Severity.INFO, 0, 3, "m")
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Edit(0, 1, "a").replacement = "b"  # type: ignore[misc]
    r = Report("p", "text", (f,), {})
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.path = "q"  # type: ignore[misc]
