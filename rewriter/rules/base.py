"""What every rule declares, and the context a check runs in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from rewriter.model import Finding, Severity, code_family

if TYPE_CHECKING:
    from rewriter.config import Config
    from rewriter.document import Document


SCOPES = ("word", "sentence")


@dataclass(frozen=True)
class Family:
    """What a rule family (the letters of a code: INF, RD) is, in one place: the engine, the fixer,
    the editor, the batch report and the renderers read it from here."""

    prefix: str
    label: str  # in words, for people: "inflated", "readability"
    color: str = ""  # CSS colour of its marks in the editor and report; "" picks a spare one by prefix
    scope: str = "word"  # word: flags an expression; sentence: covers a sentence or more (shown as a tint)
    lexical: bool = False  # from our word lists: a LanguageTool match on the same words is a duplicate
    # its findings on words a rule with precedence flags are duplicates and dropped (GRM: ours say it better)
    defers: bool = False
    description: str = ""  # one line for legends and `rewriter rules`

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"family {self.prefix}: scope must be one of {', '.join(SCOPES)}")


@dataclass(frozen=True)
class RuleInfo:
    """A rule's identity and documentation (ruff's fixed sections)."""

    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    what: str
    why: str
    example: str
    fix_safety: str = ""
    default_enabled: bool = True
    needs: frozenset[str] = frozenset()  # pipeline capabilities: tagger, parser, ner
    origin: str = "builtin"  # builtin, or the lexicon file it came from
    family_info: Family | None = None  # None: a word-scope family labelled by the category
    # over a deferring family's finding on the same words (GRM); None: the family's ``lexical``
    precedence: bool | None = None

    @property
    def family(self) -> str:
        return code_family(self.code)

    @property
    def group(self) -> Family:
        """The rule's family metadata (declared, or the defaults for its prefix and category)."""
        return self.family_info or Family(self.family, self.category)

    @property
    def has_precedence(self) -> bool:
        """A finding of this rule drops a deferring family's (GRM) finding on the same words."""
        return self.group.lexical if self.precedence is None else self.precedence

    def doc(self) -> str:
        parts = [f"# {self.code} {self.name}", "", self.summary, "", "## What it does", self.what,
                 "", "## Why it matters", self.why, "", "## Example", self.example]
        if self.fix_safety:
            parts += ["", "## Fix safety", self.fix_safety]
        if not self.default_enabled:
            parts += ["", "## Default", f"Off unless selected (`--select {self.code}`)."]
        return "\n".join(parts) + "\n"


@dataclass
class Context:
    config: Config
    enabled: frozenset[str]  # enabled codes
    capabilities: frozenset[str]  # what the loaded pipeline can do
    allow: frozenset[str] = frozenset()
    notes: list[str] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)


class Checker(Protocol):
    """A rule type: produces findings for one or more codes."""

    def infos(self) -> tuple[RuleInfo, ...]: ...

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]: ...
