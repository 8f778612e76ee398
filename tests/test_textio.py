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


# --- hostile input: only regular files are drafts; writes keep links, owners and modes -----------


def test_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading would block forever
    with pytest.raises(InputError, match="not a regular file") as err:
        read_source(fifo)
    assert str(fifo) in str(err.value) and "\n" not in str(err.value)


def test_device_is_refused() -> None:
    with pytest.raises(InputError, match=r"/dev/zero: not a regular file \(a device\)"):
        read_source("/dev/zero")


def test_nul_after_the_first_8k_is_binary() -> None:
    data = b"Plain words. " * 1000 + b"\x00\x01\x02 trailer"
    assert len(data) > 8192
    with pytest.raises(InputError, match="binary"):
        decode(data, "late-nul.txt")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_named_as_such(codec: str) -> None:
    data = "The mayor spoke on Monday.\nShe left early.\n".encode(codec)
    with pytest.raises(InputError) as err:
        decode(data, "nobom.txt")
    msg = str(err.value)
    assert msg.startswith("nobom.txt: unknown encoding (UTF-16 without a byte-order mark?)")
    assert "binary" not in msg


def test_write_atomic_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "drafts" / "story.md"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts", "link.md"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["story.md"]


def test_write_atomic_keeps_hard_links(tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    a.write_bytes(b"old text")
    b = tmp_path / "b.md"
    os.link(a, b)
    write_atomic(a, b"new")
    assert a.read_bytes() == b"new" and b.read_bytes() == b"new"
    assert os.stat(a).st_ino == os.stat(b).st_ino and os.stat(a).st_nlink == 2


def test_write_atomic_keeps_owner_and_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(b"old")
    st = path.stat()
    calls: list[tuple[int, int]] = []
    real_chown = os.chown

    def chown(p: str, uid: int, gid: int) -> None:
        calls.append((uid, gid))
        real_chown(p, uid, gid)

    monkeypatch.setattr(os, "chown", chown)
    write_atomic(path, b"new")
    assert calls == [(st.st_uid, st.st_gid)]
    assert (path.stat().st_uid, path.stat().st_gid) == (st.st_uid, st.st_gid)

    def refused(p: str, uid: int, gid: int) -> None:  # not root: the owner cannot be given away
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", refused)
    write_atomic(path, b"newer")
    assert path.read_bytes() == b"newer"


def test_write_atomic_refuses_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o444)
    with pytest.raises(textio.ReadOnlyError, match=r"locked\.md: read-only file, not fixed"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_temp_files_are_named_recognisably_and_stale_ones_removed(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(b"old")
    stale = tmp_path / f".draft.md{textio.TEMP_MARK}abc123"
    stale.write_bytes(b"left by a killed run")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    fresh = tmp_path / f".draft.md{textio.TEMP_MARK}def456"  # another run may be writing it now
    fresh.write_bytes(b"in progress")
    other = tmp_path / f".other.md{textio.TEMP_MARK}zzz"
    other.write_bytes(b"not ours")
    os.utime(other, (1_000_000_000, 1_000_000_000))
    seen: list[str] = []
    real_replace = os.replace

    def replace(src: str, dst: object) -> None:
        seen.append(os.path.basename(src))
        real_replace(src, dst)  # type: ignore[arg-type]

    import unittest.mock

    with unittest.mock.patch.object(os, "replace", replace):
        write_atomic(path, b"new")
    assert seen and seen[0].startswith(f".draft.md{textio.TEMP_MARK}")
    assert not stale.exists() and fresh.exists() and other.exists()
    assert path.read_bytes() == b"new"
