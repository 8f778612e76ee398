"""Lexicon rules: word and phrase lists as TOML data (rewriter/data/*.toml), one rule per file.

All enabled lexicons are matched together so that the longest match wins across them
("stands as a harbinger of" beats "harbinger").
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rewriter.candidate import odd_case, replacement_problem
from rewriter.document import Document
from rewriter.inflect import article_for, choose_tag, inflect, lemmas_of, match_case, tags_of_form
from rewriter.model import Applicability, Edit, Finding, Fix, Severity, code_family
from rewriter.rules.base import Context, Family, RuleInfo
from rewriter.spelling import in_variety

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

_ENTRY_KEYS = {"match", "replace", "reason", "applicability", "source", "pos", "require_next",
               "exclude_next", "require_prev", "exclude_prev"}
_HEADER_KEYS = {"code", "name", "category", "severity", "summary", "message", "message_omit", "what",
                "why", "example", "fix_safety", "enabled", "entry", "label", "color"}
_POS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "SCONJ", "VERB"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
_BOUNDARY_BEFORE = {".", "!", "?", ":", "\"", "\u201c", "("}


class LexiconError(ValueError):
    """A broken lexicon file; the message names the file, the entry and its line."""


@dataclass(frozen=True)
class Entry:
    match: str
    words: tuple[str, ...]
    replace: tuple[str, ...]
    reason: str
    applicability: Applicability
    source: str
    pos: frozenset[str] = frozenset()
    require_next: frozenset[str] = frozenset()
    exclude_next: frozenset[str] = frozenset()
    require_prev: frozenset[str] = frozenset()
    exclude_prev: frozenset[str] = frozenset()
    rule: str = ""  # the code of the lexicon it belongs to


@dataclass(frozen=True, eq=False)  # hashed by identity: the matcher cache keys on it
class Lexicon:
    info: RuleInfo
    message: str
    message_omit: str
    entries: tuple[Entry, ...]


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def split_words(phrase: str) -> tuple[str, ...]:
    from rewriter.tables import PHRASE_WORDS  # phrases tokenized once, not in every run

    return PHRASE_WORDS.get(phrase, _split_with_spacy)


def _split_with_spacy(phrase: str) -> tuple[str, ...]:
    return tuple(t.lower_ for t in _tokenizer()(phrase) if not t.is_space)


def load_lexicon(path: str | Path) -> Lexicon:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc})") from None
    from rewriter.tables import parsed_toml  # parsed once per content, then read back as JSON

    try:
        data = parsed_toml(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: invalid TOML ({exc})") from None
    return parse_lexicon(data, str(path), raw)


def _entry_lines(raw: str) -> list[int]:
    return [n for n, line in enumerate(raw.splitlines(), 1) if line.strip() == "[[entry]]"]


def parse_lexicon(data: dict[str, Any], source: str, raw: str = "") -> Lexicon:
    unknown = set(data) - _HEADER_KEYS
    if unknown:
        raise LexiconError(f"{source}: unknown key '{sorted(unknown)[0]}' in the header")
    for key in ("code", "name", "category", "summary"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise LexiconError(f"{source}: the header needs '{key}' (a string)")
    code = data["code"]
    prefix = code_family(code)
    if not (2 <= len(prefix) <= 4 and prefix.isalpha() and prefix.isupper() and len(code) - len(prefix) == 3):
        raise LexiconError(f"{source}: bad code {code!r} (capital letters and three digits, e.g. HSE001)")
    try:
        severity = Severity.parse(str(data.get("severity", "warning")))
    except ValueError as exc:
        raise LexiconError(f"{source}: {exc}") from None
    lines = _entry_lines(raw)
    raw_lines = raw.splitlines()
    entries = []
    seen: dict[tuple[str, ...], int] = {}
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list) or not raw_entries:
        raise LexiconError(f"{source}: no [[entry]] tables")
    for i, e in enumerate(raw_entries):
        where = _Where(source, raw_lines, lines[i] if i < len(lines) else 0)
        entry = _parse_entry(e, where, code)
        if entry.words in seen:
            raise LexiconError(f"{where}: duplicate match '{entry.match}'")
        seen[entry.words] = i
        entries.append(entry)
    info = RuleInfo(
        code=code, name=data["name"], category=data["category"], severity=severity,
        summary=data["summary"], what=str(data.get("what", data["summary"])), why=str(data.get("why", "")),
        example=str(data.get("example", "")), fix_safety=str(data.get("fix_safety", "")),
        default_enabled=bool(data.get("enabled", True)),
        needs=frozenset({"tagger", "parser", "ner"}), origin=source,
        family_info=Family(prefix, str(data.get("label") or data["category"]), str(data.get("color", "")),
                           scope="word", lexical=True),
    )
    return Lexicon(info, str(data.get("message", "'{observed}': try '{replacement}'")),
                   str(data.get("message_omit", "'{observed}' adds nothing; cut it")), tuple(entries))


class _Where:
    """``file:line`` of an entry, or of one of its keys when the file text is known."""

    def __init__(self, source: str, raw_lines: list[str], entry_line: int) -> None:
        self.source, self.raw_lines, self.entry_line = source, raw_lines, entry_line

    def __str__(self) -> str:
        return f"{self.source}:{self.entry_line}" if self.entry_line else self.source

    def __call__(self, key: str) -> str:
        if not self.entry_line:
            return str(self)
        for n in range(self.entry_line, len(self.raw_lines)):
            line = self.raw_lines[n].strip()
            if line.startswith("["):  # the next table: the key is not in this entry
                break
            if re.match(rf"{re.escape(key)}\s*=", line):
                return f"{self.source}:{n + 1}"
        return str(self)


def _parse_entry(e: Any, where: _Where, code: str) -> Entry:
    if not isinstance(e, dict):
        raise LexiconError(f"{where}: an entry must be a table")
    unknown = set(e) - _ENTRY_KEYS
    if unknown:
        bad = sorted(unknown)[0]
        raise LexiconError(f"{where(bad)}: unknown key '{bad}'")
    match = e.get("match")
    if not isinstance(match, str) or not match.strip():
        raise LexiconError(f"{where('match')}: 'match' must be a non-empty string")
    replace = e.get("replace")
    if isinstance(replace, str):
        replace = [replace]
    if not isinstance(replace, list) or not replace or not all(isinstance(r, str) for r in replace):
        raise LexiconError(f"{where('replace')}: 'replace' must be a list of strings (\"\" deletes)")
    for key in ("reason", "source"):
        if not isinstance(e.get(key), str) or not e[key].strip():
            raise LexiconError(f"{where(key)}: '{key}' must be a non-empty string")
    try:
        applicability = Applicability.parse(str(e.get("applicability", "")))
    except ValueError as exc:
        raise LexiconError(f"{where('applicability')}: {exc}") from None

    def words(key: str) -> frozenset[str]:
        value = e.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LexiconError(f"{where(key)}: '{key}' must be a list of words")
        return frozenset(v.lower() for v in value)

    pos = frozenset(v.upper() for v in words("pos"))
    if pos - _POS:
        raise LexiconError(f"{where('pos')}: unknown part of speech '{sorted(pos - _POS)[0]}'")
    split = split_words(match)
    if not split:
        raise LexiconError(f"{where('match')}: 'match' has no words")
    return Entry(
        match=match.strip().lower(), words=split, replace=tuple(r.strip() for r in replace),
        reason=e["reason"].strip(), applicability=applicability, source=e["source"].strip(), pos=pos,
        require_next=words("require_next"), exclude_next=words("exclude_next"),
        require_prev=words("require_prev"), exclude_prev=words("exclude_prev"), rule=code,
    )


@functools.lru_cache(maxsize=1)
def builtin_lexicons() -> tuple[Lexicon, ...]:
    return _saving_phrases(lambda: tuple(load_lexicon(p) for p in sorted(DATA_DIR.glob("*.toml"))))


@functools.lru_cache(maxsize=1)
def lexicon_adverbs() -> frozenset[str]:
    """One-word entries the built-in lexicons list as adverbs ("notably", "moreover"): a word of
    these is never a name, even capitalised in mid-sentence."""
    return frozenset(e.match.lower() for lex in builtin_lexicons() for e in lex.entries
                     if len(e.words) == 1 and (e.pos == frozenset({"ADV"})
                                               or (e.match.endswith("ly") and "" in e.replace)))


@functools.lru_cache(maxsize=16)
def extra_lexicons(paths: tuple[str, ...]) -> tuple[Lexicon, ...]:
    return _saving_phrases(lambda: tuple(load_lexicon(p) for p in paths))


def _saving_phrases(load: Any) -> tuple[Lexicon, ...]:
    from rewriter.tables import PHRASE_WORDS

    lexicons: tuple[Lexicon, ...] = load()
    PHRASE_WORDS.save()
    return lexicons


class _Node:
    __slots__ = ("children", "entries")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entries: list[Entry] = []


@functools.lru_cache(maxsize=16)
def _trie(lexicons: tuple[Lexicon, ...]) -> _Node:
    root = _Node()
    for lex in lexicons:
        for entry in lex.entries:
            node = root
            for w in entry.words:
                node = node.children.setdefault(w, _Node())
            node.entries.append(entry)
    return root


@dataclass
class _Match:
    start_tok: int
    end_tok: int  # exclusive
    entry: Entry


class LexiconChecker:
    """Matches every enabled lexicon in one pass over each block's tokens."""

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.lexicons = tuple(lexicons)
        self.by_code = {lex.info.code: lex for lex in self.lexicons}

    def infos(self) -> tuple[RuleInfo, ...]:
        return tuple(lex.info for lex in self.lexicons)

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]:
        active = tuple(lex for lex in self.lexicons if lex.info.code in ctx.enabled)
        if not active:
            return
        root = _trie(active)
        tagged = "tagger" in ctx.capabilities
        for block, doc in document.block_docs():
            for m in self._matches(doc, root, tagged, ctx):
                finding = self._finding(document, block.start, doc, m, ctx)
                if finding is not None:
                    yield finding

    def _matches(self, doc: Any, root: _Node, tagged: bool, ctx: Context) -> list[_Match]:
        keys = [_keys(t) for t in doc]
        found: list[_Match] = []
        n = len(doc)
        for i in range(n):
            if doc[i].is_space or (doc[i].is_punct and not root.children.keys() & keys[i]):
                continue
            stack: list[tuple[_Node, int]] = [(root, i)]
            while stack:
                node, j = stack.pop()
                for entry in node.entries:
                    if j > i and self._accept(doc, i, j, entry, tagged, ctx):
                        found.append(_Match(i, j, entry))
                if j >= n:
                    continue
                k = j
                while k < n and doc[k].is_space and j > i:
                    k += 1
                if k >= n:
                    continue
                for key in keys[k]:
                    child = node.children.get(key)
                    if child is not None:
                        stack.append((child, k + 1))
        # longest first (in characters), then earliest, then lexicon order, then the entry's words (two
        # entries of one lexicon on the same words, 'herald as' and 'heralded as', would otherwise be
        # ordered by set iteration, which changes with the hash seed from run to run); no overlaps
        found.sort(key=lambda m: (-(doc[m.end_tok - 1].idx + len(doc[m.end_tok - 1]) - doc[m.start_tok].idx),
                                  doc[m.start_tok].idx, m.entry.rule, m.entry.match))
        taken: list[tuple[int, int]] = []
        kept = []
        for m in found:
            if any(m.start_tok < e and s < m.end_tok for s, e in taken):
                continue
            taken.append((m.start_tok, m.end_tok))
            kept.append(m)
        kept.sort(key=lambda m: m.start_tok)
        return kept

    def _accept(self, doc: Any, i: int, j: int, entry: Entry, tagged: bool, ctx: Context) -> bool:
        first = doc[i]
        if entry.pos:
            if not tagged:
                return False
            if first.pos_ not in entry.pos:
                return False
        # the word next to the match, and the next word past articles and determiners
        # ("navigate the river": exclude_next = ["river"] sees "the" and "river")
        nexts = _context(doc, j - 1, 1)
        prevs = _context(doc, i, -1)
        if entry.require_next and not any(_keys(t) & entry.require_next for t in nexts):
            return False
        if entry.exclude_next and any(_keys(t) & entry.exclude_next for t in nexts):
            return False
        if entry.require_prev and not any(_keys(t) & entry.require_prev for t in prevs):
            return False
        if entry.exclude_prev and any(_keys(t) & entry.exclude_prev for t in prevs):
            return False
        if _inside_compound(doc, i, j):
            return False
        for k in range(i, j):
            tok = doc[k]
            if _is_name(doc, tok):
                return False
        span_text = doc[i:j].text.lower()
        return not (span_text in ctx.allow or any(doc[k].lower_ in ctx.allow for k in range(i, j)))

    def _finding(self, document: Document, base: int, doc: Any, m: _Match, ctx: Context) -> Finding | None:
        entry = m.entry
        lex = self.by_code[entry.rule]
        start = base + doc[m.start_tok].idx
        last = doc[m.end_tok - 1]
        end = base + last.idx + len(last.text)
        observed = document.text[start:end]
        fix, shown = build_fix(document.text, doc, base, m.start_tok, m.end_tok, entry,
                               spelling=getattr(ctx.config, "spelling", "auto"))
        said = " ".join(observed.split())  # a phrase broken over lines reads as one line
        if shown == "":
            message = lex.message_omit.format(observed=said, replacement="", reason=entry.reason)
        else:
            message = lex.message.format(observed=said, replacement=shown, reason=entry.reason)
        info = lex.info
        return Finding(
            code=info.code, name=info.name, category=info.category, severity=info.severity,
            start=start, end=end, message=message, fix=fix,
            data={"observed": observed, "expected": shown, "reason": entry.reason, "match": entry.match,
                  "source": entry.source},
        )


