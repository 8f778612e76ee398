"""Is a candidate edit good in its sentence? The checks every fix passes before it is offered.

Two layers, one for each thing that can be known:

* :func:`replacement_problem` judges one lexical replacement against the parse of the sentence it
  lands in (the words around it, their lemmas, the numeral after it): a doubled or echoed word, a
  quantifier before a number, a plural of a mass noun, a near-repeat of a neighbour ("ease easier").
  The lexicon's fix builder tries each alternative in turn and keeps the first that passes; when
  none does, the finding is display-only and says why.
* :func:`sentence_problem` compares a sentence before and after the edits that land in it, as plain
  text: a new doubled word, a new "a"/"an" before the wrong sound, a new word said twice, a word of
  unusual case (pH, mRNA) changed, a sentence left starting in lower case. The fixer runs it on
  every edit it applies, whichever rule made it and however it was chosen (bulk, or an editor's
  accept), so edits that are fine alone but clash together are caught too.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path
from typing import Any

from rewriter.inflect import article_for, lemmas_of

_LISTS = Path(__file__).resolve().parent / "data" / "lists"

# function words: repeating them in a sentence is normal
STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
    "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have",
    "had", "do", "does", "did", "not", "no", "so", "than", "then", "there", "their", "they", "them", "he", "she",
    "his", "her", "we", "our", "you", "your", "i", "me", "my", "will", "would", "can", "could", "may", "might",
    "should", "must", "shall", "which", "who", "whom", "whose", "what", "when", "where", "while", "if", "into",
    "over", "after", "before", "about", "up", "out", "more", "most", "such", "also", "only", "just", "very", "all",
    "any", "each", "both", "some", "other", "too", "off", "again", "said", "says", "say", "one", "two", "new",
})
# words that may stand near each other twice ("a plan and a map", "of the ... of the")
_FUNCTION = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
    "it", "its", "is", "are", "was", "were", "be", "been", "has", "have", "their", "they", "he", "she", "his",
    "her", "we", "our", "you", "i", "will", "would", "can", "could", "may", "not", "this", "that",
})
# doublings English allows ("had had", "that that", "on on Monday"), and interjections
DOUBLING_OK = frozenset({
    "had", "that", "is", "do", "very", "no", "so", "bye", "far", "long", "yeah", "ha", "knock", "tut", "chop",
    "bang", "boo", "hush", "well", "go", "pretty", "really", "many", "more", "what", "blah", "la", "ta", "ho",
    "yes", "oh", "again", "round", "on", "over",
})
_DEFINITE_ONLY = frozenset({"main", "foremost", "sole"})
_QUANTIFIERS = frozenset({"many", "several", "few", "numerous", "various", "lots", "plenty", "countless", "some"})
_DEGREE = frozenset({"very", "extremely", "highly", "really", "so", "quite", "most", "more", "less", "too",
                     "increasingly", "particularly", "especially", "truly", "rather", "fairly", "pretty"})
_GIVING = frozenset({"give", "offer", "provide", "show", "grant", "hand"})
_AFTER_VERB_ONLY = frozenset({"hard", "fast", "late", "early", "well", "long"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


@functools.lru_cache(maxsize=1)
def mass_nouns() -> frozenset[str]:
    """Nouns with no everyday plural ("advice", "cooperation"): a replacement never takes an -s."""
    path = _LISTS / "mass_nouns.txt"
    words = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)


def mass_singular(word: str) -> str | None:
    """The mass noun ``word`` is a made-up plural of ("cooperations" -> "cooperation",
    "equipments" -> "equipment"), or None."""
    lower = word.lower()
    if not lower.endswith("s"):
        return None
    for cut in (1, 2):
        if lower[:-cut] in mass_nouns():
            return word[:-cut]
    return None


def _stem_clash(a: str, b: str) -> bool:
    """Two different content words of one stem ("ease" / "easier", "begin" / "beginning"): the
    shorter, less a final 'e' or 'y', starts the longer ("plan" / "plain" do not clash)."""
    a, b = a.lower(), b.lower()
    if a == b or a in STOPWORDS or b in STOPWORDS or min(len(a), len(b)) < 4:
        return False
    short, long_ = sorted((a, b), key=len)
    stem = short[:-1] if short[-1] in "ey" else short
    return len(stem) >= 3 and long_.startswith(stem)


def _lemma_set(word: str) -> frozenset[str]:
    return lemmas_of(word.lower())


def _present_perfect(verb: Any) -> bool:
    """Whether ``verb`` is a participle after "has"/"have" ("have been reported")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in verb.children)


