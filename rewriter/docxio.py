"""Word drafts: read a .docx as text, and write a rewrite back into it paragraph by paragraph.

The text of a .docx is its body paragraphs joined by a blank line (so each paragraph is a prose
block for the checker). Writing back maps each paragraph through the changes between the old and
the new text and edits only the runs that changed, so paragraph styles (and, where a change sits in
one run, its bold or italic) are kept. Needs python-docx (the ``ui`` extra). Tables, headers and
footnotes are left as they are.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rewriter.htmlview import Change, diff_changes
from rewriter.textio import InputError

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class DocxText:
    data: bytes
    text: str
    spans: tuple[tuple[int, int], ...]  # each body paragraph's range in ``text``


def _docx() -> Any:
    try:
        import docx
    except ImportError:
        raise InputError("reading .docx needs python-docx: pip install 'rewriter[ui]'") from None
    return docx


def _open(data: bytes, name: str) -> Any:
    docx = _docx()
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{name}: not a Word .docx file ({exc.__class__.__name__})") from None
    except Exception as exc:  # python-docx raises its own and lxml's errors on broken parts
        raise InputError(f"{name}: cannot read this .docx ({exc})") from None


def read_docx(data: bytes, name: str = "draft.docx") -> DocxText:
    document = _open(data, name)
    parts, spans, pos = [], [], 0
    for i, paragraph in enumerate(document.paragraphs):
        if i:
            pos += len(SEPARATOR)
        text = paragraph.text
        parts.append(text)
        spans.append((pos, pos + len(text)))
        pos += len(text)
    joined = SEPARATOR.join(parts)
    if not joined.strip():
        raise InputError(f"{name}: no text in the document body")
    return DocxText(data, joined, tuple(spans))


def paragraph_texts(original: DocxText, new_text: str) -> list[str]:
    """Each paragraph's text in ``new_text`` (a rewrite of ``original.text``). InputError when the
    rewrite does not keep the paragraphs apart."""
    changes = diff_changes(original.text, new_text)
    out = []
    prev_end = None
    for start, end in original.spans:
        a, b = _map(start, changes, at_end=False), _map(end, changes, at_end=True)
        if a is None or b is None or b < a or (prev_end is not None and new_text[prev_end:a] != SEPARATOR):
            raise InputError("the rewrite does not keep the document's paragraphs apart")
        out.append(new_text[a:b])
        prev_end = b
    if prev_end is not None and prev_end != len(new_text):
        raise InputError("the rewrite does not keep the document's paragraphs apart")
    return out


def _map(offset: int, changes: Sequence[Change], at_end: bool) -> int | None:
    """``offset`` in the old text -> the new text; None when it falls inside a change."""
    delta = 0
    for c in changes:
        if c.old_end < offset or (c.old_end == offset and (at_end or c.old_start < offset)):
            delta = c.new_end - c.old_end
            continue
        if c.old_start >= offset:
            break
        return None
    return offset + delta


def write_docx(original: DocxText, new_text: str) -> bytes:
    """The original .docx with each paragraph's text replaced by its rewrite, styles kept."""
    texts = paragraph_texts(original, new_text)
    document = _open(original.data, "draft.docx")
    paragraphs = document.paragraphs
    if len(paragraphs) != len(texts):
        raise InputError("the document changed while it was rewritten")
    for paragraph, new in zip(paragraphs, texts, strict=True):
        if paragraph.text != new:
            _rewrite_paragraph(paragraph, new)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _runs(paragraph: Any) -> list[Any]:
    runs: list[Any] = []
    for item in paragraph.iter_inner_content():
        runs.extend(item.runs if hasattr(item, "runs") else [item])
    return runs


def _rewrite_paragraph(paragraph: Any, new: str) -> None:
    old = paragraph.text
    runs = _runs(paragraph)
    texts = [r.text for r in runs]
    if "".join(texts) != old or not runs:
        paragraph.text = new  # keeps the paragraph's style; run formatting is lost
        return
    starts = [0]
    for t in texts:
        starts.append(starts[-1] + len(t))
    # apply the changes from the last to the first, so earlier offsets stay valid
    for c in reversed(diff_changes(old, new)):
        replacement = new[c.new_start : c.new_end]
        first = _run_at(starts, c.old_start, len(runs))
        last = _run_at(starts, max(c.old_end - 1, c.old_start), len(runs))
        for k in range(first, last + 1):
            lo = max(c.old_start - starts[k], 0)
            hi = min(c.old_end - starts[k], len(texts[k]) if k != last else c.old_end - starts[k])
            if k == first:
                texts[k] = texts[k][:lo] + replacement + texts[k][hi:]
            else:
                texts[k] = texts[k][hi:]
    if "".join(texts) != new:
        paragraph.text = new
        return
    for run, text in zip(runs, texts, strict=True):
        if run.text != text:
            run.text = text


def _run_at(starts: Sequence[int], offset: int, n: int) -> int:
    for k in range(n):
        if starts[k] <= offset < starts[k + 1]:
            return k
    # an insertion at the very end, or an offset on an empty run: the last run that starts at or before it
    for k in range(n - 1, -1, -1):
        if starts[k] <= offset:
            return k
    return 0


def docx_from_text(text: str) -> bytes:
    """A new .docx with one paragraph per block of ``text`` (blank lines separate blocks)."""
    document = _docx().Document()
    for block in text.split(SEPARATOR):
        document.add_paragraph(block.strip("\n"))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


__all__ = ["SEPARATOR", "DocxText", "docx_from_text", "paragraph_texts", "read_docx", "write_docx"]
