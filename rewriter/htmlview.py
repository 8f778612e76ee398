"""HTML views of a checked draft and of its rewrite (pure functions, no Streamlit).

Every piece of user text, and every message built from it, is escaped before it goes into HTML,
so a draft containing ``<script>`` or ``<img onerror=...>`` shows as text. The views are plain
fragments styled by :data:`STYLE`; the web editor and the batch report can both use them.

- :func:`original_html`: the draft with each finding highlighted by family (hover title: the
  message, the suggestion and the reason) and hard / very hard / long sentences tinted.
- :func:`rewrite_html`: the rewritten text with every change highlighted against the original
  (hover title: what it was), cut text shown struck through, hard sentences tinted.
- :func:`diff_changes`: the changes between two texts, in offsets of both (paragraph by
  paragraph, then word by word, so a 10,000-word draft diffs in milliseconds).
"""

from __future__ import annotations

import difflib
import functools
import html
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rewriter.model import Finding, Report
from rewriter.rules import families
from rewriter.rules import family as rule_family

# families that declare no colour (house-style lexicons) take one of these, by a hash of the prefix
_MORE_COLORS = ("#c5d5ea", "#e8d7b9", "#bfe3c2", "#f0c8c8", "#d3cbe8", "#e6e2a3")

# readability findings that cover a whole sentence: shown as a tint, not as a mark
SENTENCE_KINDS: Mapping[str, str] = {"RD001": "hard", "RD002": "very-hard", "RD003": "long"}

STYLE = """<style>
.rw-text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.65; font-size: 0.97rem;
  font-family: Georgia, 'Times New Roman', serif; }
.rw-box { max-height: 68vh; overflow-y: auto; padding: 0.6rem 0.8rem; border: 1px solid #ddd;
  border-radius: 0.4rem; background: #fff; color: #222; }
/* sentence tints: grey stripes and an icon, never a hue, so they cannot be mistaken for (or hide) the
   word flags' family colours; word flags: the family's colour, underlined */
.rw-s-hard { background-image: repeating-linear-gradient(135deg, rgba(60, 70, 110, 0.09) 0 3px,
  transparent 3px 7px); }
.rw-s-very-hard { background-image: repeating-linear-gradient(135deg, rgba(60, 70, 110, 0.2) 0 3px,
  transparent 3px 6px); }
.rw-s-long { text-decoration: underline dotted rgba(60, 70, 110, 0.55); text-underline-offset: 0.3em; }
.rw-s::before { font-family: system-ui, sans-serif; font-size: 0.7em; color: #4a5273; vertical-align: super;
  margin-right: 0.1em; }
.rw-s-hard::before { content: "▲"; }
.rw-s-very-hard::before { content: "▲▲"; }
.rw-s-long::before { content: "↔"; }
.rw-m { border-radius: 0.2rem; padding: 0 0.1rem; border-bottom: 2px solid rgba(0, 0, 0, 0.45);
  color: inherit; cursor: pointer; }
.rw-m.rw-open { outline: 2px solid #1f4fd1; }
ins.rw-ins { background: #b8f0c0; text-decoration: none; border-bottom: 2px solid #2e9e44;
  border-radius: 0.2rem; padding: 0 0.1rem; cursor: help; }
del.rw-del { background: #ffd6d6; color: #8a1f1f; text-decoration: line-through; border-radius: 0.2rem;
  padding: 0 0.1rem; font-size: 0.85em; cursor: help; }
.rw-legend { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.2rem 0 0.6rem; font-size: 0.85rem; }
.rw-chip { border-radius: 1rem; padding: 0.1rem 0.6rem; border: 1px solid rgba(0, 0, 0, 0.2); color: #222; }
.rw-chip b { margin-left: 0.3rem; }
/* the uploader's own size hint: the editor states (and enforces) its limit in the label */
[data-testid="stFileUploaderDropzoneInstructions"] span { display: none; }
/* phone width: the suggestions come first (above the two panes), the draft box's character counter
   sits under the box instead of over its text, and highlights are large enough to tap */
@media (max-width: 640px) {
  .st-key-panes [data-testid="stHorizontalBlock"] { display: flex; flex-direction: column; }
  .st-key-panes [data-testid="stColumn"]:nth-child(3) { order: -1; }
  .st-key-draft [data-testid="InputInstructions"] { position: static; text-align: right; padding-top: 0.2rem; }
  .rw-m { padding: 0.1rem 0.15rem; }
}
.rw-key { display: flex; flex-wrap: wrap; gap: 0.8rem; font-size: 0.82rem; color: #444; margin-bottom: 0.4rem; }
.rw-key span.rw-s, .rw-key mark { padding: 0 0.3rem; }
</style>"""


