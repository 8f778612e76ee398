"""GRM: grammar, spelling and style matches from LanguageTool (DESIGN.md §7).

``languagetool`` in the configuration (or ``--languagetool``) chooses the server:

- ``off`` (the default): the checker yields nothing and imports nothing;
- ``local``: our own install (``rewriter languagetool install``, see ``rewriter.ltserver``) is
  started once per process on a free 127.0.0.1 port and stopped at exit; without it,
  language_tool_python starts its own server from its own download;
- a URL such as ``http://localhost:8081``: a running server (a newsroom's shared one, or the
  official Docker image), spoken to directly over LanguageTool's HTTP API (``/v2/check``).

The transport (the HTTP client, request batching, offset mapping, which LanguageTool rules count)
is :mod:`rewriter.languagetool`; the rewriter's grammar guard is :mod:`rewriter.grammar_guard`;
dropping a GRM match that repeats one of our own findings is the engine's. Only prose blocks are
sent, never code or front matter. When the server cannot be reached the check adds one plain
note and the other rules run as usual.

The language variety (en-US or en-GB) follows the configuration's ``spelling``. Only the
LanguageTool rules that are right for news copy are kept (``DEFAULT_ENABLED`` less
``DEFAULT_DISABLED``, measured on Brown press by ``benchmarks/languagetool_noise.py``);
``languagetool-rules = {enable = [...], disable = [...]}`` changes that per newsroom.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rewriter.inflect import match_case
from rewriter.languagetool import LanguageToolUnavailable, Match, RuleSelection, client_for, language_for
from rewriter.model import Applicability, Edit, Finding, Fix, Severity
from rewriter.rules.base import Context, Family, RuleInfo

if TYPE_CHECKING:
    from rewriter.document import Document

MAX_ALTERNATIVES = 5

_EXAMPLE_NOTE = "(Runs only when `languagetool` is set: `local` or a server URL.)"
_FIX_SAFETY = ("LanguageTool's replacements are offered for a person to choose (display-only), except a "
               "plain spelling fix with exactly one suggestion, which is unsafe: it applies with "
               "`--unsafe-fixes`. The rewriter also uses LanguageTool as a guard: an edit that adds a "
               "grammar match the original sentence did not have is skipped.")

FAMILY = Family("GRM", "grammar", "#ffc58f", defers=True,
                description="grammar, spelling and typography from LanguageTool")

GRAMMAR = RuleInfo(
    code="GRM001",
    name="grammar",
    category="grammar",
    severity=Severity.WARNING,
    summary="Grammar problem found by LanguageTool",
    what="Sends the prose of the draft (never code, front matter or other protected text) to a "
    "LanguageTool server and reports its grammar matches: agreement, articles ('a' or 'an'), "
    "confused words, doubled words and the like (the LanguageTool rules right for news copy; "
    "`languagetool-rules` changes the list). LanguageTool's own rule id is given in the message "
    "([LT: RULE_ID]). " + _EXAMPLE_NOTE,
    why="A grammar slip makes a reader stop and trust the story less, and errors survive "
    "proofreading because the eye reads what it expects.",
    example="Given: 'She bought a apple.'\nUse instead: 'She bought an apple.'",
    fix_safety=_FIX_SAFETY,
    family_info=FAMILY,
)
SPELLING = RuleInfo(
    code="GRM002",
    name="spelling",
    category="grammar",
    severity=Severity.WARNING,
    summary="Possible spelling mistake found by LanguageTool",
    what="Reports LanguageTool's spelling matches (its 'Possible Typo' category, e.g. "
    "MORFOLOGIK_RULE_EN_US). Names LanguageTool does not know are flagged too: add them to "
    "`allow` or suppress the finding. " + _EXAMPLE_NOTE,
    why="A misspelt word is the error readers notice first and the easiest to avoid.",
    example="Given: 'The council met on Tuesday to discuss teh budget.'\n"
    "Use instead: 'The council met on Tuesday to discuss the budget.'",
    fix_safety=_FIX_SAFETY,
    family_info=FAMILY,
)
STYLE = RuleInfo(
    code="GRM003",
    name="style-typography",
    category="grammar",
    severity=Severity.INFO,
    summary="Style or typography note from LanguageTool",
    what="Reports LanguageTool's style, redundancy, wordiness, whitespace and typography "
    "matches (doubled spaces, dashes, repeated words at sentence starts and the like). Their "
    "LanguageTool rules are off by default (they fire on sound news copy): turn them on with "
    "`languagetool-rules = {enable = [\"TYPOGRAPHY\", \"STYLE\"]}`. "
    "Where our own lexicons flag the same words, the LanguageTool match is dropped. " + _EXAMPLE_NOTE,
    why="Small typographic slips look careless in print; style notes point at wording an "
    "editor may want to change.",
    example="Given: 'The mayor  said no.' (two spaces)\nUse instead: 'The mayor said no.'",
    fix_safety=_FIX_SAFETY,
    family_info=FAMILY,
)
RULES = (GRAMMAR, SPELLING, STYLE)

_STYLE_CATEGORIES = frozenset({"STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "TYPOGRAPHY", "REPETITIONS_STYLE",
                               "WIKIPEDIA", "GENDER_NEUTRALITY", "AMERICAN_ENGLISH_STYLE",
                               "BRITISH_ENGLISH_STYLE", "TEXT_ANALYSIS"})
_STYLE_ISSUES = frozenset({"style", "typographical", "whitespace", "register", "locale-violation"})
_SPELLING_CATEGORIES = frozenset({"TYPOS"})


def rule_for(category_id: str, issue_type: str, rule_id: str = "") -> RuleInfo:
    """The GRM rule a LanguageTool match belongs to, from its category and issue type."""
    category_id = category_id.upper()
    if category_id in _SPELLING_CATEGORIES or rule_id.startswith(("MORFOLOGIK_RULE", "HUNSPELL_RULE")):
        return SPELLING
    if category_id in _STYLE_CATEGORIES or issue_type in _STYLE_ISSUES:
        return STYLE
    return GRAMMAR


# ---------------------------------------------------------------------------------------------
# The checker


class GrammarChecker:
    def infos(self) -> tuple[RuleInfo, ...]:
        return RULES

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]:
        setting = ctx.config.languagetool
        if setting == "off" or not any(r.code in ctx.enabled for r in RULES) or not document.blocks:
            return
        client = client_for(setting)
        if client is None:
            return
        pieces = [document.text[b.start : b.end] for b in document.blocks]
        found: list[Finding] = []
        selection = RuleSelection.from_config(ctx.config)
        try:
            for i, m in client.check_pieces(pieces, language_for(ctx.config, document.text)):
                if not selection.keeps(m, pieces[i]):
                    continue
                f = to_finding(document, document.blocks[i].start, m, ctx)
                if f is not None:
                    found.append(f)
        except LanguageToolUnavailable as exc:
            ctx.notes.append(str(exc))
        yield from found


def to_finding(document: Document, base: int, m: Match, ctx: Context) -> Finding | None:
    info = rule_for(m.category_id, m.issue_type, m.rule_id)
    if info.code not in ctx.enabled:
        return None
    start, end = base + m.offset, base + m.end
    observed = document.text[start:end]
    if observed.strip().lower() in ctx.allow:
        return None
    fix = None
    if m.replacements:
        first = m.replacements[0]
        plain_spelling = info is SPELLING and len(m.replacements) == 1 and m.issue_type in ("misspelling", "")
        applicability = Applicability.UNSAFE if plain_spelling else Applicability.DISPLAY_ONLY
        title = f"Replace with '{first}'" if first else "Cut"
        alternatives = tuple(m.replacements[:MAX_ALTERNATIVES])
        # each alternative as its edit, cased like the words it replaces (the default stays as LanguageTool has it)
        options = tuple(Edit(start, end, r if r == first else match_case(observed, r)) for r in alternatives)
        fix = Fix((Edit(start, end, first),), applicability, title, alternatives, options)
    said = m.message or m.short_message or m.rule_description
    message = (f"'{observed}': " if observed.strip() else "") + f"{said} [LT: {m.rule_id}]"
    return Finding(info.code, info.name, info.category, info.severity, start, end, message, fix,
                   {"observed": observed, "lt_rule": m.rule_id, "lt_category": m.category_id,
                    "lt_issue_type": m.issue_type})


__all__ = ["GRAMMAR", "RULES", "SPELLING", "STYLE", "GrammarChecker", "rule_for", "to_finding"]
