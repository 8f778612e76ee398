"""A faster ``match`` for spaCy's attribute ruler, with the same matches (issue 14, speed).

The trained English pipeline's ``attribute_ruler`` (179 patterns: the tag map, and exceptions such
as "ai n't" -> "be") runs spaCy's general ``Matcher`` over every token, about a tenth of the whole
pipeline's time. Its patterns are plain: one or two tokens, each an equality, an ``IN`` set or a
``REGEX`` on TAG, LOWER, DEP, IS_SPACE and the like. :func:`speed_up` works out once per (text, tag) which
patterns a token can start, so a token is tried only against the few that can match it, and
returns exactly the matches the Matcher returns, sorted as the ruler sorts them; the ruler's own
``set_annotations`` then applies them, so every attribute is set as before. A pipeline whose ruler
holds a pattern of another shape (an operator, another predicate) keeps the Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_GETTERS: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_, "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text, "IS_SPACE": lambda t: t.is_space, "POS": lambda t: t.pos_,
    "IS_PUNCT": lambda t: t.is_punct, "IS_ALPHA": lambda t: t.is_alpha, "NORM": lambda t: t.norm_,
}

Test = tuple[Callable[[Any], Any], str, Any]  # getter, kind ("eq", "in", "not_in", "regex"), value


def _compile_token(spec: dict[str, Any]) -> list[Test] | None:
    tests: list[Test] = []
    for key, value in spec.items():
        getter = _GETTERS.get(key)
        if getter is None:
            return None
        if isinstance(value, dict):
            if len(value) != 1:
                return None
            (op, arg), = value.items()
            if op == "IN":
                tests.append((getter, "in", frozenset(arg)))
            elif op == "NOT_IN":
                tests.append((getter, "not_in", frozenset(arg)))
            elif op == "REGEX":
                tests.append((getter, "regex", re.compile(arg)))
            else:
                return None
        elif isinstance(value, str | bool | int):
            tests.append((getter, "eq", value))
        else:
            return None
    return tests


def _passes(tok: Any, tests: list[Test]) -> bool:
    for getter, kind, value in tests:
        got = getter(tok)
        if kind == "eq":
            if got != value:
                return False
        elif kind == "in":
            if got not in value:
                return False
        elif kind == "not_in":
            if got in value:
                return False
        elif not value.search(got):  # regex: spaCy's REGEX is re.search on the string
            return False
    return True


_STATIC = frozenset({"TAG", "LOWER", "ORTH", "TEXT", "IS_SPACE", "IS_PUNCT", "IS_ALPHA"})  # fixed by text and tag


class FastMatch:
    """``AttributeRuler.match`` by index: (attr_id, match_id, start, end), sorted. Which patterns a
    token can start is worked out once per (text, tag) from the tests on those; the rest (DEP, and
    the later tokens of a two-token pattern) are tried on the token."""

    def __init__(self, ruler: Any) -> None:
        self.patterns: list[tuple[int, list[Test], list[Test], list[list[Test]]]] = []
        self.ids: dict[int, int] = {}
        self.starts: dict[tuple[str, str], list[int]] = {}
        # patterns by their first token's LOWER, else TAG (value or IN set), else tried on every new key
        self.by_lower: dict[str, list[int]] = {}
        self.by_tag: dict[str, list[int]] = {}
        self.general: list[int] = []
        for attr_id, key in enumerate(str(k) for k in range(len(ruler.attrs))):
            self.ids[attr_id] = ruler.vocab.strings[key]
            for pattern in ruler.matcher.get(self.ids[attr_id])[1]:
                compiled = [_compile_token(spec) for spec in pattern]
                if not compiled or any(c is None for c in compiled):
                    raise ValueError(f"an attribute ruler pattern of another shape: {pattern}")
                first = pattern[0]
                static = [t for k, t in zip(first, compiled[0], strict=True) if k in _STATIC]  # type: ignore[arg-type]
                dynamic = [t for k, t in zip(first, compiled[0], strict=True) if k not in _STATIC]  # type: ignore[arg-type]
                self.patterns.append((attr_id, static, dynamic, compiled[1:]))  # type: ignore[arg-type]
                self._index(len(self.patterns) - 1, first)

    def _index(self, k: int, first: dict[str, Any]) -> None:
        lower, tag = first.get("LOWER"), first.get("TAG")
        if isinstance(lower, str):
            self.by_lower.setdefault(lower, []).append(k)
        elif isinstance(tag, str):
            self.by_tag.setdefault(tag, []).append(k)
        elif isinstance(tag, dict) and set(tag) == {"IN"}:
            for t in tag["IN"]:
                self.by_tag.setdefault(t, []).append(k)
        else:
            self.general.append(k)

    def _candidates(self, tok: Any) -> list[int]:
        key = (tok.text, tok.tag_)
        found = self.starts.get(key)
        if found is None:
            maybe = sorted({*self.by_lower.get(tok.lower_, ()), *self.by_tag.get(tok.tag_, ()), *self.general})
            found = [k for k in maybe if _passes(tok, self.patterns[k][1])]
            if len(self.starts) > 200_000:
                self.starts.clear()
            self.starts[key] = found
        return found

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        found: set[tuple[int, int, int, int]] = set()
        n = len(doc)
        for i, tok in enumerate(doc):
            for k in self._candidates(tok):
                attr_id, _, dynamic, rest = self.patterns[k]
                end = i + 1 + len(rest)
                if end <= n and _passes(tok, dynamic) and all(
                        _passes(doc[i + 1 + j], tests) for j, tests in enumerate(rest)):
                    found.add((attr_id, self.ids[attr_id], i, end))
        return sorted(found)


def speed_up(nlp: Any) -> bool:
    """Give ``nlp``'s attribute ruler the indexed match; False (and the Matcher kept) when one of its
    patterns has another shape."""
    if "attribute_ruler" not in nlp.component_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        fast = FastMatch(ruler)
    except (ValueError, KeyError, TypeError):
        return False
    ruler.match = fast  # the ruler's __call__ calls self.match(doc), then its own set_annotations
    return True


__all__ = ["FastMatch", "speed_up"]