def family_label(family: str, category: str = "") -> str:
    """The family in words, as its rules declare it (a house lexicon's: its label or ``category``)."""
    declared = families().get(family)
    return declared.label if declared else category or family


def family_color(family: str) -> str:
    declared = families().get(family)
    if declared and declared.color:
        return declared.color
    return _MORE_COLORS[zlib.crc32(family.encode()) % len(_MORE_COLORS)]


def family_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per family, most frequent first (then by family code)."""
    counts = Counter(f.family for f in findings)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass(frozen=True)
class Mark:
    """A highlighted span of a text. ``start == end`` marks a point where ``removed`` was cut."""

    start: int
    end: int
    css: str
    title: str = ""
    style: str = ""
    removed: str | None = None
    tag: str = "mark"  # the element a span renders as (mark, ins, span)
    sid: str = ""  # the editor's suggestion id (``data-sid``): a click on the mark opens its card


_TAGS = {"mark": "mark", "ins": "ins", "span": "span"}


def render_marked(text: str, marks: Sequence[Mark] = (), regions: Sequence[Mark] = ()) -> str:
    """Escaped HTML of ``text`` with ``regions`` (non-overlapping, e.g. sentences) as ``<span>``
    and ``marks`` (may overlap each other and cross nothing but regions) as ``<mark>`` inside them.

    Where marks overlap, the overlap carries the shortest mark's colour and all their titles."""
    n = len(text)
    spans = [m for m in marks if 0 <= m.start < m.end <= n]
    points: dict[int, list[Mark]] = {}
    for m in marks:
        if m.start == m.end and 0 <= m.start <= n and m.removed:
            points.setdefault(m.start, []).append(m)
    regs: list[Mark] = []
    for r in sorted((r for r in regions if 0 <= r.start < r.end <= n), key=lambda r: (r.start, -r.end)):
        if not regs or r.start >= regs[-1].end:
            regs.append(r)
    bounds = sorted({0, n, *points, *(b for m in spans for b in (m.start, m.end)),
                     *(b for r in regs for b in (r.start, r.end))})
    spans.sort(key=lambda m: (m.start, m.end))
    out: list[str] = []
    active: list[Mark] = []
    nxt = 0  # next mark in ``spans`` to activate
    ri = 0  # current region index
    open_region: Mark | None = None
    open_group: tuple[Mark, ...] | None = None
    open_tag = ""

    def close_group() -> None:
        nonlocal open_group
        if open_group is not None:
            out.append(f"</{open_tag}>")
            open_group = None

    def close_region() -> None:
        nonlocal open_region
        close_group()
        if open_region is not None:
            out.append("</span>")
            open_region = None

    for a, b in zip(bounds, [*bounds[1:], n], strict=True):
        if a in points:
            close_group()
            for p in points.pop(a):
                out.append(f'<del class="{_attr(p.css)}" title="{_attr(p.title)}">{_text(p.removed or "")}</del>')
        if a >= b:
            continue
        while ri < len(regs) and regs[ri].end <= a:
            ri += 1
        region = regs[ri] if ri < len(regs) and regs[ri].start <= a else None
        if region is not open_region:
            close_region()
            if region is not None:
                out.append(f'<span class="{_attr(region.css)}" title="{_attr(region.title)}">')
                open_region = region
        while nxt < len(spans) and spans[nxt].start <= a:
            active.append(spans[nxt])
            nxt += 1
        active = [m for m in active if m.end > a]
        group = tuple(active)
        if group != open_group:
            close_group()
            if group:
                inner = min(group, key=lambda m: (m.end - m.start, m.start))
                title = "\n\n".join(dict.fromkeys(m.title for m in group if m.title))
                style = f' style="{_attr(inner.style)}"' if inner.style else ""
                sids = " ".join(dict.fromkeys(m.sid for m in group if m.sid))
                data = f' data-sid="{_attr(sids)}" tabindex="0"' if sids else ""
                open_tag = _TAGS.get(inner.tag, "mark")
                out.append(f'<{open_tag} class="{_attr(inner.css)}"{style}{data} title="{_attr(title)}">')
                open_group = group
        out.append(_text(text[a:b]))
    close_region()
    return "".join(out)


