"""The rewriter's grammar guard: with LanguageTool on, an edit that adds a match the sentence did
not have is refused (``rewriter.fix.rewrite`` runs it with the other guards)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from rewriter.languagetool import LanguageToolClient, LanguageToolUnavailable, RuleSelection, client_for, language_for

if TYPE_CHECKING:
    from rewriter.config import Config


def new_grammar_errors(client: LanguageToolClient | None, before_sentence: str, after_sentence: str,
                       language: str | None = None, selection: RuleSelection | None = None) -> list[str]:
    """Descriptions of LanguageTool matches in ``after_sentence`` that ``before_sentence`` did not
    have, compared by rule id and matched text (offsets move when words change), among the rules
    ``selection`` keeps (all when None). Empty when there is no client or the server cannot be
    used (the check's note says so)."""
    if client is None or before_sentence == after_sentence:
        return []
    try:
        before = client.check(before_sentence, language)
        after = client.check(after_sentence, language)
    except LanguageToolUnavailable:
        return []
    if selection is not None:
        before = tuple(m for m in before if selection.keeps(m, before_sentence))
        after = tuple(m for m in after if selection.keeps(m, after_sentence))
    had = Counter((m.rule_id, before_sentence[m.offset : m.end]) for m in before)
    out = []
    for m in after:
        key = (m.rule_id, after_sentence[m.offset : m.end])
        if had[key] > 0:
            had[key] -= 1
            continue
        out.append(f"'{key[1]}': {m.message or m.short_message} [LT: {m.rule_id}]")
    return out


def grammar_guard(setting: str, config: Config | None = None) -> Callable[[str, str], str | None] | None:
    """A guard for ``rewriter.fix.rewrite``: (sentence before, sentence after) -> a reason to skip
    the edit, or None. None when LanguageTool is off. ``config`` gives the variety of English and
    the LanguageTool rules that count (those the check reports)."""
    client = client_for(setting)
    if client is None:
        return None
    language, selection = language_for(config), RuleSelection.from_config(config)

    def guard(before: str, after: str) -> str | None:
        errors = new_grammar_errors(client, before, after, language, selection)
        return f"would add a grammar error: {errors[0]}" if errors else None

    return guard


__all__ = ["grammar_guard", "new_grammar_errors"]
