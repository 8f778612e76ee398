"""`rewriter report`: the HTML, JSON, CSV and Markdown reports and --compare."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from _desk import DRAFTS, make_desk

from rewriter.cli import main


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_desk(tmp_path_factory.mktemp("report"))


def _report(desk: Path, name: str, *extra: str) -> str:
    out = desk.parent / name
    assert main(["report", str(desk), "-o", str(out), "--jobs", "1", *extra]) == 0
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report_json(desk: Path) -> dict[str, Any]:
    return json.loads(_report(desk, "report.json"))  # type: ignore[no-any-return]


# ---------------------------------------------------------------- JSON


def test_json_has_the_version_1_schema_per_file_and_a_summary(desk: Path, report_json: dict[str, Any]) -> None:
    data = report_json
    assert list(data) == ["version", "files", "summary", "errors"] and data["version"] == 1
    paths = [Path(f["path"]).relative_to(desk).as_posix() for f in data["files"]]
    assert paths == ["a.md", "b.txt", "c.md", "sub/d.markdown", "sub/e.txt"]
    for f in data["files"]:
        assert {"path", "metrics", "findings", "notes", "counts", "safe_rewrite"} <= set(f)
        assert "index" not in f and "context" not in f
        assert {"words", "sentences", "flesch_kincaid_grade", "hard_sentences"} <= set(f["metrics"])
        text = Path(f["path"]).read_bytes().decode("utf-8")
        for finding in f["findings"]:
            assert {"code", "name", "category", "severity", "message", "start", "end", "line", "column",
                    "end_line", "end_column", "text", "fix"} <= set(finding)
            assert text[finding["start"] : finding["end"]] == finding["text"]  # CRLF file included
    errors = {Path(e["path"]).name: e["message"] for e in data["errors"]}
    assert set(errors) == {"bad.txt", "empty.md"}
    s = data["summary"]
    assert s["files"] == 7 and s["files_checked"] == 5 and s["files_failed"] == 2
    assert s["words"] == sum(f["metrics"]["words"] for f in data["files"])
    assert s["findings"] == sum(len(f["findings"]) for f in data["files"])
    assert s["findings_per_1000_words"] == pytest.approx(s["findings"] / s["words"] * 1000, abs=0.01)
    assert {"mean", "stdev", "median", "min", "max"} <= set(s["grade"])
    assert 0 <= s["hard_sentence_share"] <= 1
    assert s["by_family"]["RPT"] == 5  # 'in order to' in a, c and d; 'harbinger' in a; 'zorblax' in c
    top = {(e["code"], e["text"]): e["count"] for e in s["top_expressions"]}
    assert top[("RPT001", "in order to")] == 3
    assert s["worst_files"][0]["path"].endswith("b.txt")
    assert s["safe_rewrite"]["fixes_applied"] == 4 and s["safe_rewrite"]["files_changed"] == 3


def test_json_files_match_check_format_json(desk: Path, report_json: dict[str, Any],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--format", "json", str(desk / "a.md"), str(desk / "sub")])
    checked = {f["path"]: f for f in json.loads(capsys.readouterr().out)["files"]}
    assert checked
    for f in report_json["files"]:
        if f["path"] in checked:
            assert f["metrics"] == checked[f["path"]]["metrics"]
            assert f["findings"] == checked[f["path"]]["findings"]


# ---------------------------------------------------------------- HTML


@pytest.fixture(scope="module")
def html(desk: Path) -> str:
    pytest.importorskip("matplotlib", reason="the report extra is not installed")
    return _report(desk, "report.html", "--title", "Desk <audit>")


def test_html_is_self_contained(html: str) -> None:
    low = html.lower()
    for bad in ('src="http', "src='http", 'href="http', "href='http", "<script src", "<link", "@import",
                "url(http", "url(//", "<img", "<iframe", "<object", "<embed", 'src="//', "<!doctype svg"):
        assert bad not in low, bad
    assert low.startswith("<!doctype html>")
    assert "<style>" in low
    # every script is inline; the only URLs are SVG namespace names
    assert re.findall(r"<script[^>]*>", low) == ["<script>"]
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def test_html_has_summary_charts_table_and_per_file_sections(html: str) -> None:
    assert "<title>Desk &lt;audit&gt;</title>" in html
    for caption in ("files checked", "words", "mean grade", "findings per 1,000 words", "hard or very hard sentences"):
        assert caption in html
    assert html.count("<svg") == 5  # grade and register distributions, families, top expressions, worst files
    assert "<th>Register</th>" in html
    for label in ("Grade distribution", "Register distribution", "Findings by family", "Top flagged expressions",
                  "Worst files by grade"):
        assert f'aria-label="{label}"' in html
    assert '<table class="sortable">' in html and "aria-sort" in html  # the inline sorting script
    table = html[html.index('<table class="sortable">') : html.index("</table>")]
    assert table.count("<tr>") == 1 + 5  # header + one row per checked file
    assert html.count("<details id=") == 5
    assert "<mark>in order to</mark>" in html
    assert "→ “to”" in html and "safe fix" in html
    assert "council <del>in order </del>to save money" in html  # the safe rewrite, word by word
    assert "<del>zorblax</del>" in html and "<ins>plain</ins>" in html
    assert "Could not check (2)" in html and "looks like a binary file" in html


def test_html_escapes_the_drafts(html: str) -> None:
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp; &lt;b&gt;bold&lt;/b&gt;" in html


def test_html_details_only_the_hardest_files_of_a_big_run(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("matplotlib", reason="the report extra is not installed")
    import rewriter.reporting.html as html_module

    monkeypatch.setattr(html_module, "MAX_DETAILED_FILES", 2)
    page = _report(desk, "capped.html")
    assert page.count("<details id=") == 2 and "The 2 hardest files of 5" in page
    table = page[page.index('<table class="sortable">') : page.index("</table>")]
    assert table.count("<tr>") == 1 + 5 and table.count('<a href="#f') == 2


def test_html_needs_matplotlib_and_says_how_to_install_it(desk: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    out = desk.parent / "nomatplotlib.html"
    assert main(["report", str(desk), "-o", str(out), "--jobs", "1"]) == 2
    assert "pip install 'rewriter[report]'" in capsys.readouterr().err
    assert not out.exists()


# ---------------------------------------------------------------- CSV and Markdown


def test_csv_has_one_row_per_file_with_metrics_and_family_counts(desk: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_report(desk, "report.csv"))))
    assert len(rows) == 7
    columns = list(rows[0])
    for col in ("path", "error", "words", "sentences", "flesch_kincaid_grade", "flesch_reading_ease",
                "hard_sentences", "very_hard_sentences", "findings", "findings_per_1000_words",
                "count_RPT", "count_PAS", "count_RD", "safe_fixes_applied", "grade_after_safe_fixes"):
        assert col in columns, col
    by_name = {Path(r["path"]).name: r for r in rows}
    assert by_name["a.md"]["count_RPT"] == "2" and by_name["a.md"]["safe_fixes_applied"] == "1"
    assert by_name["c.md"]["count_RPT"] == "2"
    assert by_name["bad.txt"]["error"] and by_name["bad.txt"]["words"] == ""
    assert int(by_name["b.txt"]["words"]) > 20


def test_md_is_a_compact_ci_summary(desk: Path) -> None:
    md = _report(desk, "report.md", "--title", "Desk audit")
    assert md.startswith("## Desk audit")
    assert "| Files | 5 checked, 2 could not be checked |" in md
    assert "| Words |" in md and "Grade (Flesch-Kincaid)" in md and "per 1,000 words" in md
    assert "Hard sentences" in md and "**Findings by family:**" in md
    assert "“in order to” (RPT001) 3" in md
    assert "| Hardest files |" in md and "b.txt" in md
    assert "<details><summary>2 files could not be checked</summary>" in md
    assert "<script>" not in md and len(md.splitlines()) < 60


# ---------------------------------------------------------------- usage


def test_usage_errors(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(desk)]) == 2
    assert "-o FILE" in capsys.readouterr().err
    assert main(["report", str(desk), "-o", str(desk.parent / "r.pdf")]) == 2
    assert "unknown report format" in capsys.readouterr().err
    assert main(["report", "-o", str(desk.parent / "r.json")]) == 2
    assert main(["report", str(desk), "-o", str(desk.parent / "r.json"), "--jobs", "0"]) == 2


def _no_analysis(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record any batch run, so a test can say the output was checked before any file was analysed."""
    from rewriter import batch

    runs: list[object] = []
    monkeypatch.setattr(batch, "run", lambda *a, **k: runs.append((a, k)))
    return runs


