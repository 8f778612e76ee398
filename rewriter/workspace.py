"""Which files a run checks, and under which configuration (as ruff's workspace resolver): the
drafts named or found under folders, the ``[tool.rewriter]`` found upward from each (or
``--config``) with the command line's overrides, and the one-line message for an argument that
names nothing to check. ``check``, ``fix`` and ``report`` all read their inputs through here."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rewriter.config import Config

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(v.strip().upper() for v in value.split(",") if v.strip())


class ConfigResolver:
    """The configuration for each checked file (found upward, or --config), with CLI overrides."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    def for_path(self, path: str | None) -> Config:
        from rewriter.config import find_config

        if getattr(self.args, "config", None):
            return self._load(str(Path(self.args.config).resolve()))
        found = find_config(Path(path) if path else Path.cwd())
        return self._load(str(found) if found else "")

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one resolver per run
    def _load(self, source: str) -> Config:
        from rewriter.config import Config, from_mapping, load_config

        config = load_config(source) if source else Config()
        overrides: dict[str, Any] = {}
        sel = _codes(getattr(self.args, "select", None))
        ign = _codes(getattr(self.args, "ignore", None))
        if sel:
            overrides["select"] = list(sel)
        if ign:
            overrides["ignore"] = list(config.ignore + ign)
        if getattr(self.args, "languagetool", None):
            overrides["languagetool"] = self.args.languagetool
        if overrides:
            config = from_mapping(overrides, "<cli>", base=config).replace(source=config.source)
        return config


def iter_paths(paths: Sequence[str], exclude: Sequence[str] = ()) -> Iterator[str]:
    """Files named, and drafts (.md, .markdown, .txt) under folders, in sorted order."""
    from fnmatch import fnmatch

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                rel = sub.relative_to(p)
                if any(part in _SKIP_DIRS or (part.startswith(".") and part not in (".", "..")) for part in rel.parts):
                    continue
                if sub.is_file() and sub.suffix.lower() in DRAFT_SUFFIXES:
                    s = str(sub)
                    if any(fnmatch(s, g) or fnmatch(sub.name, g) or sub.match(g) for g in exclude):
                        continue
                    yield s
        else:
            yield raw


def drafts_of(raw: str, resolver: ConfigResolver) -> tuple[list[str], str]:
    """The drafts an argument names (a file, or the drafts under a folder, less its configuration's
    ``exclude``), or ``([], message)`` when it names nothing to check."""
    if not Path(raw).exists():
        return [], f"{raw}: no such file or directory"
    found = list(iter_paths([raw], resolver.for_path(raw).exclude))
    if not found and Path(raw).is_dir():
        return [], f"{raw}: no drafts ({', '.join(DRAFT_SUFFIXES)}) in this folder"
    return found, ""


__all__ = ["DRAFT_SUFFIXES", "ConfigResolver", "drafts_of", "iter_paths"]
