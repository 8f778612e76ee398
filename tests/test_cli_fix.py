"""`rewriter fix`: in place (atomic, encoding, BOM, line endings, mode), --diff, --stdout, exit codes."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest

from rewriter.cli import main

LEXICON = Path(__file__).parent / "data" / "fix_lexicon.toml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".rewriter.toml").write_text(
        f'select = ["TST"]\nextra-lexicons = ["{LEXICON.as_posix()}"]\n', encoding="utf-8")
    return tmp_path


def test_fix_in_place_keeps_crlf_bom_and_mode(project: Path) -> None:
    draft = project / "story.txt"
    original = "\ufeffThe crew met in order to vote.\r\nThey will utilize the hall.\r\n"
    draft.write_bytes(original.encode("utf-8"))
    os.chmod(draft, 0o640)
    assert main(["fix", str(draft)]) == 0
    data = draft.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8") == "\ufeffThe crew met to vote.\r\nThey will use the hall.\r\n"
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert not [p for p in project.iterdir() if "rewriter-tmp" in p.name]


def test_fix_keeps_utf16(project: Path) -> None:
    draft = project / "story.txt"
    draft.write_bytes("\ufeffWe will utilize it.\n".encode("utf-16-le"))
    assert main(["fix", str(draft)]) == 0
    assert draft.read_bytes() == "\ufeffWe will use it.\n".encode("utf-16-le")


def test_fix_diff_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "story.md"
    draft.write_text("We met in order to vote.\n", encoding="utf-8")
    assert main(["fix", "--diff", str(draft)]) == 1
    out = capsys.readouterr().out
    assert "-We met in order to vote." in out and "+We met to vote." in out
    assert draft.read_text(encoding="utf-8") == "We met in order to vote.\n"


def test_fix_stdout_and_unsafe(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = project / "story.md"
    draft.write_text("The vote bolstered them in order to win.\n", encoding="utf-8")
    assert main(["fix", "--stdout", str(draft)]) == 1  # the unsafe finding remains
    assert capsys.readouterr().out == "The vote bolstered them to win.\n"
    assert main(["fix", "--stdout", "--unsafe-fixes", str(draft)]) == 0
    assert capsys.readouterr().out == "The vote strengthened them to win.\n"
    assert draft.read_text(encoding="utf-8") == "The vote bolstered them in order to win.\n"


def test_fix_stdin(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(project)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"We will utilize it.\n")))
    assert main(["fix", "-"]) == 0
    assert capsys.readouterr().out == "We will use it.\n"


def test_fix_exit_non_zero_on_fix_then_clean(project: Path) -> None:
    draft = project / "story.md"
    draft.write_text("We met in order to vote.\n", encoding="utf-8")
    assert main(["fix", "--exit-zero", "--exit-non-zero-on-fix", str(draft)]) == 1
    assert main(["fix", "--exit-zero", "--exit-non-zero-on-fix", str(draft)]) == 0
    assert draft.read_text(encoding="utf-8") == "We met to vote.\n"


def test_fix_leaves_undecodable_file_untouched(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = project / "bad.txt"
    bad.write_bytes(b"caf\xe9 in order to\n")
    good = project / "good.txt"
    good.write_text("We met in order to vote.\n", encoding="utf-8")
    assert main(["fix", str(bad), str(good)]) == 2
    err = capsys.readouterr().err
    assert "bad.txt" in err and "UTF-8" in err
    assert bad.read_bytes() == b"caf\xe9 in order to\n"
    assert good.read_text(encoding="utf-8") == "We met to vote.\n"


def test_fix_stdout_with_two_paths_is_a_usage_error(project: Path) -> None:
    a = project / "a.md"
    b = project / "b.md"
    a.write_text("One.\n", encoding="utf-8")
    b.write_text("Two.\n", encoding="utf-8")
    assert main(["fix", "--stdout", str(a), str(b)]) == 2


# --- links, owners and permissions ---------------------------------------------------------------


def test_fix_writes_through_a_symlink(project: Path) -> None:
    real = project / "desk" / "story.md"
    real.parent.mkdir()
    real.write_text("We met in order to vote.\n", encoding="utf-8")
    link = project / "story.md"
    link.symlink_to(Path("desk") / "story.md")
    assert main(["fix", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "We met to vote.\n"


def test_fix_keeps_a_hard_link(project: Path) -> None:
    a = project / "story.md"
    a.write_text("We met in order to vote.\n", encoding="utf-8")
    b = project / "copy.md"
    os.link(a, b)
    assert main(["fix", str(a)]) == 0
    assert b.read_text(encoding="utf-8") == "We met to vote.\n"
    assert os.stat(a).st_ino == os.stat(b).st_ino


def test_fix_refuses_a_read_only_file_and_fixes_the_others(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = project / "locked.md"
    locked.write_text("We met in order to vote.\n", encoding="utf-8")
    os.chmod(locked, 0o444)
    other = project / "other.md"
    other.write_text("We will utilize it.\n", encoding="utf-8")
    assert main(["fix", str(locked), str(other)]) == 2
    err = capsys.readouterr().err
    assert f"rewriter: error: {locked}: read-only file, not fixed" in err.splitlines()
    assert locked.read_text(encoding="utf-8") == "We met in order to vote.\n"
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert other.read_text(encoding="utf-8") == "We will use it.\n"


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
)
def test_fix_stdout_and_stdin_keep_encoding_and_bom(
        project: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes],
        codec: str, bom: bytes) -> None:
    draft = project / "story.txt"
    draft.write_bytes(bom + "We will utilize it.\r\n".encode(codec))
    expected = bom + "We will use it.\r\n".encode(codec)
    assert main(["fix", "--stdout", str(draft)]) == 0
    assert capfdbinary.readouterr().out == expected
    monkeypatch.chdir(project)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(draft.read_bytes())))
    assert main(["fix", "-"]) == 0
    assert capfdbinary.readouterr().out == expected
