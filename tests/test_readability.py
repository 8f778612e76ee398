"""Readability metrics (textstat formulas on spaCy sentences) and the RD rules."""

from __future__ import annotations

import math

import pytest
import textstat

from rewriter import Config, analyze
from rewriter.readability import Counts, count, formulas, syllables, words_of

METRIC_KEYS = {"words", "sentences", "paragraphs", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog",
               "smog_index", "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
               "reading_time_seconds", "hard_sentences", "very_hard_sentences"}

RD = Config(select=("RD",))

# a sentence at a college grade: long words, one clause
HARD_WORDS = ("Regional transportation officials announced yesterday that the proposed infrastructure "
              "improvements would require considerable additional investment.")
EASY = "The dog ran to the park. It sat in the sun. Then it went home."


def rd(text: str, config: Config = RD) -> list[str]:
    return [f.code for f in analyze(text, config).findings if f.family == "RD"]


def test_document_metrics_keys_match_the_json_contract() -> None:
    metrics = analyze(EASY, RD).metrics
    assert set(metrics) >= METRIC_KEYS
    assert metrics["words"] == 15
    assert metrics["sentences"] == 3
    assert metrics["paragraphs"] == 1
    assert metrics["reading_time_seconds"] == pytest.approx(15 / 238 * 60, abs=0.1)
    for key in METRIC_KEYS:
        assert isinstance(metrics[key], int | float) and not isinstance(metrics[key], bool), key
        assert math.isfinite(metrics[key]), key


