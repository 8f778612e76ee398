"""The checked text, exactly as given, with its line index, prose blocks and protected regions."""

from __future__ import annotations

import array
import bisect
import dataclasses
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rewriter.markup import CODE, COMMENT, QUOTE, TAG, URL, Block, Region, find_blocks, find_quotes, find_regions

_MASKED = frozenset({CODE, COMMENT, TAG, URL})
_NOT_NEWLINE = re.compile(r"[^\r\n]")
_LINE_END = re.compile(r"\r\n?|\n")


_CACHE_SIZE = 512  # paragraphs per pipeline
_CACHE_CHARS = 150_000  # and characters: 100,000 characters of parsed Docs hold about 30 MB
_CACHE_LOCK = threading.Lock()
_CACHES: dict[int, tuple[Any, OrderedDict[str, Any]]] = {}


def _parse_cache(nlp: Any) -> OrderedDict[str, Any]:
    """The cache of one pipeline; it holds the pipeline itself, so its id cannot be reused."""
    with _CACHE_LOCK:
        held = _CACHES.get(id(nlp))
        if held is None or held[0] is not nlp:
            held = (nlp, OrderedDict())
            _CACHES[id(nlp)] = held
        return held[1]


class LineIndex:
    """Offset <-> 1-based (line, column) for a text; columns count code points. A line ends at
    "\r\n", "\r" or "\n"; the starts are held as one array of machine integers (8 bytes a line,
    not a Python int each), found by a regular expression rather than a loop over characters."""

    def __init__(self, text: str) -> None:
        starts = array.array("q", [0])
        starts.extend(m.end() for m in _LINE_END.finditer(text))
        self._starts = starts
        self._len = len(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        if not 0 <= offset <= self._len:
            raise ValueError(f"offset {offset} outside text of length {self._len}")
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Document.blocks
    span: Any = field(default=None, compare=False, repr=False)  # the spaCy Span


@dataclass
class Document:
    text: str
    path: str = "<stdin>"
    regions: list[Region] = field(default_factory=list)
    quotes: list[Region] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    docs: list[Any] = field(default_factory=list)  # spaCy Doc per block
    # for a section (see sections()): the index of each block's block in the whole document
    origin: list[int] = field(default_factory=list)
    _masked: tuple[Any, Any] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str, path: str = "<stdin>") -> Document:
        regions = find_regions(text)
        blocks = find_blocks(text, regions)
        quotes = find_quotes(text, blocks)
        return cls(text=text, path=path, regions=regions, quotes=quotes, blocks=blocks)

    def parse(self, nlp: Any, batch_size: int = 64) -> None:
        """Parse each block, reusing the parse of a paragraph seen recently (a rewrite or an
        editor's toggle changes a few paragraphs; the rest need no second parse)."""
        texts = [self.prose_text(b) for b in self.blocks]
        cache = _parse_cache(nlp)
        with _CACHE_LOCK:
            missing = [t for t in dict.fromkeys(texts) if t not in cache]
        limit = max(100, min(PIECE_CHARS, int(getattr(nlp, "max_length", PIECE_CHARS))))
        short = [t for t in missing if len(t) <= limit]
        parsed = dict(zip(short, nlp.pipe(short, batch_size=batch_size), strict=True))
        for t in missing:
            if len(t) > limit:  # spaCy refuses a text over max_length: parse it in pieces, joined
                parsed[t] = _parse_in_pieces(nlp, t, limit, batch_size)
        with _CACHE_LOCK:
            docs = []
            for t in texts:
                doc = parsed.get(t)
                if doc is None:
                    doc = cache[t]
                    cache.move_to_end(t)
                docs.append(doc)
            for t, doc in parsed.items():
                cache[t] = doc
            chars = sum(len(t) for t in cache)
            while cache and (len(cache) > _CACHE_SIZE or chars > _CACHE_CHARS):
                chars -= len(cache.popitem(last=False)[0])
        self.docs = docs

    def origin_of(self, block: int) -> int:
        """The index in the whole document of this document's ``block`` (itself unless a section)."""
        return self.origin[block] if self.origin else block

    def sections(self, limit: int) -> Iterator[Document]:
        """The document in consecutive pieces of about ``limit`` characters of blocks, each a
        Document of its own that shares the text and regions (so offsets are the whole text's) and
        holds no parse of the rest: memory stays flat with the file's size. A block longer than
        ``PIECE_CHARS`` is cut where ``parse`` would cut it, each piece a block of the section;
        ``origin`` maps every block back to its block in this document."""
        blocks: list[Block] = []
        origin: list[int] = []
        size = 0

        def section() -> Document:
            doc = Document(text=self.text, path=self.path, regions=self.regions, quotes=self.quotes,
                           blocks=blocks, origin=origin)
            doc._masked = self._masked
            return doc

        for i, block in enumerate(self.blocks):
            parts = [block]
            if block.end - block.start > PIECE_CHARS:
                parts = []
                at = block.start
                for piece in split_pieces(self.masked(block.start, block.end), PIECE_CHARS):
                    parts.append(dataclasses.replace(block, start=at, end=at + len(piece)))
                    at += len(piece)
            for part in parts:
                if blocks and size + (part.end - part.start) > limit:
                    yield section()
                    blocks, origin, size = [], [], 0
                blocks.append(part)
                origin.append(i)
                size += part.end - part.start
        if blocks or not self.blocks:
            yield section()

    def prose_text(self, block: Block) -> str:
        """The block's text as the parser sees it: inline markup that is not prose (HTML tags and
        comments, URLs, code spans) blanked to spaces of the same length, so that offsets hold and a
        word next to markup ("<b>word</b>", "[word](url)") stays a token of its own."""
        return self.masked(block.start, block.end)

    def masked(self, start: int, end: int) -> str:
        """``text[start:end]`` with every masked region in it blanked (line breaks kept), made for
        that range alone: no blanked copy of the whole text is held (20 MB for a 20 MB file)."""
        starts, ends = self._mask_spans()
        pieces = []
        at = start
        k = bisect.bisect_right(ends, start)  # the first span that ends after ``start``
        while k < len(starts) and starts[k] < end:
            lo, hi = max(starts[k], start), min(ends[k], end)
            pieces.append(self.text[at:lo])
            pieces.append(_NOT_NEWLINE.sub(" ", self.text[lo:hi]))
            at = hi
            k += 1
        pieces.append(self.text[at:end])
        return "".join(pieces)

    def _mask_spans(self) -> tuple[array.array[int], array.array[int]]:
        """The masked regions merged, sorted: their starts and ends (built once per regions)."""
        key = (id(self.regions), len(self.regions), len(self.text))
        if self._masked is not None and self._masked[0] == key:
            held: tuple[array.array[int], array.array[int]] = self._masked[1]
            return held
        starts: array.array[int] = array.array("q")
        ends: array.array[int] = array.array("q")
        for r in sorted((r for r in self.regions if r.kind in _MASKED), key=lambda r: r.start):
            if starts and r.start <= ends[-1]:
                ends[-1] = max(ends[-1], r.end)
            else:
                starts.append(r.start)
                ends.append(r.end)
        self._masked = (key, (starts, ends))
        return starts, ends

    def block_docs(self) -> Iterator[tuple[Block, Any]]:
        return zip(self.blocks, self.docs, strict=False)  # no docs before parse()

    def sentences(self) -> list[Sentence]:
        """spaCy's sentences with their offsets: the one sentence source for rules and metrics."""
        out = []
        for i, (block, doc) in enumerate(self.block_docs()):
            for sent in doc.sents:
                text = sent.text
                stripped = text.strip()
                if not stripped:
                    continue
                lead = len(text) - len(text.lstrip())
                start = block.start + sent.start_char + lead
                out.append(Sentence(start, start + len(stripped), i, sent))
        return out

    def protected(self, include_quotes: bool = True) -> list[Region]:
        return sorted(self.regions + (self.quotes if include_quotes else []), key=lambda r: (r.start, r.end))

    def in_protected(self, start: int, end: int, include_quotes: bool = True) -> bool:
        return overlaps_any(start, end, self.protected(include_quotes))


