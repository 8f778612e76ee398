"""The rule registry: an explicit list of checkers, no import-time registration."""

from __future__ import annotations

import functools

from rewriter.model import code_family
from rewriter.rules.base import Checker, Context, Family, RuleInfo
from rewriter.rules.grammar import GrammarChecker
from rewriter.rules.lexicon import LexiconChecker, LexiconError, builtin_lexicons, extra_lexicons
from rewriter.rules.passive import PassiveChecker
from rewriter.rules.readability import ReadabilityChecker
from rewriter.rules.spelling import SpellingChecker
from rewriter.rules.structure import StructureChecker
from rewriter.rules.suppression import SuppressionChecker
from rewriter.rules.wording import WordingChecker


def code_checkers() -> tuple[Checker, ...]:
    """The rules written as code, each checker listed once, in the order they run (a new rule
    module adds its checker here; the lexicon rules come from the data files)."""
    return (PassiveChecker(), ReadabilityChecker(), StructureChecker(), WordingChecker(), GrammarChecker(),
            SpellingChecker(), SuppressionChecker())


def checkers(extra: tuple[str, ...] = ()) -> tuple[Checker, ...]:
    """The checkers for the built-in rules plus any house-style lexicon files."""
    return _checkers(tuple(extra))


@functools.lru_cache(maxsize=16)
def _checkers(extra: tuple[str, ...]) -> tuple[Checker, ...]:
    lexicons = builtin_lexicons() + (extra_lexicons(extra) if extra else ())
    codes = [lex.info.code for lex in lexicons]
    coded = code_checkers()
    builtin_codes = {i.code for c in coded for i in c.infos()}
    dup = {c for c in codes if codes.count(c) > 1 or c in builtin_codes}
    if dup:
        code = sorted(dup)[0]
        where = [lex.info.origin for lex in lexicons if lex.info.code == code]
        raise LexiconError(f"lexicon code {code} is used twice ({', '.join(where) or 'by a built-in rule'})")
    return (LexiconChecker(lexicons), *coded)


def all_rules(extra: tuple[str, ...] = ()) -> tuple[RuleInfo, ...]:
    infos = [info for checker in checkers(extra) for info in checker.infos()]
    return tuple(sorted(infos, key=lambda i: i.code))


def families(extra: tuple[str, ...] = ()) -> dict[str, Family]:
    """Every rule family by prefix, in code order: what the editor, the report and the engine know of it."""
    out: dict[str, Family] = {}
    for info in all_rules(extra):
        out.setdefault(info.family, info.group)
    return out


def family(prefix: str, extra: tuple[str, ...] = ()) -> Family:
    """The family of a prefix or code; one not among the rules gets the defaults for its letters."""
    prefix = code_family(prefix)
    return families(extra).get(prefix) or Family(prefix, prefix.lower())


def find_rule(code: str, extra: tuple[str, ...] = ()) -> RuleInfo | None:
    code = code.strip().upper()
    for info in all_rules(extra):
        if info.code == code or info.name == code.lower():
            return info
    return None


__all__ = ["Checker", "Context", "Family", "RuleInfo", "all_rules", "checkers", "code_checkers", "families", "family",
           "find_rule"]
