"""LanguageTool's HTTP API, as the GRM rules and the rewriter's grammar guard use it.

One client per process and per ``languagetool`` setting (:func:`client_for`), reused across
files: a server URL is spoken to directly over ``/v2/check``; ``local`` starts our own install
(:mod:`rewriter.ltserver`) or language_tool_python's once per process. Pieces of prose are
batched into requests of at most ``MAX_REQUEST_CHARS`` characters, and LanguageTool's offsets
(UTF-16 code units, as in Java) are mapped back onto the text. The first failure to reach a
server is remembered, so an unreachable server costs one timeout per process.

Which of LanguageTool's own rules count (:class:`RuleSelection`: ``DEFAULT_ENABLED`` less
``DEFAULT_DISABLED``, measured on Brown press by ``benchmarks/languagetool_noise.py``;
``languagetool-rules`` changes it) and the variety of English (:func:`language_for`, from
``spelling``) are decided here too, so that the check and the guard agree.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import http.client
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rewriter.ltserver import api_base

if TYPE_CHECKING:
    from rewriter.config import Config

LANGUAGE = "en-US"
MAX_REQUEST_CHARS = 20_000  # the public API's limit; self-hosted servers accept at least this
CONNECT_TIMEOUT = 5.0  # seconds, for the first contact (GET /v2/languages)
CHECK_TIMEOUT = 30.0  # seconds, per /v2/check request


# ---------------------------------------------------------------------------------------------
# Which LanguageTool matches are kept, and in which variety of English

VARIETIES = ("en-US", "en-GB")

# On by default: LanguageTool categories (and single rules of other categories) that are right for
# news copy: grammar and agreement, a/an, confused words, doubled words, real misspellings. Not on:
# punctuation, typography and whitespace, casing, compounding, style, redundancy, repetition
# (benchmarks/languagetool_noise.py measured each on Brown press; README "Grammar" has the list).
DEFAULT_ENABLED = frozenset({
    "GRAMMAR", "TYPOS", "CONFUSED_WORDS", "REWRITER",  # categories (REWRITER: our grammar_custom.xml)
    "EN_A_VS_AN", "ENGLISH_WORD_REPEAT_RULE",  # rules filed under MISC
})
# a pseudo id: spelling matches on a capitalised word inside a sentence (names LanguageTool does not
# know: nine in ten of its spelling matches on Brown press)
NAMES = "SPELLING_CAPITALIZED"
# Off by default although in an enabled category: on sound news copy they flag house style
# (compounds, hyphens, diacritics) rather than errors.
DEFAULT_DISABLED = frozenset({
    "FIGHTER_COMPOUNDS", "OVER_COMPOUNDS", "MAN_COMPOUNDS", "WEEK_LONG_HYPHEN", "EN_DIACRITICS_REPLACE_*", NAMES,
})
_SPELLING_RULES = ("MORFOLOGIK_RULE", "HUNSPELL_RULE")


@dataclass(frozen=True)
class RuleSelection:
    """Which LanguageTool matches to keep, by rule id or category id (an id ending in ``*`` is a
    prefix). A rule id decides before its category; ``ALL`` in ``enable`` keeps every match
    LanguageTool reports; ``SPELLING_CAPITALIZED`` stands for spelling matches on capitalised
    words inside a sentence."""

    enable: frozenset[str] = DEFAULT_ENABLED
    disable: frozenset[str] = DEFAULT_DISABLED

    @classmethod
    def from_config(cls, config: Config | None) -> RuleSelection:
        if config is None:
            return cls()
        user_enable, user_disable = (frozenset(x.upper() for x in ids) for ids in config.languagetool_rules)
        return cls((DEFAULT_ENABLED - user_disable) | user_enable, (DEFAULT_DISABLED - user_enable) | user_disable)

    def keeps(self, m: Match, text: str | None = None) -> bool:
        """Whether to keep ``m``; ``text`` is the checked text its offsets point into (for the
        capitalised-word test; without it the test is skipped)."""
        rule, category = m.rule_id.upper(), m.category_id.upper()
        if _listed(rule, self.disable):
            return False
        if (text is not None and NAMES in self.disable and rule.startswith(_SPELLING_RULES)
                and _capitalised_inside_sentence(text, m.offset)):
            return False
        if _listed(rule, self.enable):
            return True
        if _listed(category, self.disable):
            return False
        return _listed(category, self.enable) or "ALL" in self.enable


def _listed(ident: str, ids: frozenset[str]) -> bool:
    return ident in ids or any(i.endswith("*") and ident.startswith(i[:-1]) for i in ids)


_OPENERS = "\"'\u201c\u2018(["
_LAST_WORD = re.compile(r"(\S*?)([.!?:;]?)[\"'\u201d\u2019)\]]*$")
# a period after these is not a sentence end ("Mr. Simpkins", "J. A. Grzesiak")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "mt", "ft", "gov", "sen", "rep", "gen", "lt", "col",
                            "sgt", "capt", "maj", "adm", "cmdr", "jr", "sr", "rev", "prof", "hon", "pres", "supt",
                            "co", "corp", "inc", "ltd", "bros", "no", "nos", "vs", "atty", "messrs", "mme", "gens"})


def _capitalised_inside_sentence(text: str, offset: int) -> bool:
    """The word at ``offset`` starts with a capital letter and does not open a sentence (a title or
    an initial before it does not end one)."""
    if not text[offset : offset + 1].isupper():
        return False
    before = text[max(0, offset - 40) : offset].rstrip(_OPENERS)
    if offset <= 40 and not before.strip():  # the start of the block
        return False
    gap = before[len(before.rstrip()) :]
    if "\n" in gap:  # the start of a line
        return False
    m = _LAST_WORD.search(before.rstrip())
    if m is None or not m.group(2):
        return True
    word = m.group(1).lstrip(_OPENERS).lower()
    return m.group(2) == "." and (len(word) == 1 or word in _ABBREVIATIONS or "." in word)


def language_for(config: Config | None, text: str = "") -> str:
    """en-US or en-GB, from the configuration's ``spelling``; with ``auto`` (or unset) the variety
    ``text`` mostly uses (rewriter.spelling.variety), else en-US."""
    spelling = str(getattr(config, "spelling", "") or "")
    if spelling in VARIETIES:
        return spelling
    from rewriter.spelling import variety

    return "en-GB" if text and variety(text) == "gb" else LANGUAGE


# ---------------------------------------------------------------------------------------------
# The client


class LanguageToolUnavailable(Exception):
    """The server cannot be used; the message is one plain line for the report."""


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, with ``offset``/``length`` in Python indices of the checked text."""

    offset: int
    length: int
    message: str
    rule_id: str
    category_id: str
    category_name: str
    issue_type: str
    replacements: tuple[str, ...] = ()
    short_message: str = ""
    rule_description: str = ""

    @property
    def end(self) -> int:
        return self.offset + self.length


