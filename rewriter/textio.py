"""Reading drafts exactly (no newline translation, BOM noted) and writing them back atomically."""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 20 * 1024 * 1024
_BOMS = (("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"))
TEMP_MARK = ".rewriter-tmp-"  # temp files are named .NAME.rewriter-tmp-XXXX beside the draft
STALE_SECONDS = 3600  # a temp file of ours older than this was left by a killed run


class InputError(Exception):
    """A file that cannot be checked; the message names it and says why in one line."""


class ReadOnlyError(InputError):
    """A draft ``fix`` may not write; the message names it."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str  # decoded, BOM removed, newlines untouched
    encoding: str = "utf-8"  # codec to write back with
    bom: bytes = b""  # byte-order mark to write back

    @property
    def newline(self) -> str:
        if "\r\n" in self.text:
            return "\r\n"
        if "\r" in self.text:
            return "\r"
        return "\n"


def _too_large(path: str, size: int) -> InputError:
    return InputError(f"{path}: file too large ({size // (1024 * 1024)} MiB; the limit is "
                      f"{MAX_BYTES // (1024 * 1024)} MiB); split it")


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a byte-order mark: NULs on one side of most character pairs."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 2:
        return False
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    return max(even, odd) >= pairs * 0.4 and min(even, odd) <= pairs * 0.05


def decode(data: bytes, path: str) -> Source:
    if len(data) > MAX_BYTES:
        raise _too_large(path, len(data))
    for codec, bom in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: cannot decode as {codec} (byte {exc.start})") from None
            return Source(path, text, codec, bom)
    if b"\x00" in data:  # UTF-8 text never holds a NUL, wherever it is
        if _looks_utf16(data):
            raise InputError(f"{path}: unknown encoding (UTF-16 without a byte-order mark?); save it as UTF-8")
        raise InputError(f"{path}: looks like a binary file, not text; skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                         "save it as UTF-8") from None
    return Source(path, text, "utf-8")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def not_regular(path: str | Path, mode: int) -> str | None:
    """Why a file of this mode is not a draft (only regular files are), or None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"{path}: is a directory"
    return f"{path}: not a regular file ({_kind(mode)}); skipped"


def read_limited(fh: BinaryIO, path: str) -> bytes:
    """At most MAX_BYTES from ``fh`` (a pipe or stdin may never end); more is an error."""
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: input too large (more than {MAX_BYTES // (1024 * 1024)} MiB); split it")
    return data


def read_source(path: str | Path) -> Source:
    """A regular file's text. A FIFO, device or socket is never opened for reading (opening a FIFO
    blocks, a device may never end): it is an InputError naming it."""
    try:
        why = not_regular(path, os.stat(path).st_mode)
        if why:
            raise InputError(why)
        # O_NONBLOCK: should the path become a FIFO after the stat, opening it still returns at once
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            why = not_regular(path, st.st_mode)
            if why:
                raise InputError(why)
            if st.st_size > MAX_BYTES:
                raise _too_large(str(path), st.st_size)
            data = read_limited(fh, str(path))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode(data, str(path))


def encode(source: Source, text: str) -> bytes:
    return source.bom + text.encode(source.encoding)


def writable(path: str | Path) -> bool:
    """Whether ``fix`` may rewrite ``path``: the user has write permission and the file is not
    read-only for everyone (mode 0444 stays unwritten even for root)."""
    try:
        st = os.stat(path)
    except OSError:
        return True  # a new file: the folder decides
    return os.access(path, os.W_OK) and bool(stat.S_IMODE(st.st_mode) & 0o222)


def remove_stale_temps(target: Path, older_than: float = STALE_SECONDS) -> None:
    """Delete temp copies of ``target`` left by a killed run (ours by name, older than an hour)."""
    pattern = os.path.join(glob.escape(str(target.parent)), f".{glob.escape(target.name)}{TEMP_MARK}*")
    now = time.time()
    for stale in glob.glob(pattern):
        with contextlib.suppress(OSError):
            st = os.lstat(stale)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > older_than:
                os.unlink(stale)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` over the draft at ``path``, keeping what the file is.

    A symbolic link is written through (the target changes, the link stays); the file's mode,
    owner and group are kept where the user may set them; a file with more than one hard link is
    rewritten in place so every link sees the change. Otherwise a temp file beside the target
    (``.NAME.rewriter-tmp-XXXX``) is renamed over it, so a kill leaves the old or the new text,
    never half. A read-only file raises ReadOnlyError and is left alone."""
    target = Path(os.path.realpath(path))
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None:
        why = not_regular(path, st.st_mode)
        if why:
            raise InputError(why)
        if not writable(target):
            raise ReadOnlyError(f"{path}: read-only file, not fixed")
        if st.st_nlink > 1:
            _write_in_place(target, data)
            return
    remove_stale_temps(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", dir=str(target.parent))
    except PermissionError:
        if st is None:
            raise
        _write_in_place(target, data)  # the folder is closed to us but the file is not
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            with contextlib.suppress(OSError):  # only root may give a file to another owner
                os.chown(tmp, st.st_uid, st.st_gid)
            if stat.S_IMODE(st.st_mode) & (stat.S_ISUID | stat.S_ISGID):
                os.chmod(tmp, stat.S_IMODE(st.st_mode))  # chown clears set-id bits
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_in_place(target: Path, data: bytes) -> None:
    with open(target, "r+b") as fh:  # written first, cut after: never an empty file midway
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())