def test_output_that_is_a_directory_fails_first(desk: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _no_analysis(monkeypatch)
    folder = desk.parent / "out.json"
    folder.mkdir()
    assert main(["report", str(desk), "-o", str(folder), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{folder}: is a directory" in err and "internal error" not in err
    assert runs == []


def test_output_in_a_folder_that_cannot_be_written_fails_first(
        desk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    runs = _no_analysis(monkeypatch)

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:  # a read-only folder (even for root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = desk.parent / "closed" / "r.md"
    out.parent.mkdir(exist_ok=True)
    assert main(["report", str(desk), "-o", str(out), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write in folder" in err and "Permission denied" in err
    assert "internal error" not in err and runs == []


def test_jobs_are_capped_at_files_and_cores(desk: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from rewriter import batch

    seen: list[int | None] = []

    def fake_run(tasks: list[object], *, jobs: int | None = None, **kwargs: object) -> None:
        seen.append(jobs)

    monkeypatch.setattr(batch, "run", fake_run)
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    out = desk.parent / "jobs.json"
    assert main(["report", str(desk / "a.md"), str(desk / "c.md"), str(desk / "b.txt"), "-o", str(out),
                 "--jobs", "1000"]) == 0
    assert seen == [2]
    assert "rewriter: note: --jobs 1000 capped at 2 (3 files, 2 cores)" in capsys.readouterr().err
    assert main(["report", str(desk / "a.md"), "-o", str(out), "--jobs", "8"]) == 0
    assert seen[-1] == 1  # one file: one process
    assert "--jobs 8 capped at 1 (1 file, 2 cores)" in capsys.readouterr().err
    assert main(["report", str(desk / "a.md"), str(desk / "c.md"), "-o", str(out)]) == 0
    assert seen[-1] == 2 and "note" not in capsys.readouterr().err  # the default needs no note
    assert main(["report", str(desk / "a.md"), str(desk / "c.md"), "-o", str(out), "--jobs", "2"]) == 0
    assert seen[-1] == 2 and "note" not in capsys.readouterr().err


def test_a_missing_path_is_listed_and_the_rest_is_reported(desk: Path) -> None:
    out = desk.parent / "missing.json"
    assert main(["report", str(desk / "a.md"), str(desk / "nope.md"), "-o", str(out), "--jobs", "1"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(f["path"]).name for f in data["files"]] == ["a.md"]
    assert "no such file" in data["errors"][0]["message"]


# ---------------------------------------------------------------- --compare


@pytest.fixture
def versions(desk: Path) -> tuple[Path, Path]:
    old = desk.parent / "v1.md"
    new = desk.parent / "v2.md"
    old.write_text(DRAFTS["a.md"] + "\nThe zorblax plan was drafted in order to win.\n", encoding="utf-8")
    new.write_text("The council approved the plan to save money.\n\nIt is a harbinger of change for the town, "
                   "officials said.\n\nA new zorblax rule was added in order to win.\n", encoding="utf-8")
    return old, new


def test_compare_shows_what_got_better_and_worse(versions: tuple[Path, Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    old, new = versions
    assert main(["report", "--compare", str(old), str(new)]) == 0
    md = capsys.readouterr().out
    assert md.startswith("## ") and "→" in md
    assert "| flesch_kincaid_grade |" in md and "| findings |" in md
    removed = md[md.index("**Removed") : md.index("**Added")]
    added = md[md.index("**Added") :]
    assert "“was approved”" in removed and "“in order to”" in removed  # the council approved it; to save money
    assert "“was drafted”" in removed and "“was added”" in added


def test_compare_json_and_html(versions: tuple[Path, Path]) -> None:
    old, new = versions
    out = old.parent / "compare.json"
    assert main(["report", "--compare", str(old), str(new), "-o", str(out)]) == 0
    c = json.loads(out.read_text(encoding="utf-8"))
    assert {"old", "new", "grade", "metrics", "counts", "added", "removed", "unchanged"} <= set(c)
    removed = {(f["code"], f["text"]) for f in c["removed"]}
    added = {(f["code"], f["text"]) for f in c["added"]}
    assert ("PAS001", "was approved") in removed and ("PAS001", "was added") in added
    assert ("RPT001", "harbinger") not in removed | added and c["unchanged"] >= 3
    rpt = next(x for x in c["counts"] if x["family"] == "RPT")
    assert rpt["new"] - rpt["old"] == rpt["delta"] == -1
    grade = c["grade"]
    assert grade["metric"] == "flesch_kincaid_grade" and grade["verdict"] in ("better", "worse", "same")
    page = old.parent / "compare.html"
    assert main(["report", "--compare", str(old), str(new), "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "was added" in text and "<script" not in text


def test_compare_errors(versions: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = versions
    assert main(["report", "--compare", str(old), str(old.parent / "missing.md")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["report", "--compare", str(old), str(new), "-o", str(old.parent / "c.csv")]) == 2