@functools.lru_cache(maxsize=4096)
def _can_be_verb(word: str) -> bool:
    """Whether lemminflect knows ``word`` as a verb form (a word it does not know may be one)."""
    import lemminflect

    known = lemminflect.getAllLemmas(word)
    return not known or "VERB" in known or "AUX" in known


def replacement_problem(doc: Any, i: int, j: int, replacement: str, tag: str = "") -> str | None:
    """Why putting ``replacement`` in place of ``doc[i:j]`` would make the sentence worse, or None.
    ``tag`` is the Penn tag the replacement was inflected to ("NNS" for a plural)."""
    words = replacement.split()
    if not words:
        return None
    sent = doc[i].sent
    prev = neighbor(doc, i, -1)
    nxt = neighbor(doc, j - 1, 1)
    first, last = words[0].lower(), words[-1].lower()
    # "an innovative new product" -> "a new new product"
    if prev is not None and prev.lower_ == first and first not in DOUBLING_OK:
        return f"would double '{first}'"
    if nxt is not None and nxt.lower_ == last and last not in DOUBLING_OK:
        return f"would double '{last}'"
    # "tirelessly crisscrossing" -> "hard crisscrossing": these adverbs only follow their verb
    if len(words) == 1 and first in _AFTER_VERB_ONLY and nxt is not None and nxt.pos_ in ("VERB", "AUX"):
        return f"'{first}' cannot stand before the verb"
    # "no injuries have been reported at the present time" -> "... reported now": after a present
    # perfect the plain words are "so far"
    if first == "now" and len(words) == 1 and doc[i].pos_ == "ADP" and _present_perfect(doc[i].head):
        return "'now' after 'has/have ...' reads wrong; 'so far' says it"
    # "We endeavor to ..." -> "We effort to ...": a verb is replaced by a verb
    if j - i == 1 and len(words) == 1 and doc[i].tag_ in ("VB", "VBD", "VBP", "VBZ") and not _can_be_verb(first):
        return f"'{first}' is not a verb"
    # "a flagship project" -> "a main project": these adjectives want "the" or a possessive
    if first in _DEFINITE_ONLY and prev is not None and prev.lower_ in ("a", "an"):
        return f"'{first}' does not follow 'a'"
    # "a very pivotal moment" -> "a very turning point": an adverb of degree wants an adjective,
    # and a match that starts with one and ends with its noun gives it none
    if (prev is not None and prev.lower_ in _DEGREE and j - i > 1 and doc[i].pos_ == "ADJ"
            and doc[j - 1].pos_ in ("NOUN", "PROPN")):
        return f"'{prev.text}' would stand before a noun"
    # "renders that consent unnecessary" -> "gives that consent unnecessary": a verb of giving
    # takes no adjective after its object
    if j - i == 1 and doc[i].pos_ == "VERB" and _lemma_set(first) & _GIVING and _object_complement(doc[i]):
        return f"'{first}' cannot take an adjective after its object"
    # "with a view to expanding" -> "to expanding": an infinitive "to" wants a base verb
    if (replacement.lower() in ("to", "so as to", "in order to") and nxt is not None and nxt.tag_ == "VBG"
            and nxt.dep_ == "pcomp"):
        return f"'{replacement}' cannot stand before '{nxt.text}'"
    # "a myriad of 12 stakeholders" -> "many 12 stakeholders"
    if last in _QUANTIFIERS and nxt is not None and nxt.like_num:
        return f"'{last}' cannot stand before a number"
    # "cooperation" has no everyday plural
    if tag == "NNS":
        for w in words:
            singular = mass_singular(w)
            if singular is not None:
                return f"'{singular.lower()}' has no plural"
    # "Noting that ..., he said" -> "Saying that ..., he said": "said" is everywhere in news, but
    # twice in one sentence is an echo
    if _lemma_set(first) & {"say"} and any(
            t.lemma_.lower() == "say" for t in sent if not (i <= t.i < j)):
        return "'say' is already in the sentence"
    # an echo: the new word (or its lemma) is already in the sentence, outside the match
    outside = [t for t in sent if not (i <= t.i < j) and not t.is_punct and not t.is_space]
    for w in words:
        low = w.lower()
        if len(low) < 4 or low in STOPWORDS:  # these clash only close by: "the new and new tool"
            near = [t for t in outside if abs(t.i - i) <= 3 or abs(t.i - (j - 1)) <= 3]
            if low not in DOUBLING_OK and low not in _FUNCTION and any(t.lower_ == low for t in near):
                return f"'{w}' would sit beside another '{w}'"
            continue
        mine = _lemma_set(low)
        for t in outside:
            if t.lower_ in STOPWORDS:
                continue
            if t.lower_ == low or t.lemma_.lower() in mine or mine & _lemma_set(t.lower_):
                return f"'{t.text}' is already in the sentence"
        # a near-repeat beside it: "facilitate easier" -> "ease easier"
        for t in outside:
            if (abs(t.i - i) <= 3 or abs(t.i - (j - 1)) <= 3) and _stem_clash(low, t.lower_):
                return f"'{w}' would sit beside '{t.text}'"
    return None


