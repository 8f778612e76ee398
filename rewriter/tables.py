"""Tables compiled once and kept in the user cache folder, so that a cold start reads JSON
instead of redoing the work: the lexicons' phrases as spaCy's tokenizer splits them, each lexicon
file's parsed TOML, CMUdict's syllable counts and lemminflect's lemmas. They depend on a library's
version or a file's content, never on a check's configuration (that is :mod:`rewriter.cache`, the
result cache). ``REWRITER_CACHE_DIR`` moves the folder; ``REWRITER_NO_CACHE=1`` builds every table
afresh in each run."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = 1  # bump when a table's shape changes


def enabled_by_env() -> bool:
    return os.environ.get("REWRITER_NO_CACHE", "").strip().lower() in ("", "0", "false", "no")


def user_cache_dir() -> Path:
    if sys.platform == "win32":  # pragma: no cover - not tested on Windows
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "rewriter" / "Cache"
    if sys.platform == "darwin":  # pragma: no cover
        return Path.home() / "Library" / "Caches" / "rewriter"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg else Path.home() / ".cache") / "rewriter"


def compiled_dir() -> Path:
    """Where tables compiled once per library version are kept (the user cache folder)."""
    env = os.environ.get("REWRITER_CACHE_DIR", "").strip()
    return Path(env).expanduser() if env else user_cache_dir()


def _write_json(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=str(path.parent))
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):  # TypeError: a value JSON cannot hold
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def compiled_table(name: str, build: Callable[[], dict[str, Any]],
                   valid: Callable[[Any], bool] = lambda v: isinstance(v, int)) -> dict[str, Any]:
    """A ``{str: value}`` table kept as ``name`` in :func:`compiled_dir`, built (and stored) when it
    is missing, unreadable or of the wrong shape (its first value not ``valid``); built every time
    when the cache is off."""
    path = compiled_dir() / name if enabled_by_env() else None
    if path is not None:
        try:
            stored = json.loads(path.read_bytes())
            # our own file: a look at its first value tells a table of the wrong shape (checking all
            # of them costs a third of a second of each cold start)
            if isinstance(stored, dict) and stored and valid(next(iter(stored.values()))):
                return stored
        except (OSError, ValueError):
            pass
    table = build()
    if path is not None:
        _write_json(path, table)
    return table


def parsed_toml(raw: str) -> dict[str, Any]:
    """``tomllib.loads(raw)``, read back as JSON (several times faster) from :func:`compiled_dir`
    when this exact text was parsed before: the lexicons' TOML is most of a cold start's
    lexicon load. Errors are tomllib's own."""
    import tomllib

    if not enabled_by_env():
        return tomllib.loads(raw)
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    path = compiled_dir() / f"toml-v{FORMAT}" / f"{digest}.json"
    try:
        stored = json.loads(path.read_bytes())
        if isinstance(stored, dict) and stored.get("sha256") == digest and isinstance(stored.get("data"), dict):
            return stored["data"]  # type: ignore[no-any-return]
    except (OSError, ValueError):
        pass
    data = tomllib.loads(raw)
    _write_json(path, {"sha256": digest, "data": data})
    return data


class PhraseWords:
    """The words of each lexicon phrase as spaCy's tokenizer splits them, kept in the user cache
    folder per spaCy version: loading the lexicons then needs no spaCy (a precompiled lexicon)."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[str, ...]] | None = None
        self._new = False

    def _path(self) -> Path | None:
        if not enabled_by_env():
            return None
        from importlib import metadata

        try:
            version = metadata.version("spacy")
        except metadata.PackageNotFoundError:  # pragma: no cover - spaCy is a dependency
            return None
        return compiled_dir() / f"lexicon-words-v{FORMAT}-spacy-{version}.json"

    def _load(self) -> dict[str, tuple[str, ...]]:
        if self._words is None:
            self._words = {}
            path = self._path()
            if path is not None:
                try:
                    stored = json.loads(path.read_bytes())
                    self._words = {str(k): tuple(str(w) for w in v) for k, v in stored["words"].items()
                                   if isinstance(v, list)}
                except (OSError, ValueError, KeyError, TypeError, AttributeError):
                    self._words = {}
        return self._words

    def get(self, phrase: str, split: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
        words = self._load()
        found = words.get(phrase)
        if found is None:
            found = words[phrase] = split(phrase)
            self._new = True
        return found

    def save(self) -> None:
        """Write the phrases back if new ones were tokenized (atomically; failures ignored)."""
        path = self._path()
        if not self._new or path is None or self._words is None:
            return
        _write_json(path, {"words": self._words})
        self._new = False


PHRASE_WORDS = PhraseWords()
