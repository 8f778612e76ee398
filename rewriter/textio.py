"""Reading drafts exactly (no newline translation, BOM noted) and writing them back atomically."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
_BOMS = (("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"))


class InputError(Exception):
    """A file that cannot be checked; the message names it and says why in one line."""


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


def decode(data: bytes, path: str) -> Source:
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: file too large ({len(data) // (1024 * 1024)} MiB; the limit is "
                         f"{MAX_BYTES // (1024 * 1024)} MiB); split it")
    for codec, bom in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: cannot decode as {codec} (byte {exc.start})") from None
            return Source(path, text, codec, bom)
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file, not text; skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                         "save it as UTF-8") from None
    return Source(path, text, "utf-8")


def read_source(path: str | Path) -> Source:
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: file too large ({size // (1024 * 1024)} MiB; the limit is "
                             f"{MAX_BYTES // (1024 * 1024)} MiB); split it")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    src = decode(data, str(path))
    return src


def encode(source: Source, text: str) -> bytes:
    return source.bom + text.encode(source.encoding)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path`` and rename it over, keeping the file mode."""
    p = Path(path)
    mode = stat.S_IMODE(p.stat().st_mode) if p.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".rewriter-tmp", dir=str(p.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
