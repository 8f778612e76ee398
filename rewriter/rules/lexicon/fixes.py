"""Fix shaping for lexicon matches, in one place: each replacement inflected like the matched
words, spelled in the draft's variety, cased like the original, with "a"/"an" before it corrected
and a deletion's seam (a space, a hanging comma, a capital moved on) cleaned; every alternative
gets the same treatment, as its own :class:`Edit` (``Fix.option_edits``), so that an editor's
chosen alternative is as well formed as the default. The first replacement that passes its
sentence's checks (:func:`rewriter.candidate.replacement_problem`) is the fix."""

from __future__ import annotations

import re
from typing import Any

from rewriter.candidate import mass_singular, neighbor, odd_case, replacement_problem
from rewriter.inflect import article_for, choose_tag, inflect, lemmas_of, match_case, tags_of_form
from rewriter.model import Applicability, Edit, Fix
from rewriter.rules.lexicon.filters import NAME_ENTS, sentence_initial
from rewriter.rules.lexicon.schema import Entry
from rewriter.spelling import in_variety


def build_fix(text: str, doc: Any, base: int, i: int, j: int, entry: Entry,
              spelling: str = "auto") -> tuple[Fix | None, str]:
    """The fix for a match of ``doc[i:j]`` and the replacement shown in the message.

    Each replacement is shaped (inflected like the matched words) and tried in its sentence
    (:func:`rewriter.candidate.replacement_problem`); the first that passes is the fix. When none
    passes, the fix is display-only and the finding's ``data["unfixable"]`` says why."""
    start = base + doc[i].idx
    end = base + doc[j - 1].idx + len(doc[j - 1].text)
    observed = text[start:end]
    # an alternative that takes the verb after the match along ("with a view to expanding" ->
    # "to expand"): its span ends after that verb
    ends = [_verb_end(doc, j, choice) for choice in entry.replace]
    # inflected like the matched words, spelled as the draft spells ("centre" in British copy)
    shaped = [None if s is None or e is None else (in_variety(_with_verb(s[0], doc, e), text, spelling), s[1])
              for s, e in zip((_shape(doc, i, j, entry, choice) for choice in entry.replace), ends, strict=True)]
    alternatives = tuple(s[0] if s is not None else r.replace(VERB_SLOT, "...")
                         for s, r in zip(shaped, entry.replace, strict=True))
    option_edits = tuple(_option_edit(text, doc, base, i, e or j, alt)
                         for alt, e in zip(alternatives, ends, strict=True))
    problems: list[str] = []
    chosen: int | None = None
    for k, s in enumerate(shaped):
        if s is None:
            problems.append(f"'{entry.replace[k].replace(VERB_SLOT, '...')}' needs an -ing verb after it"
                            if ends[k] is None else f"no form of '{entry.replace[k]}' fits here")
            continue
        form, tag = s
        jk = ends[k] or j
        why = _deletion_problem(text, doc, base, i, j) if form == "" else replacement_problem(doc, i, jk, form, tag)
        if why is not None:
            problems.append(f"'{form}': {why}" if form else why)
            continue
        chosen = k
        break
    applicability = entry.applicability if chosen is not None else Applicability.DISPLAY_ONLY
    k = chosen if chosen is not None else 0
    shown = alternatives[k]
    if chosen is None:
        # the message never names a word that does not exist ("try 'cooperations'"): a mass noun
        # is shown in its one form, for the person to fit in
        shown = _singular_mass(shown)
    edit = option_edits[k]
    why_not = "; ".join(problems) if chosen is None else ""
    title = f"Cut '{observed}'" if shown == "" else f"Replace with '{edit.replacement if edit else shown}'"
    if edit is None:
        # no clean cut here: offer it to a person, taking the space before it along
        lead = start
        while lead > 0 and text[lead - 1] in " \t":
            lead -= 1
        edit = Edit(lead, end, "")
        applicability = Applicability.DISPLAY_ONLY
        why_not = why_not or "no clean cut here"
    edits = tuple(e if e is not None else edit for e in option_edits)
    return Fix((edit,), applicability, title, alternatives, edits, why_not), shown


