"""The data model: code families, edits, fixes, applicability and severity."""

from __future__ import annotations

import dataclasses

import pytest

from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity, code_family


@pytest.mark.parametrize(("code", "family"), [("INF001", "INF"), ("RD0", "RD"), ("RD", "RD"), ("HSE001", "HSE"),
                                             ("SEN004", "SEN"), ("ALL", "ALL")])
def test_code_family_is_the_letters(code: str, family: str) -> None:
    assert code_family(code) == family


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


def test_fix_holds_its_edits_and_defaults_to_no_alternatives() -> None:
    fix = Fix((Edit(10, 12, "a"), Edit(3, 5, "")), Applicability.SAFE, "t")
    assert [(e.start, e.end, e.replacement) for e in fix.edits] == [(10, 12, "a"), (3, 5, "")]
    assert (fix.alternatives, fix.option_edits, fix.why_not) == ((), (), "")


def test_finding_family() -> None:
    f = Finding("INF001", "inflated-word", "inflated", Severity.WARNING, 4, 13, "m")
    assert f.family == "INF"
    assert (f.start, f.end) == (4, 13)
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
