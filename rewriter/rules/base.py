"""What every rule declares, and the context a check runs in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from rewriter.model import Finding, Severity

if TYPE_CHECKING:
    from rewriter.config import Config
    from rewriter.document import Document


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

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

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