def _singular_mass(form: str) -> str:
    """``form`` with a plural mass noun made singular ("closer cooperations" -> "closer cooperation")."""
    return " ".join(mass_singular(w) or w for w in form.split(" "))


# in a replacement, the verb after the match in its base form: "to {VB}" for "with a view to"
VERB_SLOT = "{VB}"


def _verb_end(doc: Any, j: int, choice: str) -> int | None:
    """Where an alternative's span ends: ``j``, or for one with the verb slot the token after the
    -ing verb that follows the match; None when no such verb follows ("with a view to a sale")."""
    if VERB_SLOT not in choice:
        return j
    nxt = neighbor(doc, j - 1, 1)
    if nxt is None or nxt.tag_ != "VBG" or nxt.i != j:
        return None
    return j + 1


def _with_verb(form: str, doc: Any, end: int) -> str:
    """``form`` with the verb slot filled by the base form of ``doc[end - 1]``."""
    if VERB_SLOT not in form:
        return form
    verb = doc[end - 1]
    base = next((lemma for lemma in sorted(lemmas_of(verb.lower_)) if inflect(lemma, "VBG") == verb.lower_), None)
    return form.replace(VERB_SLOT, base or verb.lemma_.lower())


def _option_edit(text: str, doc: Any, base: int, i: int, j: int, replacement: str) -> Edit | None:
    """The edit that puts ``replacement`` (shaped) in place of ``doc[i:j]``: case kept, "a"/"an"
    before it corrected; a deletion takes a space and a hanging comma with it (None: no clean cut)."""
    if replacement == "":
        return _deletion(text, doc, base, i, j)
    start = base + doc[i].idx
    end = base + doc[j - 1].idx + len(doc[j - 1].text)
    degree = _synthetic_degree(doc, i, j, replacement)
    if degree is not None:
        # "more resilient" -> "tougher", not "more tough"
        more = doc[i].nbor(-1)
        start = base + more.idx
        return _fix_article(text, doc, base, more.i, Edit(start, end, match_case(more.text, degree)))
    return _fix_article(text, doc, base, i, Edit(start, end, match_case(text[start:end], replacement)))


def _syllables(word: str) -> int:
    groups = re.findall(r"[aeiouy]+", word.lower())
    n = len(groups)
    if word.lower().endswith("e") and not word.lower().endswith(("le", "ee")) and n > 1:
        n -= 1
    return max(1, n)


def _synthetic_degree(doc: Any, i: int, j: int, replacement: str) -> str | None:
    """The -er/-est form of a one-word adjective ``replacement`` for "more"/"most" + the matched
    adjective ("more resilient" -> "tougher", "most intricate" -> "simplest"); None when the
    replacement keeps "more" ("more complex") or the match is not such an adjective."""
    if j - i != 1 or i == 0 or " " in replacement or doc[i].pos_ != "ADJ":
        return None
    more = doc[i].nbor(-1)
    if more.lower_ not in ("more", "most") or more.head.i != i:
        return None
    word = replacement.lower()
    two = _syllables(word) == 2 and word.endswith(("y", "le")) and not word.endswith("ly")
    if not (_syllables(word) == 1 or two) or word.endswith("ed") or word in _NO_SYNTHETIC:
        return None
    import lemminflect

    forms = lemminflect.getInflection(word, "JJR" if more.lower_ == "more" else "JJS")
    return forms[0] if forms else None


# one-syllable adjectives English compares with "more" ("more key", "more real")
_NO_SYNTHETIC = frozenset({"key", "real", "right", "wrong", "like", "just", "main", "chief", "prime", "fun", "whole"})


def _deletion_problem(text: str, doc: Any, base: int, i: int, j: int) -> str | None:
    """Why cutting ``doc[i:j]`` would harm the sentence: the next word would be re-capitalised
    though its case is not plain ("pH", "mRNA", "bell hooks")."""
    if not sentence_initial(doc, doc[i]):
        return None
    nxt = neighbor(doc, j - 1, 1)
    while nxt is not None and nxt.text == ",":
        nxt = neighbor(doc, nxt.i, 1)
    if nxt is None:
        return None
    # "the" of "the Delmar Library" takes a capital as any "the" does
    if odd_case(nxt.text) or (nxt.text[:1].islower() and nxt.lower_ not in ("the", "a", "an")
                              and (nxt.ent_type_ in NAME_ENTS or nxt.pos_ == "PROPN")):
        return f"the next word '{nxt.text}' would take a capital"
    return None


