"""GitHub Actions annotations (``--format github``) and ``--statistics``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rewriter.cli import main
from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity
from rewriter.render.github import escape_data, escape_property, render_github
from rewriter.render.statistics import render_statistics, statistics

TEXT = "Budget talks resumed.\nThe plan was, in order to save money, cut.\nA harbinger."


def _f(code: str, phrase: str, severity: Severity, message: str, fix: Fix | None = None) -> Finding:
    start = TEXT.index(phrase)
    return Finding(code, code.lower(), "test", severity, start, start + len(phrase), message, fix)


def _report(path: str = "drafts/budget.md") -> Report:
    w = TEXT.index("in order to")
    h = TEXT.index("harbinger")
    return Report(path, TEXT, (
        _f("WRD001", "in order to", Severity.WARNING, "'in order to' is wordy",
           Fix((Edit(w, w + 11, "to"),), Applicability.SAFE, "Replace with 'to'")),
        _f("PAS001", "was, in order to save money, cut", Severity.INFO, "passive"),
        _f("INF001", "harbinger", Severity.ERROR, "'harbinger' is inflated",
           Fix((Edit(h, h + 9, "sign"),), Applicability.UNSAFE, "Replace with 'sign'")),
    ), {})


def test_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_data("a: b, c") == "a: b, c"  # ':' and ',' are fine in the message
    assert escape_property("dir, one/a:b%.md\n") == "dir%2C one/a%3Ab%25.md%0A"


def test_one_annotation_per_finding_with_level_by_severity() -> None:
    lines = render_github([_report()]).splitlines()
    assert lines == [
        "::warning file=drafts/budget.md,line=2,col=15,endLine=2,endColumn=26,title=WRD001::"
        "'in order to' is wordy (→ to)",
        "::notice file=drafts/budget.md,line=2,col=10,endLine=2,endColumn=42,title=PAS001::passive",
        "::error file=drafts/budget.md,line=3,col=3,endLine=3,endColumn=12,title=INF001::"
        "'harbinger' is inflated (→ sign)",
    ]


def test_properties_and_message_are_escaped() -> None:
    report = Report("news, local/a:b.md", "x", (
        Finding("HSE001", "house", "house", Severity.WARNING, 0, 1, "100% sure\nreally"),), {})
    (line,) = render_github([report]).splitlines()
    assert line == ("::warning file=news%2C local/a%3Ab.md,line=1,col=1,endLine=1,endColumn=2,"
                    "title=HSE001::100%25 sure%0Areally")


def test_notes_and_errors_are_annotations_too() -> None:
    report = Report("a.md", "Calm.", (), {}, notes=("LanguageTool unreachable",))
    out = render_github([report], ["b.md: no such file"])
    assert out.splitlines() == ["::notice file=a.md,title=rewriter::LanguageTool unreachable",
                                "::error title=rewriter::b.md: no such file"]


def test_nothing_to_say_prints_nothing() -> None:
    assert render_github([Report("a.md", "Calm.", (), {})]) == ""


def test_every_line_is_a_workflow_command() -> None:
    pattern = re.compile(r"^::(error|warning|notice)( [A-Za-z]+=[^,:]*(,[A-Za-z]+=[^,:]*)*)?::.*$")
    for line in render_github([_report(), _report("other.txt")], ["x: bad"]).splitlines():
        assert pattern.match(line), line


def test_statistics_counts_per_code_most_frequent_first() -> None:
    rows = statistics([_report(), _report("b.md")])
    assert [(r["code"], r["count"], r["fixable"]) for r in rows] == [
        ("INF001", 2, 0), ("PAS001", 2, 0), ("WRD001", 2, 2)]
    text = render_statistics([_report()])
    assert text.splitlines() == [
        "1\tINF001\t    inf001",
        "1\tPAS001\t    pas001",
        "1\tWRD001\t[*] wrd001",
        "Found 3 findings.",
        "[*] fixable with `rewriter fix`.",
    ]
    assert json.loads(render_statistics([_report()], "json"))[2] == {
        "code": "WRD001", "name": "wrd001", "count": 1, "fixable": 1}
    assert render_statistics([]) == ""


@pytest.mark.slow
def test_check_format_github_and_statistics_end_to_end(house_lexicon: Path, isolated_cwd: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (isolated_cwd / ".rewriter.toml").write_text(
        f'select = ["TST"]\nextra-lexicons = ["{house_lexicon.as_posix()}"]\n', encoding="utf-8")
    (isolated_cwd / "a.md").write_text("A harbinger, then a zorblax.\n", encoding="utf-8")
    (isolated_cwd / "b.txt").write_text("We met in order to vote on the zorblax.\n", encoding="utf-8")
    assert main(["check", "a.md", "b.txt", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("::warning file=a.md,line=1,col=3,endLine=1,endColumn=12,title=TST001::"
                      "'harbinger' is house-banned; try 'sign' (→ sign)")
    assert len(out) == 4 and all(line.startswith("::warning ") for line in out)

    assert main(["check", "a.md", "b.txt", "--statistics"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == "4\tTST001\t[*] test-house-word"
    assert main(["check", "a.md", "b.txt", "--statistics", "--format", "json", "--exit-zero"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"code": "TST001", "name": "test-house-word", "count": 4, "fixable": 3}]
