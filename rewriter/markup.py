"""Split a draft into prose blocks and protected regions, by offsets into the untouched text.

Protected regions are never edited and, by default, never flagged: front matter, fenced and
inline code, HTML comments and tags, URLs, blockquotes and direct quotations.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

QUOTE = "quote"
CODE = "code"
FRONT_MATTER = "front-matter"
COMMENT = "comment"
URL = "url"
BLOCKQUOTE = "blockquote"
TAG = "tag"


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Block:
    """A paragraph (or heading or list item) of prose: ``text[start:end]``."""

    start: int
    end: int
    kind: str = "paragraph"  # paragraph | heading | item


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)

# Every pattern here runs in time linear in the text: a hostile draft (200,000 characters of "a.",
# of backticks, of "](") must not take minutes. Where a plain regex would retry a long run from each
# of its characters, the scan is written out below, giving the same matches as the pattern beside it.

# Inline code, as the pattern ``(`+)(?!`)(?:(?!\n[ \t]*\r?\n).)+?(?<!`)\1(?!`)`` (re.S) would find it:
# a run of backticks closed by the next run of the same length; a code span never crosses a blank
# line (CommonMark), so a stray backtick cannot swallow paragraphs.
_BACKTICKS = re.compile(r"`+")
_PARAGRAPH_BREAK = re.compile(r"(?=\n[ \t]*\r?\n)")

# URLs and e-mail addresses, as ``_URL_PATTERN`` would find them. The e-mail branch starts only
# where a run of address characters starts (the lookbehind), so a run without "@" is read once.
_URL_BRANCH = r"(?:\b(?:https?|ftp)://|\bwww\.|\bmailto:)[^\s<>\"'`\])}]*[^\s<>\"'`\])}.,;:!?]"
_MAIL_TAIL = r"@[\w-]+(?:\.[\w-]+)+\b"
_URL_PATTERN = re.compile(_URL_BRANCH + r"|\b[\w.+-]+" + _MAIL_TAIL)  # anchored use only: one start
_URL = re.compile(_URL_BRANCH + r"|(?<![\w.+-])[.+-]*(?P<mail>\b[\w.+-]+" + _MAIL_TAIL + ")")
_URL_ONLY = re.compile(_URL_BRANCH)
_MAIL_CHAR = re.compile(r"[\w.+-]")
_BOUNDARY = re.compile(r"\b")

# Markdown link targets, as ``\]\(([^)\s]*)(?:\s+"[^"]*")?\)`` would find them.
_LINK_OPEN = re.compile(r"\]\(")
_TARGET_STOP = re.compile(r"[)\s]")
_LINK_TITLE = re.compile(r"\s+\"[^\"]*\"\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
_BLANK = re.compile(r"^[ \t]*(?:\r\n|\r|\n)?$")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+")
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>")
_THEMATIC = re.compile(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")

# Lines longer than this on average mean one paragraph per line (unwrapped text, like most
# newsroom exports); shorter lines are hard-wrapped paragraphs that end at a blank line.
_UNWRAPPED_LINE = 100


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end-without-newline, line) for each line."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        line = m.group().rstrip("\r\n")
        out.append((m.start(), m.start() + len(line), line))
    return out


def find_regions(text: str) -> list[Region]:
    """Protected regions other than quotations, in text order (may overlap)."""
    regions: list[Region] = []
    fm = _FRONT_MATTER.match(text)
    if fm:
        regions.append(Region(fm.start(), fm.end(), FRONT_MATTER))
    lines = _lines(text)
    fence: str | None = None
    fence_start = 0
    in_quote = False  # the previous line was part of a blockquote
    for start, end, line in lines:
        if fm and start < fm.end():
            continue
        if fence is None:
            m = _FENCE_OPEN.match(line)
            lazy = in_quote and bool(line.strip()) and not (
                _HEADING.match(line) or _ITEM.match(line) or _THEMATIC.match(line))
            in_quote = False
            if m:
                fence = m.group(1)
                fence_start = start
            elif _BLOCKQUOTE.match(line) or lazy:
                # a line right after a blockquote line continues it (Markdown's lazy continuation)
                regions.append(Region(start, end, BLOCKQUOTE))
                in_quote = True
        elif line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
            regions.append(Region(fence_start, end, CODE))
            fence = None
    if fence is not None:
        regions.append(Region(fence_start, len(text), CODE))
    for m in _HTML_COMMENT.finditer(text):
        regions.append(Region(m.start(), m.end(), COMMENT))
    regions.extend(Region(a, b, CODE) for a, b in code_spans(text))
    regions.extend(Region(a, b, URL) for a, b in url_spans(text))
    for m in _HTML_TAG.finditer(text):
        regions.append(Region(m.start(), m.end(), TAG))
    regions.extend(Region(a, b, URL) for a, b in link_targets(text))
    regions.sort(key=lambda r: (r.start, -r.end))
    return regions


def code_spans(text: str) -> list[tuple[int, int]]:
    """Inline code spans ``(start, end)``: from a backtick (the rest of its run, k backticks long) to
    the next run of exactly k backticks before a blank line. Runs are indexed by length, so each
    candidate costs a lookup, not a scan to the end of the paragraph."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    if len(runs) < 2:
        return []
    by_length: dict[int, list[int]] = {}
    for a, b in runs:
        by_length.setdefault(b - a, []).append(a)
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    out: list[tuple[int, int]] = []
    resume = 0
    for a, b in runs:
        if b <= resume:
            continue
        limit_at = bisect.bisect_left(breaks, b)
        limit = breaks[limit_at] if limit_at < len(breaks) else len(text)
        for p in range(max(a, resume), b):
            k = b - p
            starts = by_length.get(k)
            if not starts:
                continue
            i = bisect.bisect_right(starts, b)
            if i < len(starts) and starts[i] < limit:
                out.append((p, starts[i] + k))
                resume = starts[i] + k
                break
    return out


