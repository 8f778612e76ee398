"""Configuration: ``[tool.rewriter]`` in pyproject.toml or ``.rewriter.toml``, strictly validated."""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rewriter.model import Severity, code_family


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # empty: every rule enabled by default
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    unsafe_fixes: bool = False
    target_grade: float = 10.0
    hard_grade: float = 12.0
    very_hard_grade: float = 16.0
    max_sentence_words: int = 35
    max_paragraph_sentences: int = 6
    min_hard_sentence_words: int = 12
    quotes: str = "skip"  # skip | flag
    allow: tuple[str, ...] = ()
    extra_lexicons: tuple[str, ...] = ()
    languagetool: str = "off"
    spelling: str = "auto"  # auto | en-US | en-GB
    # LanguageTool rule or category ids: (enable, disable), on top of the news-copy default list
    languagetool_rules: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    cache_dir: str = ""  # the result cache's folder; "" for the default (see rewriter.cache)
    source: str = ""  # the file it came from, for messages

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)

    def cache_key(self) -> tuple[Any, ...]:
        return dataclasses.astuple(self)


# key in the file -> (field name, parser)
def _codes(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{key}' must be a list of rule codes or prefixes")
    out = []
    for v in value:
        code = v.strip().upper()
        if not code or not (code_family(code).isalpha() or code == "ALL"):
            raise ValueError(f"'{key}' has a bad rule code {v!r}")
        out.append(code)
    return tuple(out)


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"'{key}' must be a list of strings")
    return tuple(value)


