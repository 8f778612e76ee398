"""Tables compiled once into the cache folder for a faster cold start: syllable counts from a compact
CMUdict table (loading CMUdict itself takes seconds), equal to textstat's own counts, and the
lexicons' TOML read back as JSON, equal to tomllib's parse."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import textstat

from rewriter import readability


@pytest.fixture
def fresh_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("REWRITER_NO_CACHE", raising=False)
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(tmp_path))
    readability._cmu_syllables.cache_clear()
    yield tmp_path
    readability._cmu_syllables.cache_clear()


ODD = ["well-known", "3.5", "don't", "1,000", "U.S.", "co-operate", "zorblax", "qwrtp", "naïve", "e\u0301te\u0301",
       "O'Neill", "mid-2020s", "Hello", "", "a"]


def _sample() -> list[str]:
    from textstat.backend.utils._get_cmudict import get_cmudict

    words = sorted(get_cmudict("en_US") or {})
    return random.Random(14).sample(words, 3000) + ODD


def test_counts_and_difficult_words_equal_textstats(fresh_table: Path) -> None:
    for word in _sample():
        assert readability.count_syllables(word.lower()) == textstat.syllable_count(word.lower()), word
        assert readability.is_difficult.__wrapped__(word) == bool(textstat.is_difficult_word(word.lower())), word
    [table] = fresh_table.glob("syllables-v1-cmudict-*.json")
    assert json.loads(table.read_bytes())["hello"] == 2


def test_a_corrupt_table_is_rebuilt(fresh_table: Path) -> None:
    readability.count_syllables("hello")
    [table] = fresh_table.glob("syllables-*.json")
    table.write_bytes(b"{\"hello\": ")
    readability._cmu_syllables.cache_clear()
    assert readability.count_syllables("hello") == 2
    assert json.loads(table.read_bytes())["hello"] == 2


def test_with_the_cache_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(tmp_path))  # REWRITER_NO_CACHE=1 from conftest
    readability._cmu_syllables.cache_clear()
    try:
        assert readability.count_syllables("reading") == textstat.syllable_count("reading")
        assert not list(tmp_path.iterdir())
    finally:
        readability._cmu_syllables.cache_clear()


def test_lexicon_toml_read_back_equals_tomllib(fresh_table: Path) -> None:
    import tomllib

    from rewriter.rules.lexicon import DATA_DIR
    from rewriter.tables import parsed_toml

    for path in sorted(DATA_DIR.glob("*.toml")):
        raw = path.read_text(encoding="utf-8")
        expected = tomllib.loads(raw)
        assert parsed_toml(raw) == expected  # parsed and stored
        assert parsed_toml(raw) == expected  # read back
    stored = sorted(fresh_table.glob("toml-v*/*.json"))
    assert len(stored) == len(list(DATA_DIR.glob("*.toml")))
    import hashlib

    raw = (DATA_DIR / "wordy.toml").read_text(encoding="utf-8")
    [entry] = fresh_table.glob(f"toml-v*/{hashlib.sha256(raw.encode()).hexdigest()}.json")
    entry.write_bytes(b'{"sha256": "x", "data": ')  # corrupt: parsed again and rewritten
    assert parsed_toml(raw) == tomllib.loads(raw)
    assert json.loads(entry.read_bytes())["data"] == tomllib.loads(raw)
    with pytest.raises(tomllib.TOMLDecodeError):
        parsed_toml("code = \n")


def test_lemmas_from_the_table_equal_lemminflects(fresh_table: Path) -> None:
    from lemminflect import Lemmatizer

    from rewriter import inflect

    inflect._lemma_table.cache_clear()
    inflect.lemmas_of.cache_clear()
    try:
        words = sorted(w for w in Lemmatizer()._getLemmaDict() if w == w.lower())
        sample = [*random.Random(14).sample(words, 3000), "heralded", "was", "better", "children", "zorblax", ""]
        for word in sample:
            assert inflect.lemmas_of(word) == inflect._lemmas_from_lemminflect(word), word
        assert "herald" in inflect.lemmas_of("heralded")
        [table] = fresh_table.glob("lemmas-v1-lemminflect-*.json")
        assert "be" in json.loads(table.read_bytes())["was"]
        assert inflect.lemmas_of("Heralded") == inflect._lemmas_from_lemminflect("Heralded")  # not lower-case
    finally:
        inflect._lemma_table.cache_clear()
        inflect.lemmas_of.cache_clear()