_HYPHENS = {"-", "\u2010", "\u2011"}


def _inside_compound(doc: Any, i: int, j: int) -> bool:
    """A match glued by a hyphen to a word outside it ("less-than-stellar") is part of a
    compound the writer made; its words are not the lexicon's words."""
    if i >= 2 and doc[i - 1].text in _HYPHENS and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return True
    return j + 1 < len(doc) and doc[j].text in _HYPHENS and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def _neighbor(doc: Any, i: int, step: int) -> Any:
    k = i + step
    while 0 <= k < len(doc):
        if not doc[k].is_space:
            return doc[k]
        k += step
    return None


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these",
                "those", "some", "any", "every", "each"}


def _context(doc: Any, i: int, step: int) -> list[Any]:
    """The neighbouring token, plus the first token past determiners when it is one."""
    first = _neighbor(doc, i, step)
    if first is None:
        return []
    out = [first]
    tok = first
    for _ in range(3):
        if tok.lower_ not in _DETERMINERS:
            break
        tok = _neighbor(doc, tok.i, step)
        if tok is None:
            break
        out.append(tok)
    return out


@functools.lru_cache(maxsize=131072)
def _keys_of(lower: str, lemma: str) -> frozenset[str]:
    return lemmas_of(lower) | {lemma}


def _keys(tok: Any) -> frozenset[str]:
    return _keys_of(tok.lower_, tok.lemma_.lower() if tok.lemma_ else tok.lower_)


