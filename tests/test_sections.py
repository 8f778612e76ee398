"""A large file is parsed and checked a section at a time (issue 14, defect 8): the findings,
metrics and names are those of the whole text at once, offsets index the whole file, paragraph and
document figures cover every section, and no section's parse outlives it."""

from __future__ import annotations

import itertools
import weakref
from pathlib import Path
from typing import Any

import pytest

from rewriter import Config, analyze, engine
from rewriter import document as document_module
from rewriter.document import Document

pytestmark = pytest.mark.slow

STORY = """---
title: Council budget
---
# Council budget

The council serves as a testament to change. In order to begin, the bill was passed by the council on
Monday, officials said. It is worth noting that Mayor Jane Smith said "the plan is a game-changer".

<!-- rewriter: off -->
The committee undertook a comprehensive evaluation in order to facilitate the process.

```
in order to
```

The harbinger of the storm arrived in order to make a decision.
<!-- rewriter: on -->

Due to the fact that the funds were allocated by the board, the project commenced. The plan was
approved. It was signed. It was filed. It was read. It was sent. It was kept. It was seen again.

A very unique opportunity, the spokesperson stated, would leverage synergies across the region in
order to utilize the funds, which had been earmarked by officials who had deliberated extensively.
"""


def _whole(text: str, monkeypatch: pytest.MonkeyPatch, config: Config | None = None) -> Any:
    monkeypatch.setattr(engine, "SECTION_CHARS", 10**9)
    return analyze(text, config, "story.md")


def _sectioned(text: str, monkeypatch: pytest.MonkeyPatch, size: int, config: Config | None = None) -> Any:
    monkeypatch.setattr(engine, "SECTION_CHARS", size)
    return analyze(text, config, "story.md")


@pytest.mark.parametrize("size", [1, 120, 400])
def test_sections_give_the_findings_metrics_and_names_of_the_whole(monkeypatch: pytest.MonkeyPatch,
                                                                   size: int) -> None:
    text = STORY * 3
    config = Config(target_grade=4)
    whole = _whole(text, monkeypatch, config)
    codes = {f.code for f in whole.findings}
    assert {"RD004", "RD005", "WRD001", "PAS001"} <= codes, codes  # paragraph and document findings too
    parsed: list[int] = []
    real_parse = Document.parse

    def counting(self: Document, nlp: Any, batch_size: int = 64) -> None:
        parsed.append(len(self.blocks))
        real_parse(self, nlp, batch_size)

    monkeypatch.setattr(Document, "parse", counting)
    part = _sectioned(text, monkeypatch, size, config)
    assert len(parsed) > 3, "the text must have been checked in several sections"
    assert part.findings == whole.findings
    assert part.metrics == whole.metrics
    assert part.names == whole.names
    assert part.metrics["paragraphs"] == len(part.metrics["paragraph_metrics"])
    for f in part.findings:
        assert 0 <= f.start <= f.end <= len(text)


def test_document_readability_covers_every_section(monkeypatch: pytest.MonkeyPatch) -> None:
    easy = "The dog ran. The cat sat. We ate.\n\n" * 40
    hard = ("Notwithstanding considerable institutional reluctance, the administration's comprehensive "
            "reorganization necessitated unprecedented interdepartmental coordination.\n\n") * 40
    text = easy + hard
    whole = _whole(text, monkeypatch)
    part = _sectioned(text, monkeypatch, 200)
    assert part.metrics == whole.metrics
    assert part.metrics["words"] == whole.metrics["words"] == 40 * 9 + 40 * 11
    assert part.metrics["paragraphs"] == 80
    rd005 = [f for f in part.findings if f.code == "RD005"]
    assert rd005 == [f for f in whole.findings if f.code == "RD005"]
    assert len(rd005) == 1 and rd005[0].start == 0  # once, at the first sentence, for the whole text


def test_a_block_longer_than_a_piece_counts_as_one_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "".join(f"Line {i} was read by the clerk in order to begin.\n" for i in range(60))
    text = "Intro paragraph here.\n\n" + lines
    monkeypatch.setattr(document_module, "PIECE_CHARS", 300)
    whole = _whole(text, monkeypatch)
    part = _sectioned(text, monkeypatch, 500)
    assert part.findings == whole.findings and part.metrics == whole.metrics
    [rd004] = [f for f in part.findings if f.code == "RD004"]
    assert (rd004.start, rd004.end) == (len("Intro paragraph here.\n\n"), len(text.rstrip("\n")))
    assert rd004.data["sentences"] == 60
    assert part.metrics["paragraphs"] == 2
    assert [r["sentences"] for r in part.metrics["paragraph_metrics"]] == [1, 60]
    assert sum(f.code == "WRD001" for f in part.findings) == 60
    for f in part.findings:
        if f.code == "WRD001":
            assert text[f.start : f.end].lower() == "in order to"


def test_sections_cover_the_blocks_once_and_join_back(tmp_path: Path) -> None:
    lines = "".join(f"Line {i} is here.\n" for i in range(400))
    text = STORY + "\n" + lines + "\n" + STORY
    doc = Document.from_text(text)
    sections = list(doc.sections(500))
    assert len(sections) > 3
    origin = [i for s in sections for i in s.origin]
    assert origin == sorted(origin) and set(origin) == set(range(len(doc.blocks)))
    for s in sections:
        assert s.text is doc.text and s.regions is doc.regions
        for block, i in zip(s.blocks, s.origin, strict=True):
            whole = doc.blocks[i]
            assert whole.start <= block.start < block.end <= whole.end and block.kind == whole.kind
    # the pieces of each block tile it exactly
    for i, whole in enumerate(doc.blocks):
        parts = [b for s in sections for b, j in zip(s.blocks, s.origin, strict=True) if j == i]
        assert parts[0].start == whole.start and parts[-1].end == whole.end
        assert all(a.end == b.start for a, b in itertools.pairwise(parts))


def test_no_section_outlives_its_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only one section (and so one section's parse) is alive at a time."""
    alive: list[weakref.ref[Document]] = []
    peak = [0]
    real_parse = Document.parse

    def tracking(self: Document, nlp: Any, batch_size: int = 64) -> None:
        import gc

        gc.collect()
        peak[0] = max(peak[0], sum(r() is not None for r in alive))
        alive.append(weakref.ref(self))
        real_parse(self, nlp, batch_size)

    monkeypatch.setattr(Document, "parse", tracking)
    report = _sectioned(STORY * 6, monkeypatch, 300)
    assert len(alive) > 5 and report.findings
    assert peak[0] == 0, f"{peak[0]} earlier sections were still alive when the next one was parsed"
