"""Reading drafts exactly: BOMs, UTF-16, newlines kept; bad input is one clear error."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from rewriter import textio
from rewriter.textio import InputError, decode, encode, read_source, write_atomic

TEXT = "Caf\u00e9 \u201cquote\u201d \U0001f44d\r\nSecond line\r\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (TEXT.encode("utf-8"), "utf-8", b""),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8", b"\xef\xbb\xbf"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le", b"\xff\xfe"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be", b"\xfe\xff"),
    ],
)
def test_decode_keeps_text_and_round_trips(data: bytes, encoding: str, bom: bytes, tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(data)
    src = read_source(path)
    assert src.text == TEXT  # BOM removed, CRLF kept
    assert "\ufeff" not in src.text
    assert src.encoding == encoding and src.bom == bom
    assert src.newline == "\r\n"
    assert encode(src, src.text) == data


@pytest.mark.parametrize(("text", "newline"), [("a\nb\n", "\n"), ("a\r\nb", "\r\n"), ("a\rb\r", "\r"), ("ab", "\n")])
def test_newline_detection(text: str, newline: str) -> None:
    src = decode(text.encode("utf-8"), "x.txt")
    assert src.text == text
    assert src.newline == newline


def test_not_utf8_names_the_file_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 au lait".encode("latin-1"))
    with pytest.raises(InputError) as err:
        read_source(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}: ")
    assert "UTF-8" in msg and "byte 3" in msg
    assert "\n" not in msg


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary") as err:
        read_source(path)
    assert str(path) in str(err.value)


def test_utf16_with_bad_surrogate_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad16.txt"
    path.write_bytes(b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    with pytest.raises(InputError, match="utf-16-le"):
        read_source(path)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as err:
        read_source(tmp_path / "gone.md")
    assert "gone.md" in str(err.value)
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)


def test_empty_file_reads_as_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    assert read_source(path).text == ""


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textio, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 400)
    with pytest.raises(InputError, match="too large") as err:
        read_source(path)
    assert str(path) in str(err.value)
    with pytest.raises(InputError, match="too large"):
        decode(b"word " * 400, "<stdin>")
    # just under the limit is fine
    assert decode(b"w" * 1000, "ok.txt").text == "w" * 1000


def test_write_atomic_replaces_content_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    write_atomic(path, b"new\r\ncontent")
    assert path.read_bytes() == b"new\r\ncontent"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md"]