def url_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses ``(start, end)``, as ``_URL_PATTERN.finditer`` gives them."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m: re.Match[str] | None = None
        if pos and _MAIL_CHAR.match(text, pos - 1) and _MAIL_CHAR.match(text, pos):
            # resumed inside a run of address characters, which the lookbehind of _URL skips: the
            # pattern could still start an address at the run's next word boundary
            q = pos
            while q < n and _MAIL_CHAR.match(text, q) and not _BOUNDARY.match(text, q):
                q += 1
            if q < n and _MAIL_CHAR.match(text, q):
                m = _URL_PATTERN.match(text, q)
        if m is None:
            m = _URL.search(text, pos)
        if m is None:
            break
        start, end = m.span()
        if m.lastgroup == "mail":
            start = m.start("mail")
            # the old pattern, reaching the address's first letter, tries a URL there first
            # ("-www.@w.p/" is the URL "www.@w.p/", not the address "www.@w.p")
            url = _URL_ONLY.match(text, start)
            if url is not None:
                end = url.end()
        out.append((start, end))
        pos = end
    return out


def link_targets(text: str) -> list[tuple[int, int]]:
    """The targets of Markdown links ``](target)`` / ``](target "title")``. A target runs to the
    first ``)`` or space, so every "](" before that stop shares it: found once, not once per "]("."""
    out: list[tuple[int, int]] = []
    resume = 0
    stop = -1
    title_at = -1
    title_end: int | None = None
    for m in _LINK_OPEN.finditer(text):
        if m.start() < resume:
            continue
        t0 = m.end()
        if stop < t0:
            found = _TARGET_STOP.search(text, t0)
            stop = found.start() if found else len(text)
        if stop < len(text) and text[stop] == ")":
            end: int | None = stop + 1
        elif stop < len(text):
            if title_at != stop:
                title_at = stop
                tm = _LINK_TITLE.match(text, stop)
                title_end = tm.end() if tm else None
            end = title_end
        else:
            end = None
        if end is not None:
            out.append((t0, stop))
            resume = end
    return out


_OPEN_DOUBLE = "\u201c"
_CLOSE_DOUBLE = "\u201d"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"
# an opening single mark that is really an apostrophe before a decade or year: '90s, '05 (word
# processors often turn it into a left single quotation mark)
_ELISION = re.compile(r"\d\d(?:s\b|\b)")


def find_quotes(text: str, blocks: list[Block]) -> list[Region]:
    """Direct quotations: straight and curly double quotes, and curly or straight single
    quotes that open after a space and close before a non-letter. A quotation left open runs
    to the end of its paragraph (news style for quotes that continue)."""
    out: list[Region] = []
    for b in blocks:
        seg = text[b.start : b.end]
        out.extend(_quotes_in(seg, b.start))
    return out


