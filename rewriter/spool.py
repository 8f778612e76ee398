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

import array
import bisect
import heapq
import itertools
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
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




class CompactRows(Sequence[dict[str, Any]]):
    """Rows of numbers with the same keys (a long document's paragraph metrics: one row a
    paragraph) held as one array per column, 8 bytes a value instead of a dict of objects; each
    row is made again, equal to the one given, when read."""

    def __init__(self, keys: tuple[str, ...], columns: list[array.array[Any]]) -> None:
        self.keys = keys
        self.columns = columns

    @classmethod
    def build(cls, rows: Iterable[dict[str, Any]]) -> CompactRows | list[dict[str, Any]]:
        """The rows compacted; the rows themselves (a list) when some value is neither an int nor a
        float, a row has other keys, or an int does not fit in 64 bits."""
        it = iter(rows)
        first = next(it, None)
        if first is None:
            return []
        keys = tuple(first)
        kinds = tuple(_KINDS.get(type(v)) for v in first.values())
        if None in kinds:
            return [first, *it]
        out = cls(keys, [array.array(k) for k in kinds])  # type: ignore[arg-type]
        for done, row in enumerate(itertools.chain((first,), it)):
            if tuple(row) != keys or any(_KINDS.get(type(v)) != k for v, k in zip(row.values(), kinds, strict=True)):
                return [*itertools.islice(out, done), row, *it]
            try:
                for col, v in zip(out.columns, row.values(), strict=True):
                    col.append(v)
            except OverflowError:
                return [*itertools.islice(out, done), row, *it]  # (a partly added row is not read)
        return out

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        keys = self.keys
        for values in zip(*self.columns, strict=True):
            yield dict(zip(keys, values, strict=True))

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | Sequence[dict[str, Any]]:
        if isinstance(index, slice):
            return list(self)[index]
        return dict(zip(self.keys, (c[index] for c in self.columns), strict=True))


_KINDS = {int: "q", float: "d"}


class BlockTotals:
    """A document's per-paragraph totals, ``block -> (sentences, counts)`` (the readability
    tally's ``by_block``), held as one array of machine integers per field instead of a tuple and
    a counts object per paragraph (a 20 MB file has 40,000 paragraphs: 15 MB as objects, 3 MB
    here). ``make(*fields)`` rebuilds a counts object from its fields, ``counts.astuple()`` gives
    them. Keys are kept sorted; a section's sentences come in order, so a new key is nearly always
    the last one. The same answers as a dict for ``get``, ``[]=``, ``items`` and ``len``."""

    def __init__(self, make: Any, fields: int) -> None:
        self._make = make
        self._keys: array.array[int] = array.array("q")
        self._columns = [array.array("q") for _ in range(fields + 1)]  # sentences, then the counts

    def _find(self, key: int) -> tuple[int, bool]:
        keys = self._keys
        if keys and keys[-1] == key:
            return len(keys) - 1, True
        if not keys or keys[-1] < key:
            return len(keys), False
        i = bisect.bisect_left(keys, key)
        return i, i < len(keys) and keys[i] == key

    def _row(self, i: int) -> tuple[int, Any]:
        return self._columns[0][i], self._make(*(c[i] for c in self._columns[1:]))

    def get(self, key: int, default: Any = None) -> Any:
        i, found = self._find(key)
        return self._row(i) if found else default

    def __getitem__(self, key: int) -> tuple[int, Any]:
        i, found = self._find(key)
        if not found:
            raise KeyError(key)
        return self._row(i)

    def __setitem__(self, key: int, value: tuple[int, Any]) -> None:
        n, counts = value
        row = (n, *counts.astuple())
        i, found = self._find(key)
        if found:
            for col, v in zip(self._columns, row, strict=True):
                col[i] = v
            return
        self._keys.insert(i, key)
        for col, v in zip(self._columns, row, strict=True):
            col.insert(i, v)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, int) and self._find(key)[1]

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[int]:
        return iter(self._keys)

    def keys(self) -> Iterator[int]:
        return iter(self._keys)

    def items(self) -> Iterator[tuple[int, tuple[int, Any]]]:
        for i, key in enumerate(self._keys):
            yield key, self._row(i)


class LazyMetrics(Mapping[str, Any]):
    """A report's metrics with one key's rows held as CompactRows: read as a plain mapping (the
    rows become a list of dicts when asked for), or with :meth:`stream` row by row (the JSON
    writer), so the rows are never all objects at once."""

    def __init__(self, base: Mapping[str, Any], key: str, rows: CompactRows | list[dict[str, Any]]) -> None:
        self._base = dict(base)
        self._key = key
        self._rows = rows

    def __getitem__(self, key: str) -> Any:
        if key == self._key:
            return list(self._rows)
        return self._base[key]

    def __iter__(self) -> Iterator[str]:
        yield from self._base
        if self._key not in self._base:
            yield self._key

    def __len__(self) -> int:
        return len(self._base) + (self._key not in self._base)

    def stream(self, key: str) -> Any:
        """The value of ``key``, its rows as an iterable rather than a list."""
        return self._rows if key == self._key else self._base[key]

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))


__all__ = ["SPOOL_FINDINGS", "BlockTotals", "CompactRows", "FindingSink", "LazyMetrics", "SpooledFindings", "sort_key"]
