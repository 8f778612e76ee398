"""Suppression comments in Markdown/HTML drafts, and the RW rules that police them.

Directives are HTML comments (already protected regions, so never flagged themselves)::

    <!-- rewriter: off -->            ... <!-- rewriter: on -->         every rule
    <!-- rewriter: disable INF001,WRD --> ... <!-- rewriter: enable INF001,WRD -->
    <!-- rewriter: ignore PAS001 -->  the next paragraph (the next prose block) only

Codes may be prefixes (``INF``, ``INF0``) or ``ALL``; ``disable``, ``enable`` and ``ignore``
without codes mean every rule. Text after ``--`` is a note for people
(``<!-- rewriter: ignore PAS001 -- the police did the arresting -->``). A finding is suppressed
when its start lies in a suppressed range. The engine applies this after its filtering step and
adds the RW findings:

- RW100 unused-suppression: a directive (or one code in it) that suppressed nothing;
- RW101 unknown-code: a code in a directive that names no rule;
- RW102 invalid-directive: a ``rewriter:`` comment that cannot be understood.

Directives never suppress RW findings (use ``ignore = ["RW100"]`` in the configuration).
Comments inside code or front matter are examples, not directives.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field

from rewriter.document import Document
from rewriter.markup import CODE, COMMENT, FRONT_MATTER, Region
from rewriter.model import Finding, Severity
from rewriter.rules.base import Context, Family, RuleInfo

_FIX_SAFETY = "No automatic fix: HTML comments are protected regions, which fixes never edit."

FAMILY = Family("RW", "rewriter", "#d6d6d6", description="the tool itself: suppression comments")

UNUSED = RuleInfo(
    code="RW100",
    name="unused-suppression",
    category="tool",
    severity=Severity.INFO,
    summary="Suppression comment that suppresses nothing",
    what="Flags a `<!-- rewriter: ... -->` directive, or one code in it, that hid no finding: an "
    "`off` region, a `disable` range or an `ignore` for the next paragraph. When the code is not "
    "enabled by the configuration, the message says so.",
    why="A stale suppression hides the next real problem in the same place. Remove it once the "
    "text it covered has been rewritten.",
    example="Given: '<!-- rewriter: ignore PAS001 -->' above 'The mayor signed the order.' "
    "(active voice, nothing to ignore).\nUse instead: the paragraph without the comment.",
    fix_safety=_FIX_SAFETY,
    family_info=FAMILY,
)
UNKNOWN = RuleInfo(
    code="RW101",
    name="unknown-code",
    category="tool",
    severity=Severity.WARNING,
    summary="Suppression comment names a code that no rule has",
    what="Flags each code or prefix in a `disable`, `enable` or `ignore` directive that matches "
    "no rule, built-in or from an extra lexicon (`rewriter rules` lists them).",
    why="A mistyped code suppresses nothing, so the finding it was meant to hide still shows, or "
    "a later one is hidden by a directive nobody can read.",
    example="Given: '<!-- rewriter: ignore PASS001 -->'.\nUse instead: '<!-- rewriter: ignore PAS001 -->'.",
    fix_safety=_FIX_SAFETY,
    family_info=FAMILY,
)
INVALID = RuleInfo(
    code="RW102",
    name="invalid-directive",
    category="tool",
    severity=Severity.WARNING,
    summary="Suppression comment that cannot be understood",
    what="Flags a comment that starts with `rewriter:` but is not one of `off`, `on`, "
    "`disable [CODES]`, `enable [CODES]` or `ignore [CODES]`, and an `on` or `enable` with "
    "nothing open before it.",
    why="A directive with a typo silently does nothing.",
    example="Given: '<!-- rewriter: of -->'.\nUse instead: '<!-- rewriter: off -->'.",
    fix_safety=_FIX_SAFETY,
    family_info=FAMILY,
)
INFOS = (UNUSED, UNKNOWN, INVALID)

_DIRECTIVE = re.compile(r"\A<!--\s*rewriter\s*:(?P<body>.*?)-->\Z", re.S | re.I)
_ACTION = re.compile(r"\s*(?P<action>[A-Za-z-]+)(?P<rest>.*)\Z", re.S)
_CODE = re.compile(r"[^\s,]+")
_ACTIONS = ("off", "on", "disable", "enable", "ignore")
ALL = "ALL"


@dataclass
class _Code:
    """One code (or prefix, or ALL) of a directive, and the text it suppresses."""

    code: str  # upper case; ALL for every rule
    start: int  # where the code is written (the whole comment for ALL)
    end: int
    known: bool = True
    span: tuple[int, int] = (0, 0)  # suppressed text: start <= finding.start < end
    used: bool = False


@dataclass
class _Suppression:
    """One suppressing directive and the codes it names."""

    action: str  # off | disable | ignore
    start: int  # of the comment
    end: int
    codes: list[_Code] = field(default_factory=list)


@dataclass
class Directives:
    suppressions: list[_Suppression]
    problems: list[Finding]  # RW101 / RW102 findings (not yet filtered by enabled codes)


def _matches(code: str, prefix: str) -> bool:
    return prefix == ALL or code.startswith(prefix)


def _known(prefix: str, known: Collection[str]) -> bool:
    return prefix == ALL or any(c.startswith(prefix) for c in known)


def _finding(info: RuleInfo, start: int, end: int, message: str, **data: object) -> Finding:
    return Finding(info.code, info.name, info.category, info.severity, start, end, message, None, data)


def directive_comments(document: Document) -> list[Region]:
    """HTML comments that can hold directives: not inside code or front matter."""
    shelter = [r for r in document.regions if r.kind in (CODE, FRONT_MATTER)]
    out = []
    for r in document.regions:
        if r.kind != COMMENT:
            continue
        if any(s.start <= r.start and r.end <= s.end for s in shelter):
            continue
        out.append(r)
    return sorted(out, key=lambda r: r.start)


def parse_directives(document: Document, known: Collection[str]) -> Directives:
    """Every directive in ``document``, with the text range each one suppresses."""
    parser = _Parser(document, known)
    for region in directive_comments(document):
        parser.directive(region.start, region.end)
    return Directives(parser.suppressions, parser.problems)


class _Parser:
    """The directives of one document, read in order: open ``off`` and ``disable`` ranges are
    closed by the ``on`` and ``enable`` after them."""

    def __init__(self, document: Document, known: Collection[str]) -> None:
        self.document = document
        self.text = document.text
        self.known = known
        self.suppressions: list[_Suppression] = []
        self.problems: list[Finding] = []
        self.off: _Suppression | None = None
        self.disabled: list[tuple[_Suppression, _Code]] = []  # open disable ranges, one per code

    def invalid(self, start: int, end: int, message: str) -> None:
        self.problems.append(_finding(INVALID, start, end, message))

    def directive(self, start: int, end: int) -> None:
        raw = self.text[start:end]
        m = _DIRECTIVE.match(raw)
        if m is None:
            if re.match(r"<!--\s*rewriter\s*:", raw, re.I):
                self.invalid(start, end, "Suppression comment is not closed with '-->'")
            return
        body_start = start + m.start("body")
        am = _ACTION.match(m.group("body"))
        action = am.group("action").lower() if am else ""
        if am is None or action not in _ACTIONS:
            shown = am.group("action") if am else ""
            hint = f"'{shown}' is not a directive" if shown else "no directive"
            self.invalid(start, end, f"{hint}; use off, on, disable, enable or ignore")
            return
        codes = self.codes(am.group("rest"), body_start + am.start("rest"))
        {"off": self.switch_off, "on": self.switch_on, "disable": self.disable, "enable": self.enable,
         "ignore": self.ignore}[action](start, end, codes)

    def codes(self, rest: str, rest_start: int) -> list[_Code]:
        codes: list[_Code] = []
        rest = rest.split("--", 1)[0]  # "-- why" after the codes is a note for people
        for cm in _CODE.finditer(rest):
            value = cm.group().upper()
            c = _Code(value, rest_start + cm.start(), rest_start + cm.end())
            if not _known(value, self.known):
                c.known = False
                self.problems.append(_finding(UNKNOWN, c.start, c.end,
                                              f"'{cm.group()}' in a suppression comment is not a rule code "
                                              "(see `rewriter rules`)", observed=cm.group()))
            codes.append(c)
        return codes

    def switch_off(self, start: int, end: int, codes: list[_Code]) -> None:
        if codes:
            self.invalid(start, end, "'off' takes no codes; use 'disable CODES' for some rules")
        elif self.off is not None:
            self.invalid(start, end, "rewriter is already off here")
        else:
            self.off = _Suppression("off", start, end, [_Code(ALL, start, end, span=(end, len(self.text)))])
            self.suppressions.append(self.off)

    def switch_on(self, start: int, end: int, codes: list[_Code]) -> None:
        if codes:
            self.invalid(start, end, "'on' takes no codes; use 'enable CODES' for some rules")
        elif self.off is None:
            self.invalid(start, end, "'on' without an 'off' before it")
        else:
            whole = self.off.codes[0]
            whole.span = (whole.span[0], start)
            self.off = None

    def disable(self, start: int, end: int, codes: list[_Code]) -> None:
        wanted = [c for c in codes if c.known] if codes else [_Code(ALL, start, end)]
        if not wanted:
            return
        for c in wanted:
            c.span = (end, len(self.text))
        sup = _Suppression("disable", start, end, wanted)
        self.suppressions.append(sup)
        self.disabled.extend((sup, c) for c in wanted)

    def enable(self, start: int, end: int, codes: list[_Code]) -> None:
        targets = [c.code for c in codes if c.known] if codes else [ALL]
        if codes and not targets:
            return
        closed_any = False
        for target in targets:
            hits = [(s, c) for s, c in self.disabled if target == ALL or c.code == target]
            if not hits:
                hits = [(s, c) for s, c in self.disabled if c.code.startswith(target)]
            for sup, c in hits:
                c.span = (c.span[0], start)
                self.disabled.remove((sup, c))
                closed_any = True
        if not closed_any:
            self.invalid(start, end, "'enable' without a matching 'disable' before it")

    def ignore(self, start: int, end: int, codes: list[_Code]) -> None:
        """The next prose block (or the block the comment opens)."""
        text = self.text
        block = next((b for b in self.document.blocks if b.start >= end
                      or (b.start <= start and b.end > end and not text[b.start : start].strip())), None)
        wanted = [c for c in codes if c.known] if codes else [_Code(ALL, start, end)]
        if not wanted:
            return
        for c in wanted:
            c.span = (block.start, block.end) if block is not None else (end, end)
        self.suppressions.append(_Suppression("ignore", start, end, wanted))


def _covers(span: tuple[int, int], f: Finding) -> bool:
    lo, hi = span
    return lo <= f.start < hi


def apply_suppressions(document: Document, findings: Sequence[Finding], ctx: Context,
                       known: Collection[str]) -> list[Finding]:
    """Drop suppressed findings and add the RW findings that are enabled, sorted."""
    directives = parse_directives(document, known)
    kept = [f for f in findings if not suppressed(directives, f)]
    out = kept + directive_findings(directives, ctx)
    out.sort(key=lambda f: (f.start, f.end, f.code))
    return out


def suppressed(directives: Directives, f: Finding) -> bool:
    """Whether a directive hides ``f`` (each directive that does is marked used)."""
    if f.family == "RW":
        return False
    hidden = False
    for sup in directives.suppressions:
        for c in sup.codes:
            if _matches(f.code, c.code) and _covers(c.span, f):
                c.used = True
                hidden = True
    return hidden


def directive_findings(directives: Directives, ctx: Context) -> list[Finding]:
    """The enabled RW findings of the directives, once every finding went through :func:`suppressed`."""
    extra = [p for p in directives.problems if p.code in ctx.enabled]
    if UNUSED.code in ctx.enabled:
        extra.extend(unused_findings(directives, ctx.enabled))
    return extra


def unused_findings(directives: Directives, enabled: Collection[str]) -> Iterator[Finding]:
    for sup in directives.suppressions:
        for c in sup.codes:
            if c.used or not c.known:
                continue
            if c.code == ALL:
                what = {"off": "'off' region", "disable": "'disable'", "ignore": "'ignore'"}[sup.action]
                yield _finding(UNUSED, sup.start, sup.end, f"Unused suppression: this {what} hides no finding; "
                               "remove it", directive=sup.action)
                continue
            where = "the next paragraph" if sup.action == "ignore" else "this range"
            if c.code.startswith("RW"):
                msg = (f"{c.code} cannot be suppressed by a comment; use ignore = [\"{c.code}\"] in the "
                       "configuration")
            elif not any(_matches(e, c.code) for e in enabled):
                msg = f"Unused suppression: {c.code} is not enabled, so there is nothing to hide; remove it"
            else:
                msg = f"Unused suppression: {c.code} finds nothing in {where}; remove it"
            yield _finding(UNUSED, c.start, c.end, msg, directive=sup.action, observed=c.code)


class SuppressionChecker:
    """Declares RW100-RW102. Its findings need the filtered findings of every other rule, so
    the engine completes them after filtering (``apply_suppressions``); ``check`` adds none."""

    def infos(self) -> tuple[RuleInfo, ...]:
        return INFOS

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]:
        return iter(())


__all__ = ["INFOS", "INVALID", "UNKNOWN", "UNUSED", "SuppressionChecker", "apply_suppressions",
           "parse_directives"]
