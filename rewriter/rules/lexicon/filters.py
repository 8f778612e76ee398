"""Which matches of a lexicon entry stand: the entry's own filters (``pos``, ``require_next``,
``exclude_next``, ``require_prev``, ``exclude_prev``, ``require_earlier``, ``object_ent``,
``exclude_object_ent``), a match glued into a hyphenated compound,
``allow``, and proper names, which are never flagged. The token helpers here (the neighbour past
spaces, a sentence start) serve the fix shaping too."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from rewriter.candidate import mass_singular, neighbor
from rewriter.inflect import lemmas_of

if TYPE_CHECKING:
    from rewriter.rules.base import Context
    from rewriter.rules.lexicon.schema import Entry

NAME_ENTS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}


_BOUNDARY_BEFORE = {".", "!", "?", ":", "\"", "\u201c", "("}


def accept(doc: Any, i: int, j: int, entry: Entry, tagged: bool, ctx: Context) -> bool:
    """Whether the match of ``entry`` on ``doc[i:j]`` stands (``tagged``: the pipeline tags parts of speech)."""
    first = doc[i]
    if entry.pos:
        if not tagged:
            return False
        if first.pos_ not in entry.pos and not ("VERB" in entry.pos and _mistagged_verb(first)):
            return False
    # the word next to the match, and the next word past articles and determiners
    # ("navigate the river": exclude_next = ["river"] sees "the" and "river")
    nexts = _context(doc, j - 1, 1)
    # the start of a paragraph counts as a sentence boundary: "." in require_prev / exclude_prev
    # means "first in its sentence" there too
    prevs = [token_keys(t) for t in _context(doc, i, -1)] or [_START]
    if entry.require_next and not any(token_keys(t) & entry.require_next for t in nexts):
        return False
    if entry.exclude_next and any(token_keys(t) & entry.exclude_next for t in nexts):
        return False
    if entry.require_prev and not any(keys & entry.require_prev for keys in prevs):
        return False
    if entry.exclude_prev and any(keys & entry.exclude_prev for keys in prevs):
        return False
    if entry.require_earlier and not _said_earlier(doc, i, entry.require_earlier):
        return False
    if entry.object_ent or entry.exclude_object_ent:
        if not {"parser", "ner"} <= ctx.capabilities:
            return False
        labels = _object_ents(first)
        if entry.object_ent and not labels & entry.object_ent:
            return False
        if labels & entry.exclude_object_ent:
            return False
    if _inside_compound(doc, i, j):
        return False
    for k in range(i, j):
        tok = doc[k]
        if _is_name(doc, tok):
            return False
    span_text = doc[i:j].text.lower()
    return not (span_text in ctx.allow or any(doc[k].lower_ in ctx.allow for k in range(i, j)))


def _mistagged_verb(tok: Any) -> bool:
    """An -s form the tagger calls a plural noun although its noun has no plural: "The gadget
    leverages AI" is the verb, since 'leverage' the noun is never 'leverages'."""
    return tok.tag_ == "NNS" and mass_singular(tok.lower_) is not None


_SENTENCE_END = {".", "!", "?", ";"}


def _said_earlier(doc: Any, i: int, words: frozenset[str]) -> bool:
    """Whether one of ``words`` stands before ``doc[i]`` in its sentence, read back to the last
    sentence-ending mark (a capitalised "May" is the month, not the modal)."""
    for k in range(i - 1, -1, -1):
        tok = doc[k]
        if tok.text in _SENTENCE_END or "\n" in tok.text:
            return False
        if tok.lower_ in words and not (tok.text[:1].isupper() and tok.pos_ == "PROPN"):
            return True
    return False


def _object_ents(verb: Any) -> frozenset[str]:
    """The entity labels of a verb's direct object ("eliminate Osama bin Laden": PERSON)."""
    return frozenset(child.ent_type_ for child in verb.children
                     if child.dep_ in ("dobj", "obj") and child.ent_type_)


_HYPHENS = {"-", "\u2010", "\u2011"}
_START = frozenset({"."})  # what a paragraph start counts as in require_prev and exclude_prev


def _inside_compound(doc: Any, i: int, j: int) -> bool:
    """A match glued by a hyphen to a word outside it ("less-than-stellar") is part of a
    compound the writer made; its words are not the lexicon's words."""
    if i >= 2 and doc[i - 1].text in _HYPHENS and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return True
    return j + 1 < len(doc) and doc[j].text in _HYPHENS and not doc[j - 1].whitespace_ and not doc[j].whitespace_




_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these",
                "those", "some", "any", "every", "each"}


def _context(doc: Any, i: int, step: int) -> list[Any]:
    """The neighbouring token, plus the first token past determiners when it is one."""
    first = neighbor(doc, i, step)
    if first is None:
        return []
    out = [first]
    tok = first
    for _ in range(3):
        if tok.lower_ not in _DETERMINERS:
            break
        tok = neighbor(doc, tok.i, step)
        if tok is None:
            break
        out.append(tok)
    return out


@functools.lru_cache(maxsize=131072)
def _keys_of(lower: str, lemma: str) -> frozenset[str]:
    return lemmas_of(lower) | {lemma}


def token_keys(tok: Any) -> frozenset[str]:
    return _keys_of(tok.lower_, tok.lemma_.lower() if tok.lemma_ else tok.lower_)


def sentence_initial(doc: Any, tok: Any) -> bool:
    """Whether ``tok`` opens a sentence, read from the text (the first word of the paragraph, or
    after . ! ? : or an opening quote), never from the parser's sentence guess, which flips with
    the words around it ("Sign forerunner Notably, ...")."""
    if tok.i == 0:
        return True
    prev = neighbor(doc, tok.i, -1)
    if prev is None:
        return True
    if prev.text in ('"', "'", "\u2018", "\u201c"):
        # an opening quote hugs the next word; a closing one ('"Leonore" Overture') does not
        return not prev.whitespace_
    return prev.text in _BOUNDARY_BEFORE


def _is_name(doc: Any, tok: Any) -> bool:
    """Proper names are never flagged: named entities, and capitalised words inside a sentence.
    A capitalised word at the start of a sentence ("Harbinger of ...") is judged as a word, since
    the small model's entity guess there flips with the words around it and a rewrite must reach the
    same verdict on its own output; unless the text says it is a name: an entity whose next word is
    capitalised too, or a word the paragraph also has capitalised inside a sentence, which no rewrite
    changes."""
    initial = sentence_initial(doc, tok)
    if tok.ent_type_ in NAME_ENTS and not initial:
        return True
    text = tok.text
    if text[:1].isupper() and not text.isupper() and not initial:
        return True
    if initial and text[:1].isupper() and tok.ent_type_ in NAME_ENTS:
        # at a sentence start the entity guess flips with the words around it ("Bolstered council
        # harbinger" is an entity, "Bolstered council sign" not), so the text decides: a name goes
        # on in capitals ("Novel Industries said ...")
        nxt = neighbor(doc, tok.i, 1)
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and nxt.text != "I":
            return True
    if text[:1].isupper() and not text.isupper() and sentence_initial(doc, tok) and any(
            t.text == text and t.i != tok.i and not sentence_initial(doc, t) for t in doc):
        # "Harbinger rose on Monday. Shares in Harbinger ...": capitalised inside a sentence
        # elsewhere in the paragraph, so a name at the start too
        return True
    return bool(tok.pos_ == "PROPN" and not sentence_initial(doc, tok) and text[:1].isupper())
