"""Data model: positioned findings and fixes. Offsets are half-open ``str`` indices."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def code_family(code: str) -> str:
    """The family of a rule code or code prefix: its letters ("INF001" -> "INF", "RD0" -> "RD")."""
    return code.rstrip("0123456789")


class Applicability(enum.IntEnum):
    """How safe a fix is to apply without a person. Ordered: ``SAFE`` is the highest."""

    DISPLAY_ONLY = 0
    UNSAFE = 1
    SAFE = 2

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, value: str) -> Applicability:
        try:
            return cls[value.strip().upper().replace("-", "_")]
        except KeyError:
            raise ValueError(
                f"unknown applicability {value!r} (expected safe, unsafe or display-only)"
            ) from None


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r} (expected info, warning or error)"
            ) from None


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement`` ("" deletes; an empty range inserts)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability
    title: str
    alternatives: tuple[str, ...] = ()
    # one edit per alternative, shaped like the default (case, "a"/"an", a clean cut), so that an
    # editor's chosen alternative goes through the same path as the default
    option_edits: tuple[Edit, ...] = ()
    why_not: str = ""  # display-only because every candidate failed a check in its sentence: why


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    category: str
    severity: Severity
    start: int
    end: int
    message: str
    fix: Fix | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return code_family(self.code)


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs about one text."""

    path: str
    text: str
    findings: tuple[Finding, ...]
    metrics: Mapping[str, Any]
    notes: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # proper names found by the pipeline (entities, proper nouns)