# A block longer than this (a file of short lines with no blank line, a pasted table) is parsed
# in pieces cut at line, then sentence, then word boundaries, and the pieces joined into one Doc:
# its text is the block's text exactly, so token offsets into the block hold.
PIECE_CHARS = 50_000
_CUTS = (re.compile(r"\n"), re.compile(r"[.!?][\"'\u201d\u2019)\]]*[ \t]+"), re.compile(r"\s"))


def split_pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back to it exactly,
    each ending at the last line break, else sentence end, else space within the limit."""
    pieces = []
    at = 0
    n = len(text)
    while n - at > limit:
        window = text[at : at + limit]
        cut = 0
        for rx in _CUTS:
            ends = [m.end() for m in rx.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit  # one unbroken run of characters: cut it anyway, offsets still hold
        pieces.append(text[at : at + cut])
        at += cut
    pieces.append(text[at:])
    return pieces


def _parse_in_pieces(nlp: Any, text: str, limit: int, batch_size: int) -> Any:
    from spacy.tokens import Doc

    docs = list(nlp.pipe(split_pieces(text, limit), batch_size=batch_size))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - from_docs keeps the text; offsets depend on it
        raise AssertionError("pieces of a long block do not join back to it")
    return doc


def overlaps_any(start: int, end: int, regions: Sequence[Region]) -> bool:
    for r in regions:
        if r.start >= end and start != end:
            break
        if r.start < end and start < r.end:
            return True
        if start == end and r.start < start < r.end:
            return True
    return False


__all__ = ["QUOTE", "Document", "LineIndex", "Sentence", "overlaps_any"]