def _object_complement(verb: Any) -> bool:
    """Whether ``verb`` has an adjective after its object ("renders the rule void"), however the
    parser attached it (to the verb, or to the object as a modifier after it)."""
    for c in verb.children:
        if c.pos_ == "ADJ" and c.dep_ in ("ccomp", "oprd", "xcomp"):
            return True
        if c.dep_ in ("dobj", "ccomp") and any(a.pos_ == "ADJ" and a.dep_ == "amod" and a.i > c.i for a in c.children):
            return True
    return False


def neighbor(doc: Any, i: int, step: int) -> Any:
    """The nearest token ``step`` (-1 or 1) away from ``doc[i]`` that is not white space, or None."""
    k = i + step
    while 0 <= k < len(doc):
        if not doc[k].is_space:
            return doc[k]
        k += step
    return None


def odd_case(word: str) -> bool:
    """A word whose capitals are not plain lowercase, Capitalised or ALL CAPS (pH, mRNA, iPhone)."""
    letters = word.strip("'\u2019\"\u201c(").split("-")[0]
    if not letters or not letters[:1].isalpha():
        return False
    rest = letters[1:]
    return any(c.isupper() for c in rest) and not letters.isupper()


# --- the sentence as text, before and after ------------------------------------------------------

_ARTICLE_OK_WORDS = ("one", "once", "uni", "use", "usu", "eu", "ewe", "ubiq", "ura", "ure", "uti", "u.s")


def _defects(s: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for m in re.finditer(r"\b(\w+)\s+\1\b", s, flags=re.IGNORECASE):
        if m.group(1).lower() not in DOUBLING_OK:
            out[f"a doubled '{m.group(1).lower()}'"] += 1
    for m in re.finditer(r"\b([Aa]n?) ([A-Za-z][\w-]*)", s):
        art, w = m.group(1).lower(), m.group(2)
        if len(w) == 1 or w.isupper():
            continue
        if article_for(w) != art:
            out[f"'{m.group(0)}'"] += 1
    return out


def _content_words(s: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(s) if w.lower() not in STOPWORDS and len(w) > 3)


def sentence_problem(before: str, after: str, repeats: bool = False) -> str | None:
    """Why ``after`` (a sentence with edits applied) is worse than ``before`` as text, or None.
    ``repeats``: the edit repeats a word on purpose (a split names the subject again)."""
    new_defects = _defects(after) - _defects(before)
    if new_defects:
        return f"would leave {next(iter(new_defects))}"
    old, new = _content_words(before), _content_words(after)
    for w in new - old:
        if new[w] > 1 and not repeats:
            return f"would say '{w}' twice"
    for w in _WORD.findall(before):
        if odd_case(w) and w not in after and w.lower() in after.lower():
            return f"would change the case of '{w}'"
    b, a = before.lstrip("\"'\u201c\u2018( "), after.lstrip("\"'\u201c\u2018( ")
    if b[:1].isupper() and a[:1].islower():
        return "would start the sentence in lower case"
    return None


__all__ = ["STOPWORDS", "mass_nouns", "odd_case", "replacement_problem", "sentence_problem"]
