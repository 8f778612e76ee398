"""``rewriter check``, ``rules`` and ``explain`` through ``cli.main(argv)`` (no subprocesses but one)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, write_house_lexicon
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_document import _RANDOM_TEXTS

from rewriter.cli import main
from rewriter.rules import all_rules

FLAGGED = "A zorblax came to town.\n"  # TST001 (severity warning) -> exit 1
CLEAN = "The dog ran home.\n"


@pytest.fixture
def project(isolated_cwd: Path) -> Path:
    """A folder with a .rewriter.toml that enables only the house rule TST001 (and RW)."""
    lex = write_house_lexicon(isolated_cwd)
    (isolated_cwd / ".rewriter.toml").write_text(
        f'select = ["TST"]\nextra-lexicons = ["{lex.name}"]\n', encoding="utf-8")
    return isolated_cwd


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


# --- exit codes ----------------------------------------------------------------------------------


def test_exit_0_when_clean(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "clean.md").write_text(CLEAN, encoding="utf-8")
    code, out, err = run(["check", "clean.md"], capsys)
    assert code == 0, err
    assert "0 findings in 1 file" in out
    assert err == ""


def test_exit_1_with_findings_and_text_format(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "story.md").write_text("Intro line.\n\nThen a zorblax came.\n", encoding="utf-8")
    code, out, _ = run(["check", "story.md"], capsys)
    assert code == 1
    first = out.splitlines()[0]
    assert re.fullmatch(r"story\.md:3:8: TST001 .*zorblax.*\(→ plain\)", first), first
    assert "1 finding in 1 file" in out
    assert "grade" in out.splitlines()[-1]


def test_exit_zero_flag_and_fail_on(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "story.md").write_text(FLAGGED, encoding="utf-8")
    assert run(["check", "--exit-zero", "story.md"], capsys)[0] == 0
    (project / ".rewriter.toml").write_text(
        (project / ".rewriter.toml").read_text(encoding="utf-8") + 'fail-on = "error"\n', encoding="utf-8")
    code, out, _ = run(["check", "story.md"], capsys)
    assert code == 0  # a warning is below fail-on = error, but is still printed
    assert "TST001" in out


def test_exit_2_on_usage_and_config_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 2
    capsys.readouterr()
    assert run([], capsys)[0] == 2
    (project / ".rewriter.toml").write_text("selectt = ['INF']\n", encoding="utf-8")
    (project / "story.md").write_text(FLAGGED, encoding="utf-8")
    code, _, err = run(["check", "story.md"], capsys)
    assert code == 2
    assert ".rewriter.toml:1" in err and "'selectt'" in err
    assert len(err.strip().splitlines()) == 1


def test_exit_2_on_internal_error(project: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import rewriter.engine

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("something broke")

    monkeypatch.setattr(rewriter.engine, "analyze", boom)
    (project / "story.md").write_text(FLAGGED, encoding="utf-8")
    code, _, err = run(["check", "story.md"], capsys)
    assert code == 2
    assert "something broke" in err
    assert "Traceback" not in err


def test_select_and_ignore_options(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (isolated_cwd / "story.md").write_text("The budget was approved by the council.\n", encoding="utf-8")
    code, out, _ = run(["check", "--select", "PAS", "story.md"], capsys)
    assert "PAS001" in out and code == 0  # passive voice is info: below fail-on
    code, out, _ = run(["check", "--select", "PAS,RD", "--ignore", "PAS001", "story.md"], capsys)
    assert "PAS001" not in out


# --- inputs ----------------------------------------------------------------------------------------


def test_stdin(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"One line.\r\nA zorblax came.\r\n"))
    code, out, _ = run(["check"], capsys)
    assert code == 1
    assert out.startswith("<stdin>:2:3: TST001")
    monkeypatch.setattr(sys, "stdin", _Stdin(FLAGGED.encode()))
    code, out, _ = run(["check", "-", "--stdin-filename", "desk/story.md"], capsys)
    assert out.startswith("desk/story.md:1:3: TST001")


def test_directories_are_walked_for_drafts(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drafts = project / "drafts"
    (drafts / "sub").mkdir(parents=True)
    for name in ("a.md", "b.markdown", "sub/c.txt", "sub/D.MD"):
        (drafts / name).write_text(FLAGGED, encoding="utf-8")
    (drafts / "notes.rst").write_text(FLAGGED, encoding="utf-8")
    (drafts / "data.json").write_text('{"zorblax": 1}', encoding="utf-8")
    (drafts / ".hidden").mkdir()
    (drafts / ".hidden" / "e.md").write_text(FLAGGED, encoding="utf-8")
    code, out, _ = run(["check", "--format", "concise", "drafts"], capsys)
    assert code == 1
    paths = sorted(line.split(":")[0] for line in out.splitlines())
    expected = sorted(str(Path("drafts") / n) for n in ("a.md", "b.markdown", "sub/c.txt", "sub/D.MD"))
    assert paths == expected


def test_empty_folder_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "none").mkdir()
    code, _, err = run(["check", "none"], capsys)
    assert code == 2 and "none" in err


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "binary"),
        ("latin1.txt", "Caf\u00e9 zorblax".encode("latin-1"), "UTF-8"),
        ("empty.md", b"", "empty"),
        ("blank.md", b"  \n\n\t\n", "empty"),
        ("missing.md", None, "no such file"),
    ],
)
def test_bad_input_is_one_line_naming_the_file_and_others_are_checked(
        project: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes | None, words: str) -> None:
    if data is not None:
        (project / name).write_bytes(data)
    (project / "good.md").write_text(FLAGGED, encoding="utf-8")
    (project / "good2.md").write_text(FLAGGED, encoding="utf-8")
    code, out, err = run(["check", "--format", "concise", "good.md", name, "good2.md"], capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert name in lines[0] and words in lines[0]
    assert "Traceback" not in err
    # the other files were still checked
    assert [line.split(":")[0] for line in out.splitlines()] == ["good.md", "good2.md"]


def test_bad_stdin(project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"\xff\xfe\xfa not utf"))
    code, _, err = run(["check", "-"], capsys)
    assert code == 2 and "<stdin>" in err


# --- JSON ------------------------------------------------------------------------------------------

FINDING_KEYS = {"code", "name", "category", "severity", "message", "start", "end", "line", "column",
                "end_line", "end_column", "text", "fix"}
FIX_KEYS = {"applicability", "title", "edits", "alternatives"}
METRIC_KEYS = {"words", "sentences", "paragraphs", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog",
               "smog_index", "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
               "reading_time_seconds", "hard_sentences", "very_hard_sentences"}


def _source(path: Path) -> str:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return fh.read()


def test_json_schema_and_offsets_with_crlf_tabs_emoji(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("\ufeff# Heading\r\n\r\n\tA \U0001f44d zorblax, e\u0301 “then” a harbinger\r\n"
            "and more in order to\twin.\r\n\r\nThe \U0001f468\u200d\U0001f469\u200d\U0001f467 zorblax.\r\n")
    path = project / "crlf.md"
    path.write_bytes(text.encode("utf-8"))
    code, out, _ = run(["check", "--format", "json", "crlf.md"], capsys)
    assert code == 1
    payload = json.loads(out)
    assert payload["version"] == 1
    [entry] = payload["files"]
    assert entry["path"] == "crlf.md"
    assert set(entry["metrics"]) >= METRIC_KEYS
    source = _source(path)
    assert source == text[1:]  # BOM removed, CRLF kept
    found = entry["findings"]
    assert [f["text"] for f in found] == ["zorblax", "harbinger", "in order to", "zorblax"]
    lines = source.split("\r\n")
    for f in found:
        assert set(f) >= FINDING_KEYS, set(f) ^ FINDING_KEYS
        assert f["text"] == source[f["start"] : f["end"]]
        assert lines[f["line"] - 1][f["column"] - 1 :].startswith(f["text"])
        assert f["severity"] in ("info", "warning", "error")
        fix = f["fix"]
        assert fix is None or set(fix) >= FIX_KEYS
        if fix:
            for e in fix["edits"]:
                assert set(e) >= {"start", "end", "replacement"}
                assert 0 <= e["start"] <= e["end"] <= len(source)
    harbinger = found[1]
    assert harbinger["fix"]["applicability"] == "unsafe"
    assert harbinger["fix"]["alternatives"] == ["sign", "forerunner"]
    assert harbinger["fix"]["edits"] == [{"start": harbinger["start"], "end": harbinger["end"], "replacement": "sign"}]
    wordy = found[2]
    assert (wordy["line"], wordy["end_line"]) == (4, 4)
    assert wordy["end_column"] - wordy["column"] == len("in order to")


def test_json_reports_errors_and_every_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "a.md").write_text(FLAGGED, encoding="utf-8")
    (project / "b.md").write_text(CLEAN, encoding="utf-8")
    code, out, err = run(["check", "--format", "json", "a.md", "b.md", "gone.md"], capsys)
    assert code == 2
    payload = json.loads(out)
    assert [f["path"] for f in payload["files"]] == ["a.md", "b.md"]
    assert payload["files"][1]["findings"] == []
    assert any("gone.md" in e for e in payload.get("errors", []))
    assert "gone.md" in err


# --- rules and explain -----------------------------------------------------------------------------


def test_rules_lists_every_rule(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert listed == [r.code for r in all_rules()]
    code, out, _ = run(["rules", "--format", "json"], capsys)
    rows = json.loads(out)
    assert [r["code"] for r in rows] == [r.code for r in all_rules()]
    assert all(r["what"] and r["why"] and r["example"] for r in rows)
    code, out, _ = run(["rules", "--format", "md"], capsys)
    assert out.count("### What it does") == len(all_rules())


def test_explain(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", "PAS001"], capsys)
    assert code == 0
    assert out.startswith("# PAS001 passive-voice")
    for section in ("## What it does", "## Why it matters", "## Example"):
        assert section in out
    code, out2, _ = run(["explain", "passive-voice"], capsys)
    assert code == 0 and out2 == out
    assert run(["explain", "pas001"], capsys)[1] == out


def test_explain_unknown_code(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["explain", "XYZ999"], capsys)
    assert code == 2
    assert out == ""
    assert "XYZ999" in err and "PAS001" in err


def test_explain_house_rule_via_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", "TST001"], capsys)
    assert code == 0 and "test-house-word" in out


def test_module_entry_point_runs() -> None:
    proc = subprocess.run([sys.executable, "-m", "rewriter", "--version"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0
    assert proc.stdout.startswith("rewriter ")


# --- the sample drafts -------------------------------------------------------------------------------


def test_seed_drafts(seeds_dir: Path, isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rewriter.document import Document

    code, out, err = run(["check", "--format", "json", str(seeds_dir)], capsys)
    assert code == 1, err
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert {"plain_news_story.txt", "press_release_inflated.md", "markdown_feature.md"} <= set(files)
    for name, entry in files.items():
        source = _source(seeds_dir / name)
        doc = Document.from_text(source)
        for f in entry["findings"]:
            assert f["text"] == source[f["start"] : f["end"]], (name, f)
            if f["start"] != f["end"] and not f["code"].startswith("RD"):
                assert not doc.in_protected(f["start"], f["end"]), (name, f["code"], f["text"])
    families = {name: [f["code"][:3] for f in entry["findings"]] for name, entry in files.items()}
    lexical = ("INF", "WRD", "RED", "CLI", "HDG", "NOM")
    assert [c for c in families["plain_news_story.txt"] if c in lexical] == []
    assert families["press_release_inflated.md"].count("INF") >= 10


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=_RANDOM_TEXTS, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_json_offsets_index_the_decoded_file(project: Path, capsys: pytest.CaptureFixture[str], text: str,
                                             encoding: str) -> None:
    # what rewriter reads: exactly one byte-order mark is taken off (the codec's own, or in plain
    # UTF-8 a leading U+FEFF, which is the same bytes)
    source = text[1:] if encoding == "utf-8" and text.startswith("\ufeff") else text
    if not source.strip() or "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return  # empty files are an input error; NUL looks binary; lone surrogates cannot be encoded
    path = project / "random.md"
    path.write_bytes(text.encode(encoding))
    code, out, err = run(["check", "--format", "json", "--select", "ALL", "random.md"], capsys)
    assert code in (0, 1), err
    [entry] = json.loads(out)["files"]
    lines = re.split(r"\r\n|\r|\n", source)
    for f in entry["findings"]:
        assert 0 <= f["start"] <= f["end"] <= len(source)
        assert f["text"] == source[f["start"] : f["end"]]
        assert lines[f["line"] - 1][f["column"] - 1 :].startswith(f["text"].split("\n")[0].split("\r")[0])


def test_explicit_config_option(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    styles = isolated_cwd / "styles"
    styles.mkdir()
    lex = write_house_lexicon(styles)
    cfg = styles / "desk.toml"
    cfg.write_text(f'select = ["TST"]\nextra-lexicons = ["{lex.name}"]\n', encoding="utf-8")
    (isolated_cwd / "story.md").write_text(FLAGGED, encoding="utf-8")
    code, out, _ = run(["check", "--config", str(cfg), "story.md"], capsys)
    assert code == 1 and "TST001" in out
    code, _, err = run(["check", "--config", "nowhere.toml", "story.md"], capsys)
    assert code == 2 and "nowhere.toml" in err


# --- hostile input -------------------------------------------------------------------------------


def test_fifo_and_device_are_one_line_errors_and_others_are_checked(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    os.mkfifo(project / "pipe.md")  # no writer: opening it would hang the run
    (project / "good.md").write_text(FLAGGED, encoding="utf-8")
    code, out, err = run(["check", "--format", "concise", "pipe.md", "/dev/zero", "good.md"], capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert "pipe.md: not a regular file" in lines[0]
    assert "/dev/zero: not a regular file" in lines[1]
    assert [line.split(":")[0] for line in out.splitlines()] == ["good.md"]


def test_config_that_is_a_device_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "good.md").write_text(FLAGGED, encoding="utf-8")
    code, _, err = run(["check", "--config", "/dev/zero", "good.md"], capsys)
    assert code == 2
    assert "/dev/zero" in err and "not a regular file" in err and "internal error" not in err


def test_empty_stdin_is_an_input_error_like_an_empty_file(
        project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    code, _, err = run(["check", "-"], capsys)
    assert code == 2
    assert err.strip().splitlines() == ["rewriter: error: <stdin>: empty; nothing to check"]
    monkeypatch.setattr(sys, "stdin", _Stdin(b" \n\n"))
    assert run(["check"], capsys)[0] == 2


def test_select_typo_is_an_error_not_zero_findings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "story.md").write_text(FLAGGED, encoding="utf-8")
    code, out, err = run(["check", "--select", "IFN", "story.md"], capsys)
    assert code == 2 and out == ""
    assert err.strip() == "rewriter: error: --select: unknown rule code 'IFN'; did you mean 'INF'?"
    code, _, err = run(["check", "--ignore", "TSTX", "story.md"], capsys)
    assert code == 2 and "'TSTX'" in err and "did you mean 'TST" in err
    assert run(["check", "--select", "TST0", "story.md"], capsys)[0] == 1  # a house prefix is real
