"""The parser's view of a block (masked markup blanked) is made per range, with no blanked copy of
the whole text (issue 14, memory): the same characters as blanking the whole text and slicing."""

from __future__ import annotations

import random
import re

from rewriter.document import Document
from rewriter.markup import CODE, COMMENT, QUOTE, TAG, URL, Region

_KINDS = (CODE, COMMENT, TAG, URL, QUOTE)


def _whole(text: str, regions: list[Region]) -> str:
    chars = list(text)
    for r in regions:
        if r.kind != QUOTE:
            for i in range(r.start, r.end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
    return "".join(chars)


def test_masked_ranges_are_slices_of_the_whole_blanked_text() -> None:
    rng = random.Random(14)
    for _ in range(300):
        text = "".join(rng.choice("ab \n\r<>") for _ in range(rng.randint(0, 60)))
        regions = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            regions.append(Region(a, b, rng.choice(_KINDS)))
        doc = Document(text=text, regions=regions)
        whole = _whole(text, regions)
        for _ in range(10):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            assert doc.masked(a, b) == whole[a:b]


def test_a_real_documents_blocks() -> None:
    text = "See <b>this</b> at https://x.org/a.b and `code` here.\r\n\r\n<!-- note --> Plain words.\n"
    doc = Document.from_text(text)
    whole = _whole(text, doc.regions)
    assert [doc.prose_text(b) for b in doc.blocks] == [whole[b.start : b.end] for b in doc.blocks]
    assert re.search(r"\bthis\b", doc.prose_text(doc.blocks[0]))
    assert "https" not in doc.prose_text(doc.blocks[0])
