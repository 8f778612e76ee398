"""The rule registry: an explicit list of checkers, no import-time registration."""

from __future__ import annotations

import functools

from rewriter.rules.base import Checker, Context, RuleInfo
from rewriter.rules.grammar import GrammarChecker
from rewriter.rules.lexicon import LexiconChecker, builtin_lexicons, extra_lexicons
from rewriter.rules.passive import PassiveChecker
from rewriter.rules.readability import ReadabilityChecker
from rewriter.rules.suppression import SuppressionChecker


def checkers(extra: tuple[str, ...] = ()) -> tuple[Checker, ...]:
    """The checkers for the built-in rules plus any house-style lexicon files."""
    return _checkers(tuple(extra))


@functools.lru_cache(maxsize=16)
def _checkers(extra: tuple[str, ...]) -> tuple[Checker, ...]:
    lexicons = builtin_lexicons() + (extra_lexicons(extra) if extra else ())
    codes = [lex.info.code for lex in lexicons]
    builtin_codes = {i.code for c in (PassiveChecker(), ReadabilityChecker(), GrammarChecker(), SuppressionChecker())
                     for i in c.infos()}
    dup = {c for c in codes if codes.count(c) > 1 or c in builtin_codes}
    if dup:
        from rewriter.rules.lexicon import LexiconError

        code = sorted(dup)[0]
        where = [lex.info.origin for lex in lexicons if lex.info.code == code]
        raise LexiconError(f"lexicon code {code} is used twice ({', '.join(where) or 'by a built-in rule'})")
    return (LexiconChecker(lexicons), PassiveChecker(), ReadabilityChecker(), GrammarChecker(),
            SuppressionChecker())


def all_rules(extra: tuple[str, ...] = ()) -> tuple[RuleInfo, ...]:
    infos = [info for checker in checkers(extra) for info in checker.infos()]
    return tuple(sorted(infos, key=lambda i: i.code))


def find_rule(code: str, extra: tuple[str, ...] = ()) -> RuleInfo | None:
    code = code.strip().upper()
    for info in all_rules(extra):
        if info.code == code or info.name == code.lower():
            return info
    return None


__all__ = ["Checker", "Context", "RuleInfo", "all_rules", "checkers", "find_rule"]