def _shape(doc: Any, i: int, j: int, entry: Entry, choice: str) -> tuple[str, str] | None:
    """Inflect ``choice`` like the matched words, with the Penn tag it took ("" when it kept its
    form); None when no form can be made with confidence."""
    if not choice:
        return "", ""
    inflected = []
    for k, word in enumerate(entry.words):
        tok = doc[i + k] if i + k < j else None
        if tok is None:
            break
        # a past form spelled like the base ("has cast", "they set") is inflected too
        if tok.lower_ != word or (tok.tag_ in ("VBD", "VBN") and tags_of_form(word, tok.lower_)):
            inflected.append((k, tok, word))
    rwords = choice.split(" ")
    if not inflected:
        # "they stand as a harbinger of" -> "they are a sign of": a finite 'be' must agree
        if rwords[0] == "be" and doc[i].tag_ == "VBP":
            rwords[0] = _be_form("VBP", doc[i])
            return " ".join(rwords), "VBP"
        return choice, ""
    if len(inflected) > 1:
        return None
    k, tok, word = inflected[0]
    tags = tags_of_form(word, tok.lower_)
    if not tags:
        return None
    prev_words = tuple(t.lower_ for t in doc[max(0, tok.i - 3) : tok.i])
    nxt = neighbor(doc, tok.i, 1)
    # "The hearing commenced at noon." parsed as a noun with a clause: the head is the root
    head_is_root = tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)
    before = neighbor(doc, tok.i, -1)
    if ({"VBD", "VBN"} <= tags and tok.dep_ == "amod" and before is not None
            and before.pos_ in ("NOUN", "PROPN", "PRON")):
        # "The firm rendered services" read as "rendered services": after a noun it may be the
        # main verb, and "gave" and "given" cannot be told apart
        return None
    tag = choose_tag(tags, tok.tag_, prev_words, tok.dep_, nxt.lower_ if nxt is not None else "", head_is_root,
                     has_subject)
    if tag is None:
        return None
    # spaCy may read a verb as a plural noun ("holds the distinction"): a replacement that is
    # only a verb ("be") or only a noun settles it
    if tag in ("NNS", "VBZ") and tags >= {"NNS", "VBZ"}:
        tag = _settle_s_form(tag, choice.split(" ")[0], len(entry.words) > 1 and k == 0)
    if tag.startswith("VB"):
        # the verb of the match takes the form: "completely eliminated" -> "eliminated"
        if k == 0 or len(rwords) == 1:
            target = 0
        elif k == len(entry.words) - 1:
            target = len(rwords) - 1
        else:
            return None
        if rwords[target] == "be":
            rwords[target] = _be_form(tag, tok)
            return " ".join(rwords), tag
    elif tag.startswith("NN"):
        if len(entry.words) == 1:
            target = len(rwords) - 1
        elif k == 0 and (len(rwords) == 1 or rwords[1] in ("of", "for", "to", "in", "on", "over", "between", "with",
                                                            "among", "about")):
            target = 0
        elif k == len(entry.words) - 1:
            target = len(rwords) - 1
        else:
            return None
    elif tag in ("JJR", "JJS", "RBR", "RBS"):
        return None
    else:
        return None
    if rwords[target] == VERB_SLOT:
        return None
    form = inflect(rwords[target], tag)
    if form is None:
        return None
    rwords[target] = form
    return " ".join(rwords), tag


def _settle_s_form(tag: str, first_replacement: str, phrase_head: bool) -> str:
    import lemminflect

    if first_replacement == "be":
        return "VBZ"
    as_noun = bool(lemminflect.getAllInflections(first_replacement, upos="NOUN"))
    as_verb = bool(lemminflect.getAllInflections(first_replacement, upos="VERB"))
    if tag == "NNS" and as_verb and not as_noun:
        return "VBZ"
    if tag == "VBZ" and as_noun and not as_verb and not phrase_head:
        return "NNS"
    return tag