def _sentence_initial(doc: Any, tok: Any) -> bool:
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = _neighbor(doc, tok.i, -1)
    if prev is None:
        return True
    if prev.text in ('"', "'", "\u2018", "\u201c"):
        # an opening quote hugs the next word; a closing one ('"Leonore" Overture') does not
        return not prev.whitespace_
    return prev.text in _BOUNDARY_BEFORE


def _is_name(doc: Any, tok: Any) -> bool:
    """Proper names are never flagged: named entities, and capitalised words inside a sentence.
    A lone capitalised word at the start of a sentence ("Harbinger of ...") is judged as a word:
    the small model's entity guess there flips with the words around it, and a rewrite must
    reach the same verdict on its own output."""
    if tok.ent_type_ in _NAME_ENTS:
        alone = tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")
        if not (alone and _sentence_initial(doc, tok)):
            return True
    text = tok.text
    if text[:1].isupper() and not text.isupper() and not _sentence_initial(doc, tok):
        return True
    return bool(tok.pos_ == "PROPN" and not _sentence_initial(doc, tok) and text[:1].isupper())


# --- fixes ------------------------------------------------------------------------------------


def build_fix(text: str, doc: Any, base: int, i: int, j: int, entry: Entry,
              spelling: str = "auto") -> tuple[Fix | None, str]:
    """The fix for a match of ``doc[i:j]`` and the replacement shown in the message.

    Each replacement is shaped (inflected like the matched words) and tried in its sentence
    (:func:`rewriter.candidate.replacement_problem`); the first that passes is the fix. When none
    passes, the fix is display-only and the finding's ``data["unfixable"]`` says why."""
    start = base + doc[i].idx
    end = base + doc[j - 1].idx + len(doc[j - 1].text)
    observed = text[start:end]
    # inflected like the matched words, spelled as the draft spells ("centre" in British copy)
    shaped = [None if s is None else (in_variety(s[0], text, spelling), s[1])
              for s in (_shape(doc, i, j, entry, choice) for choice in entry.replace)]
    alternatives = tuple(s[0] if s is not None else r for s, r in zip(shaped, entry.replace, strict=True))
    option_edits = tuple(_option_edit(text, doc, base, i, j, alt) for alt in alternatives)
    problems: list[str] = []
    chosen: int | None = None
    for k, s in enumerate(shaped):
        if s is None:
            problems.append(f"no form of '{entry.replace[k]}' fits here")
            continue
        form, tag = s
        why = _deletion_problem(text, doc, base, i, j) if form == "" else replacement_problem(doc, i, j, form, tag)
        if why is not None:
            problems.append(f"'{form}': {why}" if form else why)
            continue
        chosen = k
        break
    applicability = entry.applicability if chosen is not None else Applicability.DISPLAY_ONLY
    k = chosen if chosen is not None else 0
    shown = alternatives[k]
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