class LanguageToolClient:
    """Talks to a LanguageTool server over its HTTP API (``/v2/languages``, ``/v2/check``).

    The first failure to reach the server is remembered (``error``): later calls fail at once
    with the same message, so an unreachable server costs one timeout per process, not one per
    file. An HTTP error on one request (say, a text the server will not take) is not remembered.
    """

    def __init__(self, url: str, language: str = LANGUAGE, *, timeout: float = CHECK_TIMEOUT,
                 connect_timeout: float = CONNECT_TIMEOUT, max_chars: int = MAX_REQUEST_CHARS) -> None:
        self.url = url
        self.api = api_base(url)
        self.language = language
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.max_chars = max_chars
        self.error: str | None = None
        self._ready = False
        self._cache: dict[tuple[str, str], tuple[Match, ...]] = {}

    @property
    def label(self) -> str:
        return f"LanguageTool at {self.url}"

    # -- connection

    def connect(self) -> None:
        """Make sure the server answers and knows the language; raise LanguageToolUnavailable."""
        if self.error is not None:
            raise LanguageToolUnavailable(self.error)
        if self._ready:
            return
        try:
            self._start()
            try:
                languages = self._request("languages", None, self.connect_timeout)
            except _HTTPFailure as exc:
                raise LanguageToolUnavailable(f"{self.label}: not a LanguageTool server (/v2/languages: {exc}); "
                                              "grammar rules off") from None
            if not isinstance(languages, list):
                raise LanguageToolUnavailable(f"{self.label}: not a LanguageTool server "
                                              "(/v2/languages is not a list); grammar rules off")
            codes = {str(e.get(k, "")) for e in languages if isinstance(e, dict) for k in ("code", "longCode")}
            if self.language not in codes and self.language.split("-")[0] not in codes:
                raise LanguageToolUnavailable(f"{self.label}: does not support {self.language}; grammar rules off")
        except LanguageToolUnavailable as exc:
            self.error = str(exc)
            raise
        self._ready = True

    def _start(self) -> None:
        """Hook for a client that starts its own server first (see LocalLanguageToolClient)."""

    def _request(self, endpoint: str, form: dict[str, str] | None, timeout: float) -> Any:
        url = self.api + endpoint
        if not url.startswith(("http://", "https://")):
            raise LanguageToolUnavailable(f"{self.label}: not an http(s) URL; grammar rules off")
        data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        request = urllib.request.Request(url, data=data, headers={"Accept": "application/json",
                                                                  "User-Agent": "rewriter"})
        # a server on this machine is reached directly, whatever proxy the environment names
        local = urllib.parse.urlsplit(url).hostname in ("localhost", "127.0.0.1", "::1")
        opener = _DIRECT if local else urllib.request.build_opener()
        try:
            with opener.open(request, timeout=timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            detail = _first_line(exc.read().decode("utf-8", "replace")) if exc.fp is not None else ""
            raise _HTTPFailure(f"HTTP {exc.code}" + (f": {detail}" if detail else "")) from None
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
            reason = _reason(exc, timeout)
            raise LanguageToolUnavailable(f"{self.label}: unreachable ({reason}); grammar rules off") from None
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise LanguageToolUnavailable(f"{self.label}: not a LanguageTool server (the answer is not JSON); "
                                          "grammar rules off") from None

    # -- checking

    def check(self, text: str, language: str | None = None) -> tuple[Match, ...]:
        """LanguageTool's matches for one text (at most ``max_chars``), offsets in Python indices.
        Raises LanguageToolUnavailable (a one-line message) when the server cannot be used."""
        language = language or self.language
        cached = self._cache.get((text, language))
        if cached is not None:
            return cached
        self.connect()
        try:
            answer = self._request("check", {"text": text, "language": language}, self.timeout)
        except LanguageToolUnavailable as exc:
            self.error = str(exc)
            raise
        except _HTTPFailure as exc:
            raise LanguageToolUnavailable(f"{self.label}: request failed ({exc}); "
                                          "grammar check incomplete") from None
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise LanguageToolUnavailable(f"{self.label}: unexpected answer from /v2/check; grammar check incomplete")
        to_py = utf16_to_index(text)
        matches = tuple(m for m in (_parse_match(raw, to_py) for raw in answer["matches"]) if m is not None)
        if len(self._cache) >= 512:
            self._cache.pop(next(iter(self._cache)))
        self._cache[(text, language)] = matches
        return matches

    def check_pieces(self, pieces: Sequence[str], language: str | None = None) -> Iterator[tuple[int, Match]]:
        """Check many pieces of prose in as few requests as fit; yield (piece index, match) with
        the match's offset relative to its piece. Pieces longer than a request are split."""
        for batch in plan_requests(pieces, self.max_chars):
            text = "\n\n".join(pieces[i][lo:hi] for i, lo, hi in batch)
            starts = []
            pos = 0
            for _, lo, hi in batch:
                starts.append(pos)
                pos += (hi - lo) + 2
            for m in self.check(text, language):
                k = bisect.bisect_right(starts, m.offset) - 1
                if k < 0:
                    continue
                i, lo, hi = batch[k]
                rel = m.offset - starts[k]
                if rel >= hi - lo:  # on the separator between pieces
                    continue
                length = min(m.length, hi - lo - rel)
                yield i, _moved(m, lo + rel, length)


class LocalLanguageToolClient(LanguageToolClient):
    """``local``: our install (``rewriter languagetool install``) started once per process on a
    free 127.0.0.1 port and stopped at exit (``rewriter.ltserver.LocalServer``); without it,
    language_tool_python starts its own LanguageTool server (Java, and a download of LanguageTool
    the first time). Either way the client talks to it over HTTP like to any other server."""

    def __init__(self, language: str = LANGUAGE, **kwargs: Any) -> None:
        super().__init__("http://127.0.0.1/", language, **kwargs)
        self._tool: Any = None

    @property
    def label(self) -> str:
        return "LanguageTool (local)"

    def _start(self) -> None:
        if self._tool is not None:
            return
        from rewriter import ltserver

        if ltserver.installed():
            try:
                self._tool = ltserver.local_server()
                self.url = self._tool.start()
            except ltserver.LanguageToolSetupError as exc:
                raise LanguageToolUnavailable(f"{self.label}: {exc}; grammar rules off") from None
            self.api = api_base(self.url)
            return
        try:
            import language_tool_python
        except ImportError:
            raise LanguageToolUnavailable(f"{self.label}: not installed (run `rewriter languagetool install`, "
                                          "which needs Java 17+ and Maven); grammar rules off") from None
        try:
            self._tool = language_tool_python.LanguageTool(self.language)
        except KeyboardInterrupt:
            raise
        except (Exception, SystemExit) as exc:  # it raises many kinds, SystemExit among them
            raise LanguageToolUnavailable(f"{self.label}: {_local_failure(exc)}; grammar rules off") from None
        self.url = str(self._tool.url)
        self.api = api_base(self.url)


class _HTTPFailure(Exception):
    pass


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def plan_requests(pieces: Sequence[str], max_chars: int) -> list[list[tuple[int, int, int]]]:
    """Group pieces (``(index, lo, hi)`` slices) into requests of at most ``max_chars`` characters,
    counting the blank line that joins them; a piece longer than that is cut at a sentence end
    (or a space) before the limit."""
    batches: list[list[tuple[int, int, int]]] = []
    current: list[tuple[int, int, int]] = []
    size = 0
    for i, piece in enumerate(pieces):
        for lo, hi in _cut(piece, max_chars):
            n = hi - lo
            if current and size + 2 + n > max_chars:
                batches.append(current)
                current, size = [], 0
            size += n + (2 if current else 0)
            current.append((i, lo, hi))
    if current:
        batches.append(current)
    return batches


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")


def _cut(text: str, max_chars: int) -> list[tuple[int, int]]:
    out = []
    lo = 0
    while len(text) - lo > max_chars:
        limit = lo + max_chars
        cut = -1
        for m in _SENTENCE_END.finditer(text, lo, limit):
            cut = m.end()
        if cut <= lo:
            cut = text.rfind(" ", lo, limit) + 1
        if cut <= lo:
            cut = limit
        out.append((lo, cut))
        lo = cut
    out.append((lo, len(text)))
    return out


def utf16_to_index(text: str) -> Callable[[int], int]:
    """LanguageTool counts UTF-16 code units (Java ``String`` indices); Python counts code points.
    The function maps the first onto the second for ``text``."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not astral:
        return lambda u: u
    starts = [i + k for k, i in enumerate(astral)]  # UTF-16 offset of each astral character

    def convert(u: int) -> int:
        return u - bisect.bisect_right(starts, u - 1)

    return convert


def _parse_match(raw: Any, to_py: Callable[[int], int]) -> Match | None:
    try:
        offset, length = int(raw["offset"]), int(raw["length"])
        rule = raw.get("rule") or {}
        category = rule.get("category") or {}
        start, end = to_py(offset), to_py(offset + length)
        return Match(
            offset=start, length=end - start, message=_clean(str(raw.get("message", ""))),
            rule_id=str(rule.get("id", "")), category_id=str(category.get("id", "")),
            category_name=str(category.get("name", "")), issue_type=str(rule.get("issueType", "")),
            replacements=tuple(str(r["value"]) for r in raw.get("replacements") or ()
                               if isinstance(r, dict) and "value" in r),
            short_message=_clean(str(raw.get("shortMessage", "") or "")),
            rule_description=str(rule.get("description", "")),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _moved(m: Match, offset: int, length: int) -> Match:
    return dataclasses.replace(m, offset=offset, length=length)


def _clean(message: str) -> str:
    message = re.sub(r"</?suggestion>", "'", message)
    return " ".join(message.split())


def _first_line(text: str, limit: int = 160) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _reason(exc: BaseException, timeout: float) -> str:
    reason: Any = getattr(exc, "reason", exc)
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g}s"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, ValueError):
        return f"bad URL: {reason}"
    return _first_line(str(reason) or type(reason).__name__)


_DOWNLOAD_ERRORS = frozenset({"ConnectionError", "ConnectTimeout", "ReadTimeout", "Timeout", "TimeoutError",
                              "SSLError", "ProxyError", "ChunkedEncodingError"})


def _local_failure(exc: BaseException) -> str:
    """What went wrong starting language_tool_python's own server, in one plain clause."""
    name = type(exc).__name__
    text = _first_line(str(exc), 120)
    if "java" in text.lower():
        return f"Java is missing or too old ({text.rstrip('.')})"
    if name in _DOWNLOAD_ERRORS or "download" in text.lower():
        return "could not download LanguageTool (the first run needs internet; it is cached after that)"
    return f"could not start ({name}: {text})" if text else f"could not start ({name})"


@functools.lru_cache(maxsize=8)
def client_for(setting: str) -> LanguageToolClient | None:
    """The one client of this process for a ``languagetool`` setting (``off`` gives None)."""
    setting = setting.strip()
    if setting == "off" or not setting:
        return None
    if setting == "local":
        return LocalLanguageToolClient()
    return LanguageToolClient(setting)


__all__ = ["LanguageToolClient", "LanguageToolUnavailable", "LocalLanguageToolClient", "Match", "RuleSelection",
           "api_base", "client_for", "language_for", "plan_requests", "utf16_to_index"]