def _number(key: str, value: Any, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
        raise ValueError(f"'{key}' must be a number from {lo:g} to {hi:g}")
    return float(value)


def _count(key: str, value: Any, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValueError(f"'{key}' must be a whole number from {lo} to {hi}")
    return value


def _bool(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"'{key}' must be true or false")
    return value


def _choice(key: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValueError(f"'{key}' must be one of {', '.join(choices)}")
    return str(value)


def _severity(key: str, value: Any) -> Severity:
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be info, warning or error")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ValueError(f"'{key}': {exc}") from None


def _per_file(key: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"'{key}' must be a table of glob = [codes]")
    return tuple((str(glob), _codes(f"{key}.{glob}", codes)) for glob, codes in value.items())


def _folder(key: str, value: Any) -> str:
    if not isinstance(value, str) or "\0" in value:
        raise ValueError(f"'{key}' must be a folder path (a string)")
    return value


def _languagetool(key: str, value: Any) -> str:
    if not isinstance(value, str) or not (
        value in ("off", "local") or value.startswith(("http://", "https://"))
    ):
        raise ValueError(f"'{key}' must be off, local or a server URL (http://...)")
    return value


def _languagetool_rules(key: str, value: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not isinstance(value, dict) or not set(value) <= {"enable", "disable"}:
        raise ValueError(f"'{key}' must be a table with 'enable' and/or 'disable' lists of LanguageTool "
                         "rule or category ids, e.g. { disable = [\"MORFOLOGIK_RULE_EN_US\"] }")
    enable, disable = (_strings(f"{key}.{k}", value.get(k, [])) for k in ("enable", "disable"))
    for ident in enable + disable:
        if not re.fullmatch(r"[A-Za-z0-9_]+\*?", ident):
            raise ValueError(f"'{key}' has a bad LanguageTool rule id {ident!r}")
    return tuple(i.upper() for i in enable), tuple(i.upper() for i in disable)


_KEYS: dict[str, tuple[str, Any]] = {
    "select": ("select", _codes),
    "ignore": ("ignore", _codes),
    "extend-select": ("extend_select", _codes),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "exclude": ("exclude", _strings),
    "fail-on": ("fail_on", _severity),
    "unsafe-fixes": ("unsafe_fixes", _bool),
    "target-grade": ("target_grade", lambda k, v: _number(k, v, 0, 30)),
    "hard-grade": ("hard_grade", lambda k, v: _number(k, v, 0, 40)),
    "very-hard-grade": ("very_hard_grade", lambda k, v: _number(k, v, 0, 40)),
    "max-sentence-words": ("max_sentence_words", lambda k, v: _count(k, v, 5, 1000)),
    "max-paragraph-sentences": ("max_paragraph_sentences", lambda k, v: _count(k, v, 1, 1000)),
    "min-hard-sentence-words": ("min_hard_sentence_words", lambda k, v: _count(k, v, 1, 1000)),
    "quotes": ("quotes", lambda k, v: _choice(k, v, ("skip", "flag"))),
    "allow": ("allow", _strings),
    "extra-lexicons": ("extra_lexicons", _strings),
    "languagetool": ("languagetool", _languagetool),
    "spelling": ("spelling", lambda k, v: _choice(k, v, ("auto", "en-US", "en-GB"))),
    "languagetool-rules": ("languagetool_rules", _languagetool_rules),
    "cache-dir": ("cache_dir", lambda k, v: _folder(k, v)),
}
# [tool.rewriter.readability] may hold the readability keys too
_READABILITY = {"target-grade", "hard-grade", "very-hard-grade", "max-sentence-words",
                "max-paragraph-sentences", "min-hard-sentence-words"}

KNOWN_KEYS = tuple(sorted(_KEYS))


def from_mapping(table: Mapping[str, Any], source: str = "<config>", base: Config | None = None,
                 text: str | None = None, section: str | None = None) -> Config:
    """Validate a ``[tool.rewriter]`` table. Unknown keys and bad values raise ConfigError.

    ``text`` is the file's text and ``section`` the TOML table the keys sit in
    (``"tool.rewriter"``, or ``""`` for a ``.rewriter.toml``), so errors can name the line."""
    changes: dict[str, Any] = {}
    items = list(table.items())
    sub_section = None if section is None else (f"{section}.readability" if section else "readability")
    in_readability: set[str] = set()
    if "readability" in table:
        sub = table["readability"]
        if not isinstance(sub, dict):
            raise ConfigError(f"{_where(source, text, 'readability', section)}: 'readability' must be a table")
        items = [(k, v) for k, v in items if k != "readability"]
        for k, v in sub.items():
            if k not in _READABILITY:
                raise ConfigError(f"{_where(source, text, k, sub_section)}: unknown key 'readability.{k}'"
                                  f" (known: {', '.join(sorted(_READABILITY))})")
            items.append((k, v))
            in_readability.add(k)
    for key, value in items:
        where = _where(source, text, key, sub_section if key in in_readability else section)
        if key not in _KEYS:
            hint = _close(key)
            raise ConfigError(f"{where}: unknown key '{key}'"
                              + (f"; did you mean '{hint}'?" if hint else f" (known: {', '.join(KNOWN_KEYS)})"))
        name, parse = _KEYS[key]
        try:
            changes[name] = parse(key, value)
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    config = (base or Config()).replace(source=source, **changes)
    if config.very_hard_grade < config.hard_grade:
        raise ConfigError(f"{_where(source, text, 'very-hard-grade', section)}: "
                          "'very-hard-grade' must not be below 'hard-grade'")
    if "extra_lexicons" in changes and source not in ("<config>", "<cli>"):
        root = Path(source).parent
        resolved = []
        for p in config.extra_lexicons:
            full = Path(p) if Path(p).is_absolute() else (root / p).resolve()
            if not full.is_file():
                raise ConfigError(f"{_where(source, text, 'extra-lexicons', section)}: 'extra-lexicons': "
                                  f"no such lexicon file '{p}' (looked for {full})")
            resolved.append(str(full))
        config = config.replace(extra_lexicons=tuple(resolved))
    if config.cache_dir and "cache_dir" in changes and source not in ("<config>", "<cli>"):
        folder = Path(config.cache_dir).expanduser()  # relative to the configuration file's folder
        config = config.replace(cache_dir=str(folder if folder.is_absolute() else Path(source).parent / folder))
    _check_codes(config, changes, source, text, section)
    return config


_CODE_KEYS = (("select", "select"), ("ignore", "ignore"), ("extend-select", "extend_select"))


def _check_codes(config: Config, changes: dict[str, Any], source: str, text: str | None,
                 section: str | None) -> None:
    """A code or prefix in select / ignore / extend-select / per-file-ignores that no rule has is
    an error naming it (a typo in ``select`` would otherwise switch every rule off)."""
    keyed: list[tuple[str, str, tuple[str, ...]]] = [
        (key, key, changes[name]) for key, name in _CODE_KEYS if name in changes]
    for glob, codes in changes.get("per_file_ignores", ()):
        keyed.append(("per-file-ignores", f"per-file-ignores \"{glob}\"", codes))
    if not keyed:
        return
    from rewriter.rules.lexicon import LexiconError

    try:
        from rewriter.rules import all_rules

        known = sorted(r.code for r in all_rules(config.extra_lexicons))
    except LexiconError:  # a broken house lexicon is reported, with its line, when the rules load
        return
    for key, label, codes in keyed:
        for code in codes:
            if code == "ALL" or any(k.startswith(code) for k in known):
                continue
            where = (f"--{key}" if source == "<cli>"
                     else f"{_where(source, text, key, section)}: '{label}'")
            families = sorted({code_family(k) for k in known})
            same = [k for k in known if code_family(k) == code_family(code)]  # WRD002 -> WRD001, not RD002
            hint = (difflib.get_close_matches(code, same, n=1, cutoff=0.0) if same
                    else difflib.get_close_matches(code, families + known, n=1, cutoff=0.5))
            raise ConfigError(f"{where}: unknown rule code '{code}'"
                              + (f"; did you mean '{hint[0]}'?" if hint else f" (families: {', '.join(families)})"))


_TABLE_HEADER = re.compile(r"^\s*\[\[?([^\[\]]+)\]\]?\s*(?:#.*)?$")


def _table_name(raw: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in raw.split("."))


def _where(source: str, text: str | None, key: str, section: str | None = None) -> str:
    """``source:line`` of ``key`` inside the TOML table ``section`` (any table when None)."""
    if text is None:
        return source
    assign = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    current = ""
    for n, line in enumerate(text.splitlines(), 1):
        header = _TABLE_HEADER.match(line)
        if header:
            current = _table_name(header.group(1))
            if section is not None and current == (f"{section}.{key}" if section else key):
                return f"{source}:{n}"  # [tool.rewriter.per-file-ignores] and the like
            continue
        if assign.match(line) and (section is None or current == section):
            return f"{source}:{n}"
    return source


def _close(key: str) -> str | None:
    found = difflib.get_close_matches(key, [*_KEYS, "readability"], n=1)
    return found[0] if found else None


def load_config(path: str | Path | None = None, start: str | Path | None = None) -> Config:
    """Load ``path``, or the nearest ``.rewriter.toml`` / ``pyproject.toml`` with a
    ``[tool.rewriter]`` table above ``start``; defaults when there is none."""
    if path is not None:
        return _load_file(Path(path), explicit=True) or Config()
    found = find_config(Path(start) if start is not None else Path.cwd())
    return (_load_file(found) if found else None) or Config()


def find_config(start: Path) -> Path | None:
    here = start.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        dot = folder / ".rewriter.toml"
        if dot.is_file():
            return dot
        py = folder / "pyproject.toml"
        if py.is_file() and _has_tool_table(py):
            return py
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "rewriter" in data["tool"]


def _load_file(path: Path, explicit: bool = False) -> Config | None:
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):  # a FIFO would block, /dev/zero would never end
            what = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
            raise ConfigError(f"{path}: cannot read config file ({what})")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    if path.name == "pyproject.toml" or "tool" in data:
        table = data.get("tool", {}).get("rewriter")
        if table is None:
            if explicit:
                raise ConfigError(f"{path}: no [tool.rewriter] table")
            return None
        extra = {k for k in data if k != "tool"} if path.name != "pyproject.toml" else set()
        if extra:
            raise ConfigError(f"{path}: unknown top-level table '{sorted(extra)[0]}'")
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.rewriter] must be a table")
    section = "tool.rewriter" if (path.name == "pyproject.toml" or "tool" in data) else ""
    return from_mapping(table, str(path), text=text, section=section)


def rule_enabled(code: str, config: Config, default_enabled: bool = True, path: str | None = None) -> bool:
    """ruff-style selection: the most specific matching prefix of select/ignore decides.
    A rule that is off by default is on only when a prefix more specific than ALL selects it."""
    select = (config.select or ("ALL",)) + config.extend_select
    if not default_enabled:
        select = tuple(s for s in select if s != "ALL")
    ignore = config.ignore + (per_file_ignored(path, config) if path is not None else ())
    best_sel = max((_specificity(s) for s in select if _matches(code, s)), default=-1)
    best_ign = max((_specificity(s) for s in ignore if _matches(code, s)), default=-1)
    return best_sel >= 0 and best_sel > best_ign


def _specificity(prefix: str) -> int:
    """ALL is the least specific selector, below any prefix ('RD' must beat ALL)."""
    return 0 if prefix == "ALL" else len(prefix)


def _matches(code: str, prefix: str) -> bool:
    return prefix == "ALL" or code.startswith(prefix)


def config_root(config: Config) -> Path | None:
    """The folder of the file the configuration came from (globs are relative to it)."""
    if not config.source or config.source.startswith("<"):
        return None
    return Path(config.source).resolve().parent


def path_matches(path: str, glob: str, root: Path | None = None) -> bool:
    """Whether ``path`` matches ``glob``: as given, by file name, relative to ``root`` (the
    configuration's folder), or by its last parts (``drafts/*.md``). ``**/`` also matches no
    folder at all, as in .gitignore."""
    from fnmatch import fnmatchcase

    p = Path(path)
    names = {p.as_posix(), p.name}
    if root is not None:
        with contextlib.suppress(ValueError, OSError):
            names.add(p.resolve().relative_to(root).as_posix())
    globs = {glob, glob.replace("**/", "")}
    for g in globs:
        if any(fnmatchcase(name, g) for name in names):
            return True
        try:
            if p.match(g):
                return True
        except ValueError:  # an empty or odd pattern
            pass
    return False


def per_file_ignored(path: str, config: Config) -> tuple[str, ...]:
    out: list[str] = []
    root = config_root(config)
    for glob, codes in config.per_file_ignores:
        if path_matches(path, glob, root):
            out.extend(codes)
    return tuple(out)


def is_excluded(path: str, config: Config) -> bool:
    """Whether the configuration's ``exclude`` globs skip ``path`` (named or found in a folder)."""
    root = config_root(config)
    return any(path_matches(path, glob, root) for glob in config.exclude)


def to_toml(config: Config) -> str:
    """The resolved configuration as a ``[tool.rewriter]`` table that loads back to the same."""
    lines = [f"# resolved from: {config.source or '(defaults)'}", "[tool.rewriter]"]
    for f in dataclasses.fields(config):
        if f.name == "source":
            continue
        key = f.name.replace("_", "-")
        value = getattr(config, f.name)
        if key == "per-file-ignores":
            body = ", ".join(f"{_toml_str(glob)} = {_toml(list(codes))}" for glob, codes in value)
            lines.append(f"{key} = {{ {body} }}" if body else f"{key} = {{}}")
            continue
        if key == "languagetool-rules":
            lines.append(f"{key} = {{ enable = {_toml(value[0])}, disable = {_toml(value[1])} }}")
            continue
        lines.append(f"{key} = {_toml(value)}")
    return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, Severity):
        return _toml_str(value.label)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_str(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _toml_str(value: str) -> str:
    out = []
    for ch in value:
        if ch in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


__all__ = ["Config", "ConfigError", "from_mapping", "is_excluded", "load_config", "path_matches",
           "rule_enabled", "to_toml"]