def _quotes_in(seg: str, base: int) -> list[Region]:
    out: list[Region] = []
    i = 0
    n = len(seg)
    open_at: int | None = None
    closer = ""
    while i < n:
        ch = seg[i]
        if open_at is None:
            if ch == '"' and i > 0 and seg[i - 1].isdigit():
                pass  # an inch mark (a 6'2" guard, a 12" pipe), not a quotation
            elif ch == '"' or ch == _OPEN_DOUBLE:
                open_at, closer = i, ('"' if ch == '"' else _CLOSE_DOUBLE)
            elif (ch in (_OPEN_SINGLE, "'") and (i == 0 or not seg[i - 1].isalnum())
                  and not _ELISION.match(seg, i + 1)):
                close = _single_close(seg, i + 1, _CLOSE_SINGLE if ch == _OPEN_SINGLE else "'")
                if close is not None:
                    out.append(Region(base + i, base + close + 1, QUOTE))
                    i = close
        elif ch == '"' and _reopens(seg, i):
            # a quotation that runs on: the speaker's next sentence opens with a fresh mark and the
            # last one was never closed (news style when a quote continues); both are quoted
            out.append(Region(base + open_at, base + i, QUOTE))
            open_at = i
        elif ch == closer or ch in '"\u201d':  # mixed straight and curly marks still pair up
            out.append(Region(base + open_at, base + i + 1, QUOTE))
            open_at = None
        i += 1
    if open_at is not None:
        out.append(Region(base + open_at, base + n, QUOTE))
    return out


def _reopens(seg: str, i: int) -> bool:
    """A straight double quote at ``i`` inside an open quotation that opens a new one: after a
    sentence end and a space, before a word ('... problems. "We have ...')."""
    if i < 2 or i + 1 >= len(seg) or not seg[i - 1].isspace() or not seg[i + 1].isalnum():
        return False
    j = i - 1
    while j >= 0 and seg[j].isspace():  # only the spaces before this mark: linear over the paragraph
        j -= 1
    return j >= 0 and seg[j] in ".!?"


def _single_close(seg: str, j: int, closer: str) -> int | None:
    """Closing single quote for a quote opened before ``j``: not an apostrophe (a letter on
    both sides), within one sentence-ish stretch."""
    if j >= len(seg) or (not seg[j].isalnum() and seg[j] not in "\"\u201c"):
        return None
    k = j
    while k < len(seg) and k - j < 400:
        if seg[k] == closer and not (k + 1 < len(seg) and seg[k + 1].isalnum()) and seg[k - 1] != " ":
            return k
        if seg[k] in "\r\n":
            return None
        k += 1
    return None


def find_blocks(text: str, regions: list[Region]) -> list[Block]:
    """Paragraphs of prose: runs of lines separated by blank lines, less front matter, fenced
    code, blockquotes and thematic breaks. Headings and list items are blocks of their own."""
    skip = [r for r in regions if r.kind in (FRONT_MATTER, BLOCKQUOTE) or (r.kind == CODE and _is_block_code(text, r))]
    comments = [r for r in regions if r.kind == COMMENT]
    lines = _lines(text)
    groups: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []

    def flush() -> None:
        nonlocal current
        if current:
            groups.append(current)
            current = []

    # lines come in text order: walk the (merged) skipped spans and the comments alongside them
    # instead of testing every region for every line
    spans: list[list[int]] = []
    for r in sorted(skip, key=lambda r: r.start):
        if spans and r.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], r.end)
        else:
            spans.append([r.start, r.end])
    comments.sort(key=lambda r: r.start)
    si = ci = 0
    for start, end, line in lines:
        while si < len(spans) and spans[si][1] <= start:
            si += 1
        if (si < len(spans) and spans[si][0] <= start) or _THEMATIC.match(line):
            flush()
            continue
        while ci + 1 < len(comments) and comments[ci + 1].start <= start:
            ci += 1  # comments never overlap: the last one opened by this line is the only candidate
        if comments and comments[ci].start <= start and end <= comments[ci].end:
            flush()
            continue
        if not line.strip():
            flush()
            continue
        if _HEADING.match(line) or _ITEM.match(line):
            flush()
            current = [(start, end, line)]
            if _HEADING.match(line):
                flush()
            continue
        current.append((start, end, line))
    flush()

    blocks: list[Block] = []
    for group in groups:
        first_line = group[0][2]
        kind = "heading" if _HEADING.match(first_line) else "item" if _ITEM.match(first_line) else "paragraph"
        mean = sum(len(g[2]) for g in group) / len(group)
        if len(group) > 1 and mean > _UNWRAPPED_LINE:
            parts = [[g] for g in group]
        else:
            parts = [group]
        for part in parts:
            start = part[0][0]
            end = part[-1][1]
            # strip Markdown markers and surrounding whitespace, never the prose itself
            seg = text[start:end]
            m = _HEADING.match(seg) or _ITEM.match(seg)
            lead = m.end() if m else 0
            while lead < len(seg) and seg[lead] in " \t":
                lead += 1
            trail = len(seg.rstrip())
            if lead < trail:
                blocks.append(Block(start + lead, start + trail, kind))
    return blocks


def _is_block_code(text: str, r: Region) -> bool:
    line_start = text.rfind("\n", 0, r.start) + 1
    return bool(_FENCE_OPEN.match(text[line_start : r.start + 4]))