def finding_title(f: Finding, text: str) -> str:
    """The hover text of a finding: code and message, the suggested fix and the reason."""
    lines = [f"{f.code} {f.name}: {f.message}"]
    if f.fix is not None and f.fix.edits:
        edit = f.fix.edits[0]
        old = text[edit.start : edit.end]
        new = edit.replacement
        suggestion = f"'{old}' → '{new}'" if new else f"cut '{old}'"
        others = [a for a in f.fix.alternatives if a and a.lower() != new.lower()]
        if others:
            suggestion += f" (or: {', '.join(others)})"
        lines.append(f"Suggestion ({f.fix.applicability.label}): {suggestion}")
    reason = f.data.get("reason") if f.data else None
    if reason:
        lines.append(f"Why: {reason}")
    return "\n".join(lines)


def finding_marks(report: Report, ids: Mapping[str, str] | None = None) -> tuple[list[Mark], list[Mark]]:
    """(word marks, sentence regions) for a report's findings; ``ids`` (finding key -> suggestion
    id) puts the editor's suggestion id on the marks that have one."""
    from rewriter.fix import finding_key

    marks: list[Mark] = []
    regions: list[Mark] = []
    for f in report.findings:
        if f.start >= f.end:
            continue
        kind = SENTENCE_KINDS.get(f.code)
        if kind is not None:
            regions.append(Mark(f.start, f.end, f"rw-s rw-s-{kind}", f"{f.code}: {f.message}"))
        elif rule_family(f.family).scope == "sentence":
            continue  # paragraph-wide findings are listed, not painted
        else:
            marks.append(Mark(f.start, f.end, f"rw-m rw-f-{f.family}", finding_title(f, report.text),
                              style=f"background: {family_color(f.family)}",
                              sid=(ids or {}).get(finding_key(f), "") if ids else ""))
    return marks, regions


def original_html(report: Report, ids: Mapping[str, str] | None = None) -> str:
    """The draft with its findings highlighted (a ``<div>``, needs :data:`STYLE`); see :func:`finding_marks`."""
    marks, regions = finding_marks(report, ids)
    return f'<div class="rw-text rw-box rw-original">{render_marked(report.text, marks, regions)}</div>'


