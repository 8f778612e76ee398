"""``fix`` of a long text a piece at a time (issue 14, memory): a 20 MB draft is rewritten as
pieces of about ``PIECE_CHARS`` characters cut at paragraph breaks, each rewritten (and re-checked
until stable) on its own, so that only one piece's findings and parses are held at a time.

A piece is cut only where the whole text's reading of it is the same as the piece's own:

- at a blank line between paragraphs that lies outside every protected region (code, front
  matter, comments, quotations), so no region is split;
- the house spelling of the whole draft (``spelling = "auto"``: the variety it leans to) is given
  to every piece, so a piece that happens to lean the other way is respelled as the draft is;
- a draft with suppression comments (``<!-- rewriter: ... -->``, whose ranges may run across
  pieces) is never cut: it is rewritten whole.

Fixes are local to a sentence, so on such a text the pieces' rewrites joined are the whole text's
rewrite (``tests/test_fix_pieces.py`` compares the two on normal drafts). What a piece cannot see
is a proper name that only another piece's entity recogniser found (a name is still kept where its
own piece recognises it or it is capitalised), and the grade of the whole document: RD005 is each
piece's own, so the count of findings left that ``fix`` prints may hold one RD005 a piece.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from rewriter.config import Config
from rewriter.document import Document
from rewriter.fix import Rewrite, rewrite
from rewriter.rules.readability import GRADE
from rewriter.spelling import variety

LARGE_CHARS = 1_000_000  # a text longer than this is fixed a piece at a time
PIECE_CHARS = 200_000  # characters of paragraphs in one piece (about 30 sections' parse at most)

_DIRECTIVE = re.compile(r"<!--\s*rewriter\s*:", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\r?\n(?:[ \t]*\r?\n)+")
_HOUSE = {"us": "en-US", "gb": "en-GB"}


@dataclass(frozen=True)
class Fixed:
    """What ``fix`` needs of a rewrite: the text, how many findings were fixed and are left, whether
    one left fails the run, and the notes (the same whether the text was fixed whole or in pieces)."""

    original: str
    text: str
    applied: int
    left: int
    failing: bool
    notes: tuple[str, ...]
    document_grade: int = 0  # of ``left``: RD005, the document's grade above target (one a piece)

    @property
    def changed(self) -> bool:
        return self.text != self.original


def cut_points(text: str, limit: int = PIECE_CHARS) -> list[int] | None:
    """Offsets where ``text`` is cut into pieces of at least ``limit`` characters (the last may be
    shorter), each at a paragraph break outside every protected region; None when the text must not
    be cut (it holds suppression comments)."""
    if _DIRECTIVE.search(text):
        return None
    document = Document.from_text(text)
    starts, ends = _merged(document)
    del document
    cuts: list[int] = []
    last = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        at = m.end()
        if at - last < limit or at >= len(text):
            continue
        k = bisect.bisect_right(starts, at - 1) - 1  # the last region starting before ``at``
        if k >= 0 and ends[k] > m.start():  # the break is inside (or touches) a protected region
            continue
        cuts.append(at)
        last = at
    return cuts


def _merged(document: Document) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for r in document.protected(include_quotes=True):
        if starts and r.start <= ends[-1]:
            ends[-1] = max(ends[-1], r.end)
        else:
            starts.append(r.start)
            ends.append(r.end)
    return starts, ends


def rewrites(text: str, unsafe: bool, config: Config, path: str,
             large: int | None = None, limit: int | None = None) -> Iterator[Rewrite]:
    """The rewrite of ``text``: one Rewrite, or for a text over ``large`` characters (default
    ``LARGE_CHARS``) one per piece of ``limit`` (``PIECE_CHARS``), their texts joined the
    rewritten text, made one at a time."""
    large = LARGE_CHARS if large is None else large
    cuts = cut_points(text, PIECE_CHARS if limit is None else limit) if len(text) > large else None
    if not cuts:
        yield rewrite(text, unsafe=unsafe, config=config, path=path)
        return
    if config.spelling == "auto":
        house = variety(text)
        if house is not None:
            config = dataclasses.replace(config, spelling=_HOUSE[house])
    bounds = [0, *cuts, len(text)]
    for a, b in itertools.pairwise(bounds):
        yield rewrite(text[a:b], unsafe=unsafe, config=config, path=path)


def fix_text(text: str, unsafe: bool, config: Config, path: str,
             large: int | None = None, limit: int | None = None) -> Fixed:
    """``text`` rewritten (see :func:`rewrites`), with the counts ``fix`` prints; no piece's
    findings are kept once it is done."""
    out: list[str] = []
    applied = left = 0
    failing = False
    grade = 0
    notes: list[str] = []
    for result in rewrites(text, unsafe, config, path, large, limit):
        out.append(result.text)
        applied += len(result.applied)
        remaining = result.report.findings if result.report is not None else ()
        for f in remaining:
            left += 1
            grade += f.code == GRADE.code
            failing = failing or f.severity >= config.fail_on
        if result.report is not None:
            notes.extend(n for n in result.report.notes if n not in notes)
        del result, remaining
    return Fixed(text, "".join(out), applied, left, failing, tuple(notes), grade)


__all__ = ["LARGE_CHARS", "PIECE_CHARS", "Fixed", "cut_points", "fix_text", "rewrites"]
