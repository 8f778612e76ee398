"""Snapshot tests, in the manner of ruff's fixtures and ``.snap`` files: exact output pinned in
files under ``tests/snapshots/``, so that any change of a span, a message, a fix or a renderer
shows up as a diff to review.

- ``draft.md`` (a small draft that touches most families, markup and a suppression comment) and
  its ``check`` output as text, concise and JSON, and the diff of ``fix --unsafe-fixes``;
- ``rules/CODE.snap``: every should-flag example of ``tests/examples.py`` with the exact span,
  message, fix, alternatives and the edit of each alternative of each finding of that code.

When a change is meant, rewrite the snapshots and review the diff (``git diff tests/snapshots``):

    REWRITER_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_snapshots.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from examples import EXAMPLES, KNOWN_FAILURES

from rewriter import Config, analyze
from rewriter.cli import main
from rewriter.model import Finding

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("REWRITER_UPDATE_SNAPSHOTS", "") not in ("", "0")
# GRM examples run against the fake LanguageTool server: their output is the fake's, not worth pinning
CODES = sorted(c for c, t in EXAMPLES.items() if not t.get("languagetool"))


def assert_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    assert path.is_file(), f"no snapshot {path}; write it with REWRITER_UPDATE_SNAPSHOTS=1 and review it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (f"{name} differs from its snapshot; if the change is meant, run "
                                "REWRITER_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py and review the diff")


@pytest.fixture
def in_snapshots(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SNAPSHOTS)
    monkeypatch.setenv("REWRITER_NO_CACHE", "1")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "name"), [("text", "draft.check.txt"), ("concise", "draft.concise.txt"),
                                            ("json", "draft.check.json")])
def test_check_output(fmt: str, name: str, in_snapshots: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["check", "--format", fmt, "draft.md"], capsys)
    assert code == 1 and err == ""
    if fmt == "json":  # the snapshot is of the document, not of its spacing; and every span is its text
        text = (SNAPSHOTS / "draft.md").read_text(encoding="utf-8")
        payload = json.loads(out)
        assert all(text[f["start"] : f["end"]] == f["text"] for f in payload["files"][0]["findings"])
    assert_snapshot(name, out)


@pytest.mark.slow
def test_fix_diff(in_snapshots: None, capsys: pytest.CaptureFixture[str]) -> None:
    before = (SNAPSHOTS / "draft.md").read_bytes()
    code, out, err = _run(["fix", "--unsafe-fixes", "--diff", "draft.md"], capsys)
    assert (SNAPSHOTS / "draft.md").read_bytes() == before  # --diff writes nothing
    assert code == 1
    assert_snapshot("draft.fix.diff", out + "--- stderr\n" + err)


def _finding_lines(text: str, f: Finding) -> list[str]:
    lines = [f"  {f.code} {f.start}:{f.end} {text[f.start:f.end]!r} {f.severity.label}", f"    message: {f.message}"]
    if f.fix is None:
        return [*lines, "    fix: none"]
    lines.append(f"    fix: {f.fix.applicability.label} {f.fix.title!r}"
                 + (f" (why not: {f.fix.why_not})" if f.fix.why_not else ""))
    lines += [f"    edit: {e.start}:{e.end} {text[e.start:e.end]!r} -> {e.replacement!r}" for e in f.fix.edits]
    for k, alt in enumerate(f.fix.alternatives):
        option = f.fix.option_edits[k] if k < len(f.fix.option_edits) else None
        shown = f" as {option.start}:{option.end} -> {option.replacement!r}" if option else ""
        lines.append(f"    alternative: {alt!r}{shown}")
    return lines


@pytest.mark.slow
@pytest.mark.parametrize("code", CODES)
def test_rule_snapshot(code: str) -> None:
    table = EXAMPLES[code]
    config = Config(select=(code, *table.get("select", ())))
    out = [f"# {code}: the should-flag examples of tests/examples.py, checked with select = {list(config.select)}"]
    for text in table["flag"]:
        found = [f for f in analyze(text, config).findings if f.code == code]
        if (code, text) not in KNOWN_FAILURES:
            assert found, f"{code} does not flag {text!r}"
        out += ["", repr(text)]
        out += [line for f in found for line in _finding_lines(text, f)] or ["  (nothing: a known failure)"]
    assert_snapshot(f"rules/{code}.snap", "\n".join(out) + "\n")


def test_every_snapshot_is_of_a_rule_or_the_draft() -> None:
    """A snapshot whose rule is gone (or whose examples moved to the fake server) is stale."""
    rules = {p.stem for p in (SNAPSHOTS / "rules").glob("*.snap")}
    assert rules == set(CODES)
    assert {p.name for p in SNAPSHOTS.iterdir() if p.is_file()} == {
        "draft.md", "draft.check.txt", "draft.concise.txt", "draft.check.json", "draft.fix.diff"}
