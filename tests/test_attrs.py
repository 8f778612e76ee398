"""The attribute ruler's indexed match (rewriter.attrs) gives spaCy's Matcher's matches, so every
tag, part of speech, morphology and lemma is what the trained pipeline sets (issue 14, speed)."""

from __future__ import annotations

import pytest

SENTENCES = [
    "He ai n't gon na go, let 's see what y' all gotta do.",
    "The minister stated that the bill, which was passed by the council, stands as a testament to reform.",
    "I'm   gonna  wait.\n\n  Ain't it odd?  ",
    "\"Whom did she see?\" asked the U.S. senator at 5 p.m. on Jan. 3rd, 2024 -- twice!",
    "There are many residents who oppose the plan; they're angry, aren't they?",
]


@pytest.mark.slow
def test_indexed_match_is_the_matchers() -> None:
    from rewriter.attrs import FastMatch
    from rewriter.nlp import load_pipeline

    nlp = load_pipeline(frozenset({"tagger", "parser"})).nlp
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, FastMatch)  # installed by load_pipeline
    fast = ruler.match
    for doc in nlp.pipe(SENTENCES, disable=["attribute_ruler", "lemmatizer"]):
        assert fast(doc) == type(ruler).match(ruler, doc), doc.text
    docs = list(nlp.pipe(SENTENCES))
    del ruler.match  # spaCy's own Matcher again
    try:
        plain = list(nlp.pipe(SENTENCES))
    finally:
        ruler.match = fast
    for a, b in zip(docs, plain, strict=True):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in a] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_) for t in b]


def test_a_pattern_of_another_shape_keeps_the_matcher() -> None:
    spacy = pytest.importorskip("spacy")
    from rewriter.attrs import speed_up

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})
    assert speed_up(nlp) is False
    assert "match" not in vars(ruler)
    nlp2 = spacy.blank("en")
    ruler2 = nlp2.add_pipe("attribute_ruler")
    ruler2.add([[{"LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"})
    ruler2.add([[{"TAG": {"IN": ["NN", "NNS"]}}]], {"POS": "NOUN"})
    assert speed_up(nlp2) is True
    doc = nlp2("ai n't")
    assert [t.lemma_ for t in doc] == ["be", ""]
