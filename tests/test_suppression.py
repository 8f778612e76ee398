"""Suppression comments (<!-- rewriter: ... -->) and the RW rules: RW100 unused, RW101 unknown
code, RW102 invalid directive.

Most tests run the suppression step on hand-made findings (no spaCy); a few run ``analyze``."""

from __future__ import annotations

from pathlib import Path

import pytest

from rewriter import Config, analyze
from rewriter.document import Document
from rewriter.model import Finding, Severity
from rewriter.rules import all_rules, find_rule
from rewriter.rules.base import Context
from rewriter.rules.suppression import INFOS, apply_suppressions, parse_directives

KNOWN = frozenset({"INF001", "INF002", "WRD001", "PAS001", "RD001", "RD004", "RW100", "RW101", "RW102"})


def _finding(text: str, phrase: str, code: str = "INF001", nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Finding(code, f"rule-{code.lower()}", "test", Severity.WARNING, start, start + len(phrase),
                   f"'{phrase}' flagged")


def _run(text: str, findings: list[Finding], enabled: frozenset[str] = KNOWN) -> list[Finding]:
    ctx = Context(config=Config(), enabled=enabled, capabilities=frozenset())
    return apply_suppressions(Document.from_text(text), findings, ctx, KNOWN)


def _kept(result: list[Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in result if f.family != "RW"]


def _rw(result: list[Finding]) -> list[str]:
    return [f.code for f in result if f.family == "RW"]


def test_off_on_hides_everything_between_and_nothing_after() -> None:
    text = ("The tide was a herald of autumn.\n\n"
            "<!-- rewriter: off -->\n"
            "The orchestra will embark on a tour.\n"
            "<!-- rewriter: on -->\n\n"
            "The mayor will embark on a reform.\n")
    found = [_finding(text, "herald"), _finding(text, "embark"), _finding(text, "embark", nth=1)]
    result = _run(text, found)
    assert [f.start for f in result] == [found[0].start, found[2].start]
    assert _rw(result) == []


def test_off_without_on_runs_to_the_end() -> None:
    text = "First paragraph is fine.\n\n<!-- rewriter: off -->\n\nA bustling hub.\n\nA vibrant scene.\n"
    result = _run(text, [_finding(text, "bustling"), _finding(text, "vibrant")])
    assert result == []


def test_disable_enable_by_code_and_prefix() -> None:
    text = ("<!-- rewriter: disable INF001, wrd001 -->\n"
            "Crews worked tirelessly in order to finish. The plan was approved.\n"
            "<!-- rewriter: enable INF001,WRD001 -->\n\n"
            "Crews worked tirelessly in order to finish again.\n")
    found = [_finding(text, "tirelessly"), _finding(text, "in order to", "WRD001"),
             _finding(text, "was approved", "PAS001"),
             _finding(text, "tirelessly", nth=1), _finding(text, "in order to", "WRD001", nth=1)]
    result = _run(text, found)
    assert [(f.code, f.start) for f in result] == [
        ("PAS001", found[2].start), ("INF001", found[3].start), ("WRD001", found[4].start)]


def test_disable_a_prefix_hides_the_whole_family() -> None:
    text = "<!-- rewriter: disable INF -->\nA pivotal and transformative moment, due to the fact that it rained.\n"
    found = [_finding(text, "pivotal"), _finding(text, "transformative", "INF002"),
             _finding(text, "due to the fact that", "WRD001")]
    assert [f.code for f in _run(text, found)] == ["WRD001"]


def test_enable_closes_codes_one_at_a_time() -> None:
    text = ("<!-- rewriter: disable INF001 WRD001 -->\nOne pivotal step in order to win.\n"
            "<!-- rewriter: enable WRD001 -->\nTwo pivotal steps in order to win.\n"
            "<!-- rewriter: enable INF001 -->\nThree pivotal steps.\n")
    found = [_finding(text, "pivotal"), _finding(text, "in order to", "WRD001"),
             _finding(text, "pivotal", nth=1), _finding(text, "in order to", "WRD001", nth=1),
             _finding(text, "pivotal", nth=2)]
    result = _run(text, found)
    assert [(f.code, f.start) for f in result] == [("WRD001", found[3].start), ("INF001", found[4].start)]


def test_disable_without_codes_means_all_rules() -> None:
    text = "<!-- rewriter: disable -->\nA pivotal step in order to win.\n<!-- rewriter: enable -->\nA pivotal end.\n"
    found = [_finding(text, "pivotal"), _finding(text, "in order to", "WRD001"), _finding(text, "pivotal", nth=1)]
    assert [f.start for f in _run(text, found)] == [found[2].start]


def test_ignore_covers_the_next_paragraph_only() -> None:
    text = ("<!-- rewriter: ignore INF001 -->\n"
            "The new bridge is a testament to patience,\n"
            "and a pivotal link for commuters.\n\n"
            "The old bridge was a pivotal link too.\n")
    found = [_finding(text, "testament"), _finding(text, "pivotal"), _finding(text, "pivotal", nth=1)]
    result = _run(text, found)
    assert [f.start for f in result] == [found[2].start]
    assert _rw(result) == []


def test_ignore_only_the_named_code() -> None:
    text = "<!-- rewriter: ignore PAS001 -->\nThe law was passed in order to help.\n"
    found = [_finding(text, "was passed", "PAS001"), _finding(text, "in order to", "WRD001")]
    assert [f.code for f in _run(text, found)] == ["WRD001"]


def test_ignore_written_at_the_start_of_its_paragraph() -> None:
    text = "<!-- rewriter: ignore INF001 --> A pivotal vote.\n\nAnother pivotal vote.\n"
    found = [_finding(text, "pivotal"), _finding(text, "pivotal", nth=1)]
    assert [f.start for f in _run(text, found)] == [found[1].start]


def test_unused_suppressions_are_reported_where_they_are_written() -> None:
    text = ("<!-- rewriter: ignore INF001, PAS001 -->\n"
            "The council was told about the plan.\n\n"
            "<!-- rewriter: off -->\nNothing to see.\n<!-- rewriter: on -->\n")
    found = [_finding(text, "was told", "PAS001")]
    result = _run(text, found)
    unused = [f for f in result if f.code == "RW100"]
    assert len(unused) == 2
    inf = unused[0]
    assert text[inf.start:inf.end] == "INF001"
    assert "INF001" in inf.message and "remove" in inf.message
    whole = unused[1]
    assert text[whole.start:whole.end] == "<!-- rewriter: off -->"
    assert "PAS001" not in "".join(f.message for f in unused)  # PAS001 did hide something
    assert all(f.severity is Severity.INFO and f.fix is None for f in unused)


def test_unused_suppression_of_a_rule_that_is_not_enabled_says_so() -> None:
    text = "<!-- rewriter: ignore RD001 -->\nShort line.\n"
    result = _run(text, [], enabled=KNOWN - {"RD001"})
    (only,) = result
    assert only.code == "RW100" and "not enabled" in only.message


def test_unknown_code_is_rw101_and_not_also_unused() -> None:
    text = "<!-- rewriter: ignore PASS001, INF001 -->\nA pivotal day.\n"
    result = _run(text, [_finding(text, "pivotal")])
    assert _rw(result) == ["RW101"]
    (bad,) = result
    assert text[bad.start:bad.end] == "PASS001"
    assert "PASS001" in bad.message
    assert bad.severity is Severity.WARNING


def test_unknown_prefix_and_all_keyword() -> None:
    text = "<!-- rewriter: disable XYZ -->\n<!-- rewriter: ignore all -->\nA pivotal day.\n"
    result = _run(text, [_finding(text, "pivotal")])
    assert _rw(result) == ["RW101"]  # XYZ unknown; ALL is a keyword and was used


@pytest.mark.parametrize(
    ("comment", "words"),
    [
        ("<!-- rewriter: of -->", "'of' is not a directive"),
        ("<!-- rewriter: -->", "no directive"),
        ("<!-- rewriter: on -->", "without an 'off'"),
        ("<!-- rewriter: enable INF001 -->", "without a matching 'disable'"),
        ("<!-- rewriter: off INF001 -->", "'off' takes no codes"),
        ("<!-- Rewriter: Disable-all -->", "not a directive"),
    ],
)
def test_invalid_directives_are_rw102(comment: str, words: str) -> None:
    text = f"{comment}\nA calm paragraph.\n"
    result = _run(text, [])
    assert [f.code for f in result] == ["RW102"]
    assert words in result[0].message
    assert (result[0].start, result[0].end) == (0, len(comment))


def test_second_off_is_rw102_and_the_first_still_counts() -> None:
    text = "<!-- rewriter: off -->\nA pivotal day.\n<!-- rewriter: off -->\n<!-- rewriter: on -->\nA pivotal night.\n"
    result = _run(text, [_finding(text, "pivotal"), _finding(text, "pivotal", nth=1)])
    assert [f.code for f in result] == ["RW102", "INF001"]


def test_directive_is_case_insensitive_in_keyword_and_codes() -> None:
    text = "<!-- REWRITER:  IGNORE  inf001 -->\nA pivotal day.\n"
    assert _run(text, [_finding(text, "pivotal")]) == []


def test_text_after_two_dashes_is_a_note_not_codes() -> None:
    text = "<!-- rewriter: ignore PAS001 -- the actor is unknown -->\nThe shop was robbed.\n"
    assert _run(text, [_finding(text, "was robbed", "PAS001")]) == []


def test_directives_inside_code_are_examples_not_directives() -> None:
    text = ("To silence the checker, write `<!-- rewriter: off -->` above the text.\n\n"
            "```\n<!-- rewriter: ignore INF001 -->\n```\n\n"
            "A pivotal day.\n")
    doc = Document.from_text(text)
    assert parse_directives(doc, KNOWN).suppressions == []
    assert [f.code for f in _run(text, [_finding(text, "pivotal")])] == ["INF001"]


def test_rw_findings_follow_the_enabled_codes_and_are_never_suppressed_by_directives() -> None:
    text = "<!-- rewriter: disable ALL -->\n<!-- rewriter: ignore NOPE001 -->\nCalm text.\n"
    assert _rw(_run(text, [], enabled=KNOWN - {"RW100", "RW101", "RW102"})) == []
    assert sorted(_rw(_run(text, []))) == ["RW100", "RW101"]


def test_rw_codes_in_a_directive_point_to_the_configuration() -> None:
    text = "<!-- rewriter: ignore RW102 -->\n<!-- rewriter: of -->\nCalm text.\n"
    result = _run(text, [])
    assert [f.code for f in result] == ["RW100", "RW102"]
    assert 'use ignore = ["RW102"] in the configuration' in result[0].message


def test_result_is_sorted_by_position() -> None:
    text = "<!-- rewriter: ignore NOPE001 -->\nA pivotal day.\n<!-- rewriter: of -->\n"
    result = _run(text, [_finding(text, "pivotal")])
    assert [f.start for f in result] == sorted(f.start for f in result)
    assert [f.code for f in result] == ["RW101", "INF001", "RW102"]


def test_rw_rules_are_registered_and_documented() -> None:
    codes = {i.code for i in all_rules()}
    assert {"RW100", "RW101", "RW102"} <= codes
    for info in INFOS:
        assert find_rule(info.code) is info
        assert find_rule(info.name) is info
        doc = info.doc()
        for section in ("## What it does", "## Why it matters", "## Example", "## Fix safety"):
            assert section in doc
        assert info.what and info.why and info.example


def test_rw100_and_rw101_names_match_the_issue() -> None:
    assert find_rule("RW100").name == "unused-suppression"  # type: ignore[union-attr]
    assert find_rule("RW101").name == "unknown-code"  # type: ignore[union-attr]


# --- through analyze (loads the trained pipeline) ---------------------------------------------


@pytest.mark.slow
def test_analyze_applies_directives_with_a_house_lexicon(house_lexicon: Path) -> None:
    text = ("The zorblax stayed on the agenda.\n\n"
            "<!-- rewriter: off -->\n"
            "Staff met in order to talk about the zorblax.\n"
            "<!-- rewriter: on -->\n\n"
            "<!-- rewriter: ignore TST001 -->\n"
            "The zorblax came back.\n\n"
            "<!-- rewriter: ignore TST001 -->\n"
            "Nothing here.\n\n"
            "<!-- rewriter: ignore TSX001 -->\n"
            "We met in order to vote.\n")
    config = Config(extra_lexicons=(str(house_lexicon),), select=("TST", "RW"))
    report = analyze(text, config, "story.md")
    got = [(f.code, text[f.start:f.end]) for f in report.findings]
    assert got == [("TST001", "zorblax"), ("RW100", "TST001"), ("RW101", "TSX001"), ("TST001", "in order to")]


@pytest.mark.slow
def test_analyze_rw_respects_select_and_ignore(house_lexicon: Path) -> None:
    text = "<!-- rewriter: ignore TST001 -->\nA calm paragraph.\n"
    base = Config(extra_lexicons=(str(house_lexicon),))
    assert [f.code for f in analyze(text, base.replace(select=("TST",))).findings] == []
    assert [f.code for f in analyze(text, base.replace(select=("TST", "RW"))).findings] == ["RW100"]
    assert [f.code for f in analyze(text, base.replace(select=("TST", "RW"), ignore=("RW100",))).findings] == []