@pytest.mark.parametrize(
    "sentence",
    [
        "The council approved the new budget on Monday after a long debate.",
        "Residents can't park on the street until the snow is cleared.",
        HARD_WORDS,
        "A well-known author signed copies at the library on Saturday morning.",
        "She paid 20 dollars for three tickets to the show.",
        "Firefighters battled the blaze for hours before they brought it under control.",
    ],
)
def test_single_sentence_scores_agree_with_textstat(sentence: str) -> None:
    metrics = analyze(sentence, RD).metrics
    assert metrics["sentences"] == 1
    assert metrics["words"] == textstat.lexicon_count(sentence)
    assert metrics["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(sentence), abs=0.05)
    assert metrics["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(sentence), abs=0.05)


def test_sentence_count_comes_from_spacy_not_a_regex() -> None:
    # "Dr." and "U.S." do not end sentences
    text = "Dr. Ruth Park met U.S. officials in Washington on Friday. They agreed on a plan."
    assert analyze(text, RD).metrics["sentences"] == 2


def test_headings_are_excluded() -> None:
    heading = "# Extraordinarily complicated intergovernmental administrative reorganisation considerations\n\n"
    with_heading = analyze(heading + EASY, RD).metrics
    without = analyze(EASY, RD).metrics
    assert with_heading["words"] == without["words"] == 15
    assert with_heading["flesch_kincaid_grade"] == without["flesch_kincaid_grade"]
    assert with_heading["paragraphs"] == 1
    assert rd(heading + "Short text here.") == []


def test_protected_regions_do_not_count() -> None:
    text = ("```\nExtraordinarily complicated intergovernmental code here.\n```\n\n"
            "> Quoted administrative considerations.\n\n" + EASY)
    assert analyze(text, RD).metrics["words"] == 15


def test_empty_text_metrics_are_zero() -> None:
    metrics = analyze("", RD).metrics
    assert metrics["words"] == 0 and metrics["sentences"] == 0
    assert metrics["flesch_kincaid_grade"] == 0.0
    assert rd("") == []


def test_paragraph_metrics() -> None:
    text = EASY + "\n\n" + HARD_WORDS
    rows = analyze(text, RD).metrics["paragraph_metrics"]
    assert [r["sentences"] for r in rows] == [3, 1]
    assert text[rows[1]["start"] : rows[1]["end"]] == HARD_WORDS
    assert rows[0]["flesch_kincaid_grade"] < rows[1]["flesch_kincaid_grade"]


# --- RD rules ---------------------------------------------------------------------------------------


def test_hard_and_very_hard_thresholds_come_from_config() -> None:
    grade = analyze(HARD_WORDS, RD).metrics["flesch_kincaid_grade"]
    assert grade > 16
    assert "RD002" in rd(HARD_WORDS)
    assert analyze(HARD_WORDS, RD).metrics["very_hard_sentences"] == 1
    # raise the very-hard bar above this sentence: it becomes merely hard
    cfg = RD.replace(very_hard_grade=grade + 1)
    assert "RD001" in rd(HARD_WORDS, cfg) and "RD002" not in rd(HARD_WORDS, cfg)
    assert analyze(HARD_WORDS, cfg).metrics["hard_sentences"] == 1
    # raise both: no longer hard at all
    cfg = RD.replace(hard_grade=grade + 1, very_hard_grade=grade + 2)
    assert not {"RD001", "RD002"} & set(rd(HARD_WORDS, cfg))
    # lower both: an easy sentence of enough words becomes very hard
    plain = "The dog ran to the park and sat in the sun for a while with its friend."
    assert "RD002" in rd(plain, RD.replace(hard_grade=1, very_hard_grade=2))


def test_hard_sentence_message_says_why() -> None:
    long_words = next(f for f in analyze(HARD_WORDS, RD).findings if f.code == "RD002")
    assert "long words" in long_words.message
    assert long_words.data["observed"] == HARD_WORDS
    many = " ".join(["the dog ran to the park and"] * 6) + " sat."
    f = next(f for f in analyze(many, RD).findings if f.code in ("RD001", "RD002"))
    assert "43 words" in f.message


def test_short_sentences_are_never_hard() -> None:
    short = "Intergovernmental reorganisation necessitates deliberation."
    assert analyze(short, RD).metrics["flesch_kincaid_grade"] > 16
    assert not {"RD001", "RD002"} & set(rd(short))
    assert {"RD001", "RD002"} & set(rd(short, RD.replace(min_hard_sentence_words=3)))


def test_long_sentence_of_short_words() -> None:
    text = " ".join(["the dog ran to the park"] * 6) + " and sat."  # 38 one-syllable words
    assert rd(text) == ["RD005", "RD003"]  # grade 11: long, but not hard
    assert "RD003" not in rd(text, RD.replace(max_sentence_words=40))


def test_long_paragraph() -> None:
    para = " ".join(f"The dog ran home at {n}." for n in range(7))
    assert "RD004" in rd(para)
    assert "RD004" not in rd(para, RD.replace(max_paragraph_sentences=7))
    split = " ".join(f"The dog ran home at {n}." for n in range(4)) + "\n\n" + " ".join(
        f"The cat ran home at {n}." for n in range(3))
    assert "RD004" not in rd(split)


def test_document_grade_above_target() -> None:
    assert "RD005" in rd(HARD_WORDS)
    assert "RD005" not in rd(EASY)
    assert "RD005" not in rd(HARD_WORDS, RD.replace(target_grade=30))
    f = next(f for f in analyze(HARD_WORDS, RD).findings if f.code == "RD005")
    assert f.start == f.end == 0  # a document-level finding points at the first sentence


# --- the formulas themselves -------------------------------------------------------------------------


def test_formulas_by_hand() -> None:
    c = Counts(words=10, sentences=2, syllables=15, letters=45, polysyllables=1, complex_words=1, difficult=2)
    f = formulas(c)
    assert f["flesch_kincaid_grade"] == pytest.approx(0.39 * 5 + 11.8 * 1.5 - 15.59, abs=0.01)
    assert f["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 5 - 84.6 * 1.5, abs=0.01)
    assert f["gunning_fog"] == pytest.approx(0.4 * (5 + 10), abs=0.01)
    assert f["automated_readability_index"] == pytest.approx(4.71 * 4.5 + 0.5 * 5 - 21.43, abs=0.01)
    assert formulas(Counts())["flesch_kincaid_grade"] == 0.0


def test_words_and_syllables() -> None:
    # decomposed accents, other scripts and thousands separators do not split a word
    assert words_of("Caf\u00e9 e\u0301te\u0301 Nguy\u1ec5n \u0395\u03bb\u03bb\u03ac\u03b4\u03b1 paid $2,500,000, "
                    "up 3.5% from 1,200 in 2019, 2020") == [
        "Caf\u00e9", "e\u0301te\u0301", "Nguy\u1ec5n", "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1", "paid",
        "2,500,000", "up", "3.5", "from", "1,200", "in", "2019", "2020"]
    assert words_of("Don't stop\u2014the well-known rise") == ["Don't", "stop", "the", "well-known", "rise"]
    assert syllables("cat") == 1
    assert syllables("information") == 4
    assert syllables("x") >= 1
    c = count(["The", "information", "is", "Extraordinary"], 1)
    assert c.words == 4 and c.polysyllables == 2
    assert c.complex_words == 1  # capitalised words do not count for the fog index


def test_sentence_analysis_does_not_depend_on_the_rules_selected() -> None:
    # the parser gives both the sentence boundaries and the clause counts, whichever rules run
    text = ("The mayor said the plan, which the council backed after a debate that ran late into the night, "
            "would start in June because the money had come through and the state agreed, officials said.")
    messages = {}
    for select in (("RD",), ()):
        report = analyze(text, Config(select=select))
        messages[select] = [f.message for f in report.findings if f.code in ("RD001", "RD002")]
    assert messages[("RD",)] == messages[()]
    assert "stacked clauses" in messages[("RD",)][0]
