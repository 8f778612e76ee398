"""The lexicon format (``rewriter/data/README.md``): a TOML header that becomes the rule's
:class:`RuleInfo` (and its family), and ``[[entry]]`` tables, each checked strictly; a broken file
is a :class:`LexiconError` naming the file, the entry and the line. Loading reads each file's TOML
and each phrase's words from the compiled tables (:mod:`rewriter.tables`), so it needs no spaCy
after the first run."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rewriter.model import Applicability, Severity, code_family
from rewriter.rules.base import Family, RuleInfo
from rewriter.tables import PHRASE_WORDS, parsed_toml

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"

_ENTRY_KEYS = {"match", "replace", "reason", "applicability", "source", "pos", "require_next",
               "exclude_next", "require_prev", "exclude_prev", "require_earlier", "object_ent",
               "exclude_object_ent"}


_HEADER_KEYS = {"code", "name", "category", "severity", "summary", "message", "message_omit", "what",
                "why", "example", "fix_safety", "enabled", "entry", "label", "color"}


_POS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "SCONJ", "VERB"}


_ENTS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
         "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


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
    # one of these words earlier in the same sentence ("possible ... potentially")
    require_earlier: frozenset[str] = frozenset()
    # the entity label of the matched verb's object: "eliminate" + PERSON is "kill"
    object_ent: frozenset[str] = frozenset()
    exclude_object_ent: frozenset[str] = frozenset()
    rule: str = ""  # the code of the lexicon it belongs to


@dataclass(frozen=True, eq=False)  # hashed by identity: the matcher cache keys on it
class Lexicon:
    info: RuleInfo
    message: str
    message_omit: str
    entries: tuple[Entry, ...]


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from rewriter.nlp import import_spacy  # (without spaCy's command-line package: a cold start's cost)

    return import_spacy().blank("en").tokenizer


def split_words(phrase: str) -> tuple[str, ...]:
    """The phrase's words as spaCy's tokenizer splits them (tokenized once, then read from the table)."""
    return PHRASE_WORDS.get(phrase, _split_with_spacy)


def _split_with_spacy(phrase: str) -> tuple[str, ...]:
    return tuple(t.lower_ for t in _tokenizer()(phrase) if not t.is_space)


def load_lexicon(path: str | Path) -> Lexicon:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon ({exc})") from None
    try:
        data = parsed_toml(raw)  # parsed once per content, then read back as JSON
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
    for r in replace:
        # "{VB}" stands for the -ing verb after the match, in its base form ("to {VB}")
        rest = r.replace("{VB}", "")
        if "{" in rest or "}" in rest or r.split().count("{VB}") != r.count("{VB}") or r.count("{VB}") > 1:
            raise LexiconError(f"{where('replace')}: '{r}': the only slot is one '{{VB}}', as a word of its own")
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
    ents = {key: frozenset(v.upper() for v in words(key)) for key in ("object_ent", "exclude_object_ent")}
    for key, labels in ents.items():
        if labels - _ENTS:
            raise LexiconError(f"{where(key)}: unknown entity label '{sorted(labels - _ENTS)[0]}'")
    split = split_words(match)
    if not split:
        raise LexiconError(f"{where('match')}: 'match' has no words")
    return Entry(
        match=match.strip().lower(), words=split, replace=tuple(r.strip() for r in replace),
        reason=e["reason"].strip(), applicability=applicability, source=e["source"].strip(), pos=pos,
        require_next=words("require_next"), exclude_next=words("exclude_next"),
        require_prev=words("require_prev"), exclude_prev=words("exclude_prev"),
        require_earlier=words("require_earlier"), object_ent=ents["object_ent"],
        exclude_object_ent=ents["exclude_object_ent"], rule=code,
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


def _saving_phrases(load: Callable[[], tuple[Lexicon, ...]]) -> tuple[Lexicon, ...]:
    lexicons: tuple[Lexicon, ...] = load()
    PHRASE_WORDS.save()
    return lexicons