def _option_edit(text: str, doc: Any, base: int, i: int, j: int, replacement: str) -> Edit | None:
    """The edit that puts ``replacement`` (shaped) in place of ``doc[i:j]``: case kept, "a"/"an"
    before it corrected; a deletion takes a space and a hanging comma with it (None: no clean cut)."""
    if replacement == "":
        return _deletion(text, doc, base, i, j)
    start = base + doc[i].idx
    end = base + doc[j - 1].idx + len(doc[j - 1].text)
    return _fix_article(text, doc, base, i, Edit(start, end, match_case(text[start:end], replacement)))


def _deletion_problem(text: str, doc: Any, base: int, i: int, j: int) -> str | None:
    """Why cutting ``doc[i:j]`` would harm the sentence: the next word would be re-capitalised
    though its case is not plain ("pH", "mRNA", "bell hooks")."""
    if not _sentence_initial(doc, doc[i]):
        return None
    nxt = _neighbor(doc, j - 1, 1)
    while nxt is not None and nxt.text == ",":
        nxt = _neighbor(doc, nxt.i, 1)
    if nxt is None:
        return None
    if odd_case(nxt.text) or (nxt.text[:1].islower() and (nxt.ent_type_ in _NAME_ENTS or nxt.pos_ == "PROPN")):
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
    nxt = _neighbor(doc, tok.i, 1)
    # "The hearing commenced at noon." parsed as a noun with a clause: the head is the root
    head_is_root = tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")
    tag = choose_tag(tags, tok.tag_, prev_words, tok.dep_, nxt.lower_ if nxt is not None else "", head_is_root)
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
    prev = _neighbor(doc, i, -1)
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
    initial = _sentence_initial(doc, doc[i])
    nxt = _neighbor(doc, j - 1, 1)
    prev = _neighbor(doc, i, -1)
    if nxt is not None and nxt.text == ",":
        after = base + nxt.idx + 1
        if initial:
            end = after
        elif prev is not None and prev.text == ",":
            # "the bridge, notably, reopened" -> "the bridge reopened"
            return Edit(base + prev.idx, after, "")
        else:
            return None
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
