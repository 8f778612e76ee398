"""Findings of a long document kept on disk, not in memory (issue 14: a 20 MB file has a hundred
thousand findings, over 100 MB as objects).

:class:`FindingSink` collects a document's findings a section at a time, each section's already
sorted. While they are few it holds them in a list; past ``limit`` it writes each section's
findings to an anonymous temporary file (pickled, one chunk per section) and the result is a
:class:`SpooledFindings`: a read-only sequence that reads the chunks back one at a time whenever it
is iterated, merged with the few findings of the whole document (paragraph and document
readability, suppression notices) in the order a sort of all of them would give.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO, Any, overload

from rewriter.model import Finding

SPOOL_FINDINGS = 2_000  # findings held in memory before the rest of a document's go to disk


def sort_key(f: Finding) -> tuple[int, int, str]:
    return (f.start, f.end, f.code)


class FindingSink:
    def __init__(self, limit: int | None = None) -> None:
        self.limit = SPOOL_FINDINGS if limit is None else limit
        self.held: list[Finding] = []
        self.file: IO[bytes] | None = None
        self.chunks = 0
        self.count = 0
        self.ordered = True  # each section's findings come after the last section's
        self._last: tuple[int, int, str] | None = None

    def extend(self, findings: Sequence[Finding]) -> None:
        """Add one section's findings, sorted."""
        if not findings:
            return
        if self._last is not None and sort_key(findings[0]) < self._last:
            self.ordered = False
        self._last = sort_key(findings[-1])
        self.count += len(findings)
        if self.file is None and len(self.held) + len(findings) <= self.limit:
            self.held.extend(findings)
            return
        if self.file is None:
            # anonymous: gone when this object is, or the process ends
            self.file = tempfile.TemporaryFile(prefix="rewriter-findings-")  # noqa: SIM115
            if self.held:
                self._write(self.held)
            self.held = []
        self._write(findings)

    def _write(self, findings: Sequence[Finding]) -> None:
        assert self.file is not None
        pickle.dump(list(findings), self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.chunks += 1

    def finish(self, tail: list[Finding]) -> Sequence[Finding]:
        """All findings, ``tail`` (the whole document's few) merged in: a tuple, or a
        SpooledFindings when they went to disk."""
        tail = sorted(tail, key=sort_key)
        if self.file is None:
            body = self.held if self.ordered else sorted(self.held, key=sort_key)
            return tuple(heapq.merge(body, tail, key=sort_key))
        spooled = SpooledFindings(self.file, self.chunks, self.count, tail)
        if not self.ordered:  # pragma: no cover - sections never overlap; kept correct anyway
            return tuple(sorted(spooled, key=sort_key))
        return spooled


class SpooledFindings(Sequence[Finding]):
    """A document's findings, read back from disk on each iteration (see the module's doc)."""

    def __init__(self, file: IO[bytes], chunks: int, count: int, tail: list[Finding]) -> None:
        self._file = file
        self._chunks = chunks
        self._len = count + len(tail)
        self._tail = tail

    def __len__(self) -> int:
        return self._len

    def _body(self) -> Iterator[Finding]:
        offset = 0
        for _ in range(self._chunks):
            self._file.seek(offset)
            chunk: list[Finding] = pickle.load(self._file)
            offset = self._file.tell()  # another iteration may move the file between chunks
            yield from chunk

    def __iter__(self) -> Iterator[Finding]:
        return heapq.merge(self._body(), self._tail, key=sort_key)

    @overload
    def __getitem__(self, index: int) -> Finding: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...

    def __getitem__(self, index: int | slice) -> Finding | Sequence[Finding]:
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError("finding index out of range")
        for i, f in enumerate(self):
            if i == index:
                return f
        raise IndexError("finding index out of range")  # pragma: no cover

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpooledFindings | tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return id(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))  # to another process (a worker's result): as a plain tuple

    def __repr__(self) -> str:
        return f"SpooledFindings({self._len} findings on disk)"


__all__ = ["SPOOL_FINDINGS", "FindingSink", "SpooledFindings", "sort_key"]
