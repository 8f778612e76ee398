"""Shape a replacement like the words it replaces: inflection, capitals, and a/an."""

from __future__ import annotations

import functools
import re

_VOWEL_SOUND_EXCEPTIONS = ("uni", "use", "usu", "uti", "ure", "uro", "eu", "one", "once", "ewe", "ufo")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir", "herb")
_VOWEL_LETTER_NAMES = set("AEFHILMNORSX")


def article_for(word: str) -> str:
    """'a' or 'an' before ``word`` (by sound, with the common exceptions)."""
    w = word.strip("\"'\u201c\u2018(")
    if not w:
        return "a"
    if re.fullmatch(r"[A-Z]{2,}s?", w.split("-")[0]):  # acronym read letter by letter
        return "an" if w[0] in _VOWEL_LETTER_NAMES else "a"
    if w[0].isdigit():
        return "an" if re.match(r"(8|11|18)(\D|$)|8\d", w) else "a"
    low = w.lower()
    if low.startswith(_SILENT_H):
        return "an"
    if low.startswith(_VOWEL_SOUND_EXCEPTIONS):
        return "a"
    return "an" if low[0] in "aeiou" else "a"


def match_case(observed: str, replacement: str) -> str:
    """Keep ALL CAPS and a leading capital of the observed text."""
    if not replacement:
        return replacement
    letters = [c for c in observed if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if observed[:1].isupper() and not replacement[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


_MODALS = {"can": "could", "will": "would", "may": "might", "shall": "should", "could": "could",
           "would": "would", "might": "might", "should": "should", "must": "must"}
_NOUN_CUES = {"the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "many", "some", "of",
              "and", "as", "such", "other", "all", "few", "several", "no", "two", "three"}
_TAGS = {"VERB": ("VBD", "VBG", "VBN", "VBZ", "VBP"), "NOUN": ("NNS",), "ADJ": ("JJR", "JJS"), "ADV": ("RBR", "RBS")}


@functools.lru_cache(maxsize=65536)
def tags_of_form(lemma: str, form: str, upos: str | None = None) -> frozenset[str]:
    """Penn tags under which ``form`` is an inflection of ``lemma`` (base forms excluded)."""
    import lemminflect

    out = set()
    known = lemminflect.getAllInflections(lemma)
    for pos, tags in _TAGS.items():
        if upos is not None and pos != upos:
            continue
        if known and not any(t in known for t in tags) and not (pos == "VERB" and "VB" in known):
            continue
        for tag in tags:
            forms = lemminflect.getInflection(lemma, tag=tag)
            if not forms and not known:
                forms = lemminflect.getInflection(lemma, tag=tag, inflect_oov=True)
            if form in forms:
                out.add(tag)
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def lemmas_of(form: str) -> frozenset[str]:
    """Every lemma lemminflect knows for a surface form (any part of speech). A lower-case form
    is looked up in a table compiled once from lemminflect's (see ``_lemma_table``)."""
    table = _lemma_table() if form == form.lower() else None
    if table is not None:
        return frozenset({form, *table.get(form, ())})
    return _lemmas_from_lemminflect(form)


def _lemmas_from_lemminflect(form: str) -> frozenset[str]:
    import lemminflect

    out = {form}
    for values in lemminflect.getAllLemmas(form).values():
        out.update(values)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _lemma_table() -> dict[str, list[str]] | None:
    """For every lower-case word in lemminflect's lemma lookup (and its overrides), its lemmas
    other than itself: ``lemmas_of`` without loading lemminflect's table (most of a second of
    every cold start). A word not in the table has no lemma but itself, as in lemminflect. None when
    the cache is off."""
    from importlib import metadata

    from rewriter.tables import compiled_table, enabled_by_env

    if not enabled_by_env():  # building the table takes longer than loading lemminflect's once
        return None
    try:
        version = metadata.version("lemminflect")
    except metadata.PackageNotFoundError:  # pragma: no cover - a dependency
        version = "unknown"
    return compiled_table(f"lemmas-v1-lemminflect-{version}.json", _build_lemma_table,
                          lambda v: isinstance(v, list))


def _build_lemma_table() -> dict[str, list[str]]:
    from lemminflect import Lemmatizer

    lemmatizer = Lemmatizer()
    words = {*lemmatizer._getLemmaDict(), *lemmatizer._getOverridesDict()}
    table = {}
    for word in sorted(w for w in words if w == w.lower()):
        extra = sorted(_lemmas_from_lemminflect(word) - {word})
        if extra:
            table[word] = extra
    return table


@functools.lru_cache(maxsize=65536)
def inflect(word: str, tag: str) -> str | None:
    """``word`` (base form) in the form of Penn ``tag``; None when lemminflect has no answer."""
    import lemminflect

    if word in _MODALS:
        # modals do not inflect: "is able to" -> "can", "was able to" -> "could"
        if tag in ("VB", "VBP", "VBZ"):
            return word
        if tag == "VBD":
            return _MODALS[word]
        return None
    if tag in ("VB", "VBP", "NN", "JJ", "RB"):
        if tag == "VBP" and word == "be":
            return None  # am/are depends on the subject
        return word
    if tag in ("VBD", "VBG", "VBN", "VBZ"):
        known = lemminflect.getAllLemmas(word)
        if known and "VERB" not in known and "AUX" not in known:
            return None  # a word lemminflect knows only as another part of speech: no "urgenting"
    found = lemminflect.getInflection(word, tag=tag)
    if not found:
        found = lemminflect.getInflection(word, tag=tag, inflect_oov=True)
    return found[0] if found else None


def choose_tag(candidates: frozenset[str], spacy_tag: str, prev_words: tuple[str, ...], dep: str = "",
               next_word: str = "", head_is_root: bool = False, has_subject: bool = False) -> str | None:
    """Pick one Penn tag from the forms the surface word can be, using spaCy's tag when it
    is one of them and the words before it (have/be + participle) when it is not."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return next(iter(candidates))
    verbs = {t for t in candidates if t.startswith("VB")}
    nouns = {t for t in candidates if t.startswith("NN")}
    if {"VBD", "VBN"} <= candidates and not nouns:
        aux = {"have", "has", "had", "having", "'ve", "'s", "'d", "be", "is", "are", "was", "were", "been",
               "being", "get", "got", "gets"}
        if any(w in aux for w in prev_words[-3:]):
            return "VBN"
        # no auxiliary: a participle modifies ("the vote, bolstered by ..."); a main verb is past tense
        # ... unless it has a subject of its own ("as prices soared, ...": past tense)
        if next_word == "by" or dep == "amod" or (dep == "advcl" and not has_subject) or (
                dep == "acl" and not head_is_root):
            return "VBN"
        return "VBD"
    if nouns == {"NNS"} and verbs == {"VBZ"}:
        # "harbingers" / "stands": a determiner, adjective or preposition before it -> noun
        if prev_words and prev_words[-1] in _NOUN_CUES:
            return "NNS"
        if spacy_tag in candidates:
            return spacy_tag
        return None
    if spacy_tag in candidates:
        return spacy_tag
    if spacy_tag.startswith("VB") and len(verbs) == 1:
        return next(iter(verbs))
    if spacy_tag.startswith("NN") and len(nouns) == 1:
        return next(iter(nouns))
    return None
