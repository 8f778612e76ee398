"""Lexicon rules: word and phrase lists as TOML data (rewriter/data/*.toml), one rule per file.

All enabled lexicons are matched together so that the longest match wins across them
("stands as a harbinger of" beats "harbinger"). The parts, each in its own module:

- :mod:`.schema`: the file format, its strict validation, and loading (built-in and house lexicons);
- :mod:`.matcher`: every entry matched in one pass, longest first, no overlaps;
- :mod:`.filters`: which matches stand (an entry's filters, compounds, ``allow``, proper names);
- :mod:`.fixes`: the fix and its alternatives, shaped (inflection, spelling, case, a/an, seams).

This module is the rule itself: it ties them together and words the finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from rewriter.document import Document
from rewriter.model import Finding
from rewriter.rules.base import Context, RuleInfo
from rewriter.rules.lexicon.filters import accept
from rewriter.rules.lexicon.fixes import build_fix
from rewriter.rules.lexicon.matcher import Match, build_trie, find_matches
from rewriter.rules.lexicon.schema import (
    DATA_DIR,
    Entry,
    Lexicon,
    LexiconError,
    builtin_lexicons,
    extra_lexicons,
    lexicon_adverbs,
    load_lexicon,
    parse_lexicon,
    split_words,
)


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
        root = build_trie(active)
        tagged = "tagger" in ctx.capabilities

        def keep(doc: Any, i: int, j: int, entry: Entry) -> bool:
            return accept(doc, i, j, entry, tagged, ctx)

        for block, doc in document.block_docs():
            for m in find_matches(doc, root, keep):
                finding = self._finding(document, block.start, doc, m, ctx)
                if finding is not None:
                    yield finding

    def _finding(self, document: Document, base: int, doc: Any, m: Match, ctx: Context) -> Finding | None:
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


__all__ = ["DATA_DIR", "Entry", "Lexicon", "LexiconChecker", "LexiconError", "build_fix", "builtin_lexicons",
           "extra_lexicons", "lexicon_adverbs", "load_lexicon", "parse_lexicon", "split_words"]
