"""House spelling: the `spelling` setting, SPL001 and replacements written in the house variety."""

from __future__ import annotations

import pytest

from rewriter import Config, analyze, rewrite
from rewriter.config import ConfigError, load_config
from rewriter.spelling import house_variety, variety

MIXED = "The colour of the new centre pleased the neighbours, though the color of the roof did not."


def _spl(text: str, config: Config | None = None) -> list[tuple[str, str]]:
    report = analyze(text, config)
    return [(text[f.start : f.end], f.fix.edits[0].replacement) for f in report.findings
            if f.code == "SPL001" and f.fix is not None]


def test_auto_flags_only_the_minority_spelling_of_a_mixed_draft() -> None:
    assert _spl(MIXED) == [("color", "colour")]
    assert _spl("The colour of the new centre pleased the neighbours.") == []


def test_auto_breaks_a_tie_with_the_variety_used_first() -> None:
    # each variety once: the first spelling sets the house, the second is flagged
    assert _spl("The colour of the roof matched the color of the door.") == [("color", "colour")]
    assert _spl("The color of the roof matched the colour of the door.") == [("colour", "color")]
    # two against one: the majority wins, wherever it starts
    assert _spl("The color of the new centre pleased the neighbours.") == [("color", "colour")]
    # a tie the fix resolves stays resolved
    once = rewrite("The colour of the roof matched the color of the door.").text
    assert "color " not in once and rewrite(once).text == once


def test_a_house_variety_flags_every_word_of_the_other() -> None:
    us = Config(spelling="en-US")
    assert _spl("The colour of the centre was organised by neighbours.", us) == [
        ("colour", "color"), ("centre", "center"), ("organised", "organized"), ("neighbours", "neighbors")]
    gb = Config(spelling="en-GB")
    assert _spl("They traveled to the theater to analyze it.", gb) == [
        ("traveled", "travelled"), ("theater", "theatre"), ("analyze", "analyse")]


def test_capitalised_words_are_names_and_left_alone() -> None:
    assert _spl("Lord Grey met the Color Guard at Centre Court.", Config(spelling="en-US")) == []
    assert variety("Grey and Centre Court.") is None


def test_the_fix_is_safe_and_idempotent() -> None:
    once = rewrite(MIXED).text
    assert "color" not in once and once.count("colour") == 2
    assert rewrite(once).text == once


def test_replacements_follow_the_house_setting() -> None:
    text = "Nestled in the heart of the old town, the shop reopened."
    assert "centre" in rewrite(text, unsafe=True, config=Config(spelling="en-GB")).text
    assert "center" in rewrite(text, unsafe=True, config=Config(spelling="en-US")).text
    assert house_variety("The colour and the centre.", "en-US") == "us"


def test_an_unknown_spelling_value_is_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "rewriter.toml"
    cfg.write_text('spelling = "en-AU"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="spelling"):
        load_config(cfg)


def test_a_draft_checked_in_sections_flags_each_word_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import rewriter.engine as engine

    paragraph = "The colour of the new centre pleased the neighbours of the theatre."
    text = "\n\n".join([paragraph] * 6 + ["The color of the roof did not."])
    whole = _spl(text)
    monkeypatch.setattr(engine, "SECTION_CHARS", 150)  # about two paragraphs a section
    assert _spl(text) == whole == [("color", "colour")]