def _be_form(tag: str, tok: Any) -> str:
    """'be' agreeing with the subject of the verb it replaces."""
    subject = None
    verb = tok
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is not None or verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            break
        verb = verb.head
    low = subject.lower_ if subject is not None else ""
    plural = subject is not None and (
        subject.tag_ in ("NNS", "NNPS") or low in ("we", "they", "you", "these", "those")
        or any(c.dep_ == "conj" for c in subject.children))
    if tag == "VBZ":
        return "is"
    if tag == "VBP":
        return "am" if low == "i" else "are"
    if tag == "VBD":
        return "were" if plural or low == "you" else "was"
    return {"VBG": "being", "VBN": "been"}.get(tag, "be")


def _fix_article(text: str, doc: Any, base: int, i: int, edit: Edit) -> Edit:
    prev = neighbor(doc, i, -1)
    if prev is None or prev.lower_ not in ("a", "an"):
        return edit
    want = article_for(edit.replacement)
    if want == prev.lower_:
        return edit
    art_start = base + prev.idx
    gap = text[art_start + len(prev.text) : edit.start]
    article = match_case(prev.text, want) if prev.text[0].isupper() else want
    return Edit(art_start, edit.end, article + gap + edit.replacement)


def _deletion(text: str, doc: Any, base: int, i: int, j: int) -> Edit | None:
    """Cut ``doc[i:j]`` with one neighbouring space, a comma that would be left hanging, and a
    capital moved to the next word at the start of a sentence."""
    start = base + doc[i].idx
    end = base + doc[j - 1].idx + len(doc[j - 1].text)
    initial = sentence_initial(doc, doc[i])
    nxt = neighbor(doc, j - 1, 1)
    prev = neighbor(doc, i, -1)
    if nxt is not None and nxt.text == ",":
        after = base + nxt.idx + 1
        if initial:
            end = after
        elif prev is not None and prev.text == ",":
            # "the bridge, notably, reopened" -> "the bridge reopened"
            return Edit(base + prev.idx, after, "")
        elif j - i >= 3 and prev is not None and text[start - 1 : start] == " ":
            # a phrase that ends its clause: "apologised for any inconvenience caused, adding"
            # -> "apologised, adding" (one word before a comma may be half of "very, very")
            return Edit(start - 1, end, "")
        else:
            return None
    if nxt is not None and nxt.lower_ in ("and", "or") and prev is not None and prev.text == ",":
        second = neighbor(doc, nxt.i, 1)
        if second is not None and second.tag_ == "VBG":
            # the first of two closing participles: "..., leaving a trail of devastation in its wake
            # and damaging 40 homes" -> "..., damaging 40 homes"
            return Edit(start, base + second.idx, "")
    if nxt is not None and nxt.text in (".", "!", "?") and prev is not None and prev.text == ",":
        # a closing phrase after a comma goes with the comma: "..., leaving a trail of
        # devastation in its wake." -> "... ."
        return Edit(base + prev.idx, end, "")
    # swallow the whitespace after, or before when the cut ends a clause
    k = end
    while k < len(text) and text[k] in " \t":
        k += 1
    if k > end and k < len(text) and text[k] not in "\r\n":
        end = k
    else:
        s = start
        while s > 0 and text[s - 1] in " \t":
            s -= 1
        if s < start:
            start = s
        elif not initial:
            return None
    if initial:
        if end >= len(text) or not text[end].isalpha():
            return None
        if text[end].islower():
            if _deletion_problem(text, doc, base, i, j) is not None:
                return None
            return Edit(start, end + 1, text[end].upper())
    elif prev is not None and prev.lower_ in ("a", "an") and end < len(text):
        word = text[end:].split(" ", 1)[0]
        want = article_for(word)
        if want != prev.lower_:
            art = base + prev.idx
            return Edit(art, end, match_case(prev.text, want) + " ")
    return Edit(start, end, "")