@dataclass(frozen=True)
class Change:
    """``old[old_start:old_end]`` became ``new[new_start:new_end]``."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|\s+|[^\w\s]", re.UNICODE)


def _tokens(text: str, base: int) -> tuple[list[str], list[int]]:
    words, starts = [], []
    for m in _TOKEN.finditer(text):
        words.append(m.group())
        starts.append(base + m.start())
    return words, starts


def diff_changes(old: str, new: str) -> list[Change]:
    """The changes that turn ``old`` into ``new``: paragraphs (lines) first, then words."""
    if old == new:
        return []
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    old_at = _starts(old_lines)
    new_at = _starts(new_lines)
    out: list[Change] = []
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in lines.get_opcodes():
        if op == "equal":
            continue
        o1, o2, n1, n2 = old_at[i1], old_at[i2], new_at[j1], new_at[j2]
        if op != "replace":
            out.append(Change(o1, o2, n1, n2))
            continue
        if i2 - i1 == j2 - j1:  # as many lines changed as there are: word-diff them pair by pair
            for k in range(i2 - i1):
                out += _word_changes(old, new, old_at[i1 + k], old_at[i1 + k + 1], new_at[j1 + k], new_at[j1 + k + 1])
        else:
            out += _word_changes(old, new, o1, o2, n1, n2)
    return _slide(old, new, out)


def _word_changes(old: str, new: str, o1: int, o2: int, n1: int, n2: int) -> list[Change]:
    return [Change(o1 + a, o1 + b, n1 + c, n1 + d) for a, b, c, d in _block_changes(old[o1:o2], new[n1:n2])]


@functools.lru_cache(maxsize=4096)
def _block_changes(old: str, new: str) -> tuple[tuple[int, int, int, int], ...]:
    """Word changes between two blocks, in offsets of each (cached: an editor's tick changes one
    paragraph of the rewrite, and the others diff as before)."""
    a, a_at = _tokens(old, 0)
    b, b_at = _tokens(new, 0)
    a_at.append(len(old))
    b_at.append(len(new))
    words = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return tuple((a_at[k1], a_at[k2], b_at[m1], b_at[m2])
                 for wop, k1, k2, m1, m2 in words.get_opcodes() if wop != "equal")


def _slide(old: str, new: str, changes: list[Change]) -> list[Change]:
    """Move a pure cut or insertion that starts with a space one place right when the same space
    follows it ("met[ in order] to" -> "met [in order ]to"), so changes start at a word."""
    out = []
    for i, c in enumerate(changes):
        limit_old = changes[i + 1].old_start if i + 1 < len(changes) else len(old)
        limit_new = changes[i + 1].new_start if i + 1 < len(changes) else len(new)
        side, lo, hi = (old, c.old_start, c.old_end) if c.new_start == c.new_end else (new, c.new_start, c.new_end)
        if c.old_start == c.old_end or c.new_start == c.new_end:
            shift = 0
            while (hi + shift < len(side) and side[lo + shift].isspace() and side[hi + shift] == side[lo + shift]
                   and c.old_end + shift < limit_old and c.new_end + shift < limit_new):
                shift += 1
            if shift:
                c = Change(c.old_start + shift, c.old_end + shift, c.new_start + shift, c.new_end + shift)
        out.append(c)
    return out


def _starts(lines: Sequence[str]) -> list[int]:
    at = [0]
    for line in lines:
        at.append(at[-1] + len(line))
    return at


def change_marks(old: str, new: str, changes: Sequence[Change] | None = None) -> list[Mark]:
    """Marks on ``new`` for each change: inserted or replaced text, and points where text was cut."""
    marks = []
    for c in diff_changes(old, new) if changes is None else changes:
        was = old[c.old_start : c.old_end]
        if c.new_start < c.new_end:
            title = f"was: '{was.strip()}'" if was.strip() else "added"
            marks.append(Mark(c.new_start, c.new_end, "rw-ins", title, tag="ins"))
        elif was:
            marks.append(Mark(c.new_start, c.new_start, "rw-del", "cut", removed=was))
    return marks


def rewrite_html(original: str, new: str, report: Report | None = None) -> str:
    """The rewrite with its changes against ``original`` highlighted (a ``<div>``, needs
    :data:`STYLE`). With ``report`` (the check of ``new``), hard sentences are tinted too."""
    marks = change_marks(original, new)
    regions = []
    if report is not None and report.text == new:
        regions = finding_marks(report)[1]
    return f'<div class="rw-text rw-box rw-rewrite">{render_marked(new, marks, regions)}</div>'


def key_html() -> str:
    """What the marks mean: word flags (a family's colour, underlined) and sentence tints (grey
    stripes with an icon: hard, very hard; a dotted underline: long), so not by colour alone."""
    return ('<div class="rw-key">'
            '<span><mark class="rw-m" style="background: #eee">word</mark> a flagged word or phrase, '
            'coloured by family (chips above)</span>'
            '<span><span class="rw-s rw-s-hard">sentence</span> hard sentence</span>'
            '<span><span class="rw-s rw-s-very-hard">sentence</span> very hard sentence</span>'
            '<span><span class="rw-s rw-s-long">sentence</span> long sentence</span>'
            '<span><ins class="rw-ins">new</ins> <del class="rw-del">cut</del> changes in the rewrite</span>'
            '</div>')


def legend_html(counts: Mapping[str, int], labels: Mapping[str, str] | None = None) -> str:
    """Coloured chips, one per family, with its name in words, its code and its count, and the key
    to the marks (:func:`key_html`): the legend of the highlights."""
    chips = []
    for family, n in counts.items():
        label = (labels or {}).get(family) or family_label(family)
        chips.append(f'<span class="rw-chip" style="background: {family_color(family)}" '
                     f'title="{_attr(family)}">{_text(label)} <small>{_text(family)}</small><b>{n}</b></span>')
    if not chips:
        chips.append('<span class="rw-chip">no findings</span>')
    return f'<div class="rw-legend">{"".join(chips)}</div>{key_html()}'


def _text(s: str) -> str:
    return html.escape(s, quote=False)


def _attr(s: str) -> str:
    return html.escape(s, quote=True)


__all__ = ["SENTENCE_KINDS", "STYLE", "Change", "Mark", "change_marks",
           "diff_changes", "family_color", "family_counts", "family_label", "finding_marks", "finding_title",
           "key_html", "legend_html", "original_html", "render_marked", "rewrite_html"]
