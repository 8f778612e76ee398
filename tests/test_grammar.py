"""GRM: LanguageTool integration, tested against a small fake server on 127.0.0.1 that speaks
LanguageTool's HTTP API (``/v2/languages``, ``/v2/check``), and against a real server when
``REWRITER_LANGUAGETOOL_URL`` is set."""

from __future__ import annotations

import itertools
import json
import os
import re
import socket
import sys
import threading
import types
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from rewriter import Config, analyze, languagetool, ltserver
from rewriter.cli import main
from rewriter.engine import drop_duplicates
from rewriter.grammar_guard import grammar_guard, new_grammar_errors
from rewriter.languagetool import LanguageToolClient, client_for, plan_requests, utf16_to_index
from rewriter.model import Applicability, Finding, Severity
from rewriter.rules import all_rules, grammar

# ---------------------------------------------------------------------------------------------
# A fake LanguageTool server


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _rule(rule_id: str, description: str, issue: str, cat_id: str, cat_name: str) -> dict[str, Any]:
    return {"id": rule_id, "description": description, "issueType": issue,
            "category": {"id": cat_id, "name": cat_name}, "isPremium": False}


# (pattern, group to flag, rule, message, short message, replacements)
FAKE_RULES: list[tuple[re.Pattern[str], int, dict[str, Any], str, str, list[str]]] = [
    (re.compile(r"\bteh\b"), 0,
     _rule("MORFOLOGIK_RULE_EN_US", "Possible spelling mistake", "misspelling", "TYPOS", "Possible Typo"),
     "Possible spelling mistake found.", "Spelling mistake", ["the"]),
    (re.compile(r"\brecieve\b"), 0,
     _rule("MORFOLOGIK_RULE_EN_US", "Possible spelling mistake", "misspelling", "TYPOS", "Possible Typo"),
     "Possible spelling mistake found.", "Spelling mistake", ["receive", "relieve"]),
    (re.compile(r"\b([Aa]) [aeiou]\w*"), 1,
     _rule("EN_A_VS_AN", "Use of 'a' vs. 'an'", "misspelling", "MISC", "Miscellaneous"),
     "Use \u201can\u201d instead of \u2018a\u2019 if the following word starts with a vowel sound, "
     "e.g. \u2018an article\u2019, \u2018an hour\u2019.", "Wrong article", ["an"]),
    (re.compile(r"\bin order to\b"), 0,
     _rule("IN_ORDER_TO", "Wordiness: 'in order to'", "style", "STYLE", "Style"),
     "Consider a shorter alternative to avoid wordiness.", "Wordiness", ["to"]),
    (re.compile(r"\w(  +)\w"), 1,
     _rule("WHITESPACE_RULE", "Whitespace repetition (bad formatting)", "whitespace", "TYPOGRAPHY", "Typography"),
     "Possible typo: you repeated a whitespace", "", [" "]),
    (re.compile(r"\b(\w+) \1\b"), 0,
     _rule("ENGLISH_WORD_REPEAT_RULE", "Word repetition", "duplication", "MISC", "Miscellaneous"),
     "Possible typo: you repeated a word.", "Word repetition", ["to"]),
    (re.compile(r"\b[Tt]hey was\b"), 0,
     _rule("THEY_WAS", "Agreement: they was", "grammar", "GRAMMAR", "Grammar"),
     "The verb does not agree with the subject.", "Agreement", ["they were"]),
]


def fake_matches(text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for rx, group, rule, message, short, replacements in FAKE_RULES:
        for m in rx.finditer(text):
            start, end = m.start(group), m.end(group)
            offset, length = _u16(text[:start]), _u16(text[start:end])  # Java string indices
            lo = max(0, start - 20)
            out.append({
                "message": message, "shortMessage": short,
                "replacements": [{"value": r} for r in replacements],
                "offset": offset, "length": length,
                "context": {"text": text[lo : end + 20], "offset": start - lo, "length": end - start},
                "sentence": text, "type": {"typeName": "Other"}, "rule": rule,
                "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
            })
    out.sort(key=lambda m: m["offset"])
    return out


LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
             {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
             {"name": "German (Germany)", "code": "de", "longCode": "de-DE"}]


class FakeLanguageTool(BaseHTTPRequestHandler):
    requests: list[dict[str, Any]]  # set per server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _send(self, status: int, payload: Any) -> None:
        body = json.dumps(payload).encode("utf-8") if not isinstance(payload, bytes) else payload
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if status == 200 else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8") if length else ""
        query = urllib.parse.urlsplit(self.path).query
        fields = dict(urllib.parse.parse_qsl(query))
        fields.update(urllib.parse.parse_qsl(raw, keep_blank_values=True))
        return fields

    def _handle(self, method: str) -> None:
        path = urllib.parse.urlsplit(self.path).path
        form = self._form()
        self.server.requests.append({"method": method, "path": path, "form": form})  # type: ignore[attr-defined]
        if path == "/v2/languages":
            self._send(200, LANGUAGES)
        elif path == "/v2/check" and method == "POST":
            text = form.get("text")
            if text is None or "language" not in form:
                self._send(400, b"Error: Missing 'text' or 'data' parameter")
                return
            if len(text) > 20_000:
                self._send(413, b"Error: Your text exceeds the limit of 20000 characters")
                return
            self._send(200, {
                "software": {"name": "LanguageTool", "version": "6.5", "buildDate": "2024-09-27 11:53:00 +0000",
                             "apiVersion": 1, "premium": False, "premiumHint": "", "status": ""},
                "warnings": {"incompleteResults": False},
                "language": {"name": "English (US)", "code": "en-US",
                             "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.98,
                                                  "source": "ngram"}},
                "matches": fake_matches(text),
                "sentenceRanges": [[0, _u16(text)]],
            })
        else:
            self._send(404, b"Error: unknown endpoint")

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")


class FakeServer:
    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool)
        self.httpd.requests = []  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.httpd.requests  # type: ignore[attr-defined, no-any-return]

    def checked_texts(self) -> list[str]:
        return [r["form"]["text"] for r in self.requests if r["path"] == "/v2/check"]


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests go to 127.0.0.1 only, never through a proxy from the environment."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def lt() -> Iterator[FakeServer]:
    server = FakeServer()
    server.thread.start()
    client_for.cache_clear()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
        client_for.cache_clear()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port: int = s.getsockname()[1]
    s.close()
    return port


# every LanguageTool match, not only the news-copy default list (the fake server's style and
# whitespace rules are off by default)
EVERY_RULE = (("ALL",), ())


@pytest.fixture(autouse=True)
def _no_install(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """``local`` finds no install of ours unless a test makes one."""
    monkeypatch.setenv("REWRITER_LANGUAGETOOL_HOME", str(tmp_path_factory.mktemp("lt-home")))


def grm(report: Any) -> list[Finding]:
    return [f for f in report.findings if f.family == "GRM"]


# ---------------------------------------------------------------------------------------------
# Rules and documentation


def test_grm_rules_are_registered_and_documented() -> None:
    infos = {i.code: i for i in all_rules()}
    for code in ("GRM001", "GRM002", "GRM003"):
        info = infos[code]
        assert info.what and info.why and info.example and info.fix_safety
        assert "## Fix safety" in info.doc()


@pytest.mark.parametrize(
    ("category", "issue", "rule_id", "code"),
    [
        ("TYPOS", "misspelling", "MORFOLOGIK_RULE_EN_US", "GRM002"),
        ("MISC", "misspelling", "EN_A_VS_AN", "GRM001"),
        ("GRAMMAR", "grammar", "HE_VERB_AGR", "GRM001"),
        ("CONFUSED_WORDS", "misspelling", "YOUR_YOU_RE", "GRM001"),
        ("PUNCTUATION", "typographical", "COMMA_PARENTHESIS_WHITESPACE", "GRM003"),
        ("TYPOGRAPHY", "whitespace", "WHITESPACE_RULE", "GRM003"),
        ("STYLE", "style", "IN_ORDER_TO", "GRM003"),
        ("REDUNDANCY", "style", "ADVANCE_PLANNING", "GRM003"),
        ("CASING", "typographical", "UPPERCASE_SENTENCE_START", "GRM003"),
        ("CASING", "misspelling", "EN_SPECIFIC_CASE", "GRM001"),
    ],
)
def test_categories_map_to_codes(category: str, issue: str, rule_id: str, code: str) -> None:
    assert grammar.rule_for(category, issue, rule_id).code == code


def test_off_costs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grammar, "client_for", lambda setting: pytest.fail("no client when off"))
    report = analyze("She bought a apple and teh pear.\n", Config())
    assert grm(report) == []
    assert not any("LanguageTool" in n for n in report.notes)


# ---------------------------------------------------------------------------------------------
# Findings, offsets and what is sent

MARKDOWN = """---
title: teh front matter
---

# A apple a day

```
teh code block
```

We must recieve teh   budget before `teh` vote. They was late \U0001F600 and teh mayor  left.

> teh blockquote is protected.
"""


def test_offsets_map_onto_the_original_text(lt: FakeServer) -> None:
    report = analyze(MARKDOWN, Config(languagetool=lt.url, languagetool_rules=EVERY_RULE), "draft.md")
    found = grm(report)
    assert found, report.notes
    for f in found:
        assert MARKDOWN[f.start : f.end] == f.data["observed"]
    texts = [MARKDOWN[f.start : f.end] for f in found]
    # the heading, both 'teh' in the paragraph (one after an emoji: UTF-16 offsets), 'recieve',
    # 'They was', and the doubled space; nothing from front matter, code or the blockquote
    assert texts.count("teh") == 2
    assert "recieve" in texts and "A" in texts and "They was" in texts
    heading = next(f for f in found if f.data["lt_rule"] == "EN_A_VS_AN")
    assert heading.start == MARKDOWN.index("A apple")
    after_emoji = [f for f in found if f.data["observed"] == "teh"][-1]
    assert after_emoji.start == MARKDOWN.index("teh mayor")
    spaces = [f for f in found if f.data["lt_rule"] == "WHITESPACE_RULE"]
    assert [(f.start, f.end) for f in spaces] == [
        (MARKDOWN.index("teh   ") + 3, MARKDOWN.index("teh   ") + 6),
        (MARKDOWN.index("mayor  ") + 5, MARKDOWN.index("mayor  ") + 7)]
    assert all(f.start > MARKDOWN.index("```\n\n") for f in found if f.data["observed"] == "teh")


def test_only_prose_is_sent(lt: FakeServer) -> None:
    analyze(MARKDOWN, Config(languagetool=lt.url), "draft.md")
    sent = "\n".join(lt.checked_texts())
    assert "front matter" not in sent and "code block" not in sent and "blockquote" not in sent
    assert "title:" not in sent and "```" not in sent
    assert "We must recieve" in sent and "A apple a day" in sent and "#" not in sent
    checks = [r for r in lt.requests if r["path"] == "/v2/check"]
    assert all(r["method"] == "POST" and r["form"]["language"] == "en-US" for r in checks)


def test_messages_fixes_and_severity(lt: FakeServer) -> None:
    text = "We will recieve teh report in order to act. She ate a apple.\n"
    report = analyze(text, Config(languagetool=lt.url, select=("GRM",), languagetool_rules=EVERY_RULE))
    by_text = {text[f.start : f.end]: f for f in grm(report)}
    teh = by_text["teh"]
    assert teh.code == "GRM002" and teh.severity is Severity.WARNING
    assert teh.message == "'teh': Possible spelling mistake found. [LT: MORFOLOGIK_RULE_EN_US]"
    assert teh.fix is not None and teh.fix.applicability is Applicability.UNSAFE
    assert teh.fix.edits[0].replacement == "the" and (teh.fix.edits[0].start, teh.fix.edits[0].end) == (
        teh.start, teh.end)
    recieve = by_text["recieve"]  # two suggestions: a person chooses
    assert recieve.fix is not None and recieve.fix.applicability is Applicability.DISPLAY_ONLY
    assert recieve.fix.alternatives == ("receive", "relieve")
    # each alternative is an edit of its own, like a lexicon rule's, for the editor's choice
    assert [(e.start, e.end, e.replacement) for e in recieve.fix.option_edits] == [
        (recieve.start, recieve.end, "receive"), (recieve.start, recieve.end, "relieve")]
    article = by_text["a"]  # grammar, even though LanguageTool calls it a misspelling
    assert article.code == "GRM001" and article.fix is not None
    assert article.fix.applicability is Applicability.DISPLAY_ONLY
    assert "[LT: EN_A_VS_AN]" in article.message
    style = by_text["in order to"]
    assert style.code == "GRM003" and style.severity is Severity.INFO


def test_select_and_ignore_apply_to_grm(lt: FakeServer) -> None:
    text = "We will recieve teh report. They was late.\n"
    codes = {f.code for f in grm(analyze(text, Config(languagetool=lt.url, ignore=("GRM002",))))}
    assert "GRM002" not in codes and "GRM001" in codes
    lt.requests.clear()
    assert grm(analyze(text, Config(languagetool=lt.url, ignore=("GRM",)))) == []
    assert lt.checked_texts() == []  # nothing enabled: the server is not asked


def test_allow_list_silences_names(lt: FakeServer) -> None:
    text = "The teh council met.\n"
    assert grm(analyze(text, Config(languagetool=lt.url, allow=("teh",)))) == []


def test_quotes_are_not_flagged_by_default(lt: FakeServer) -> None:
    text = 'The mayor said "teh budget is fine" and left teh room.\n'
    found = grm(analyze(text, Config(languagetool=lt.url)))
    assert [f.start for f in found] == [text.index("teh room")]


def test_crlf_offsets(lt: FakeServer) -> None:
    text = "First paragraph is fine.\r\n\r\nThen teh second\r\nline has teh typo.\r\n"
    found = grm(analyze(text, Config(languagetool=lt.url)))
    assert [text[f.start : f.end] for f in found] == ["teh", "teh"]
    assert [f.start for f in found] == [m.start() for m in re.finditer("teh", text)]


def test_one_client_per_url_reused_across_files(lt: FakeServer) -> None:
    config = Config(languagetool=lt.url)
    analyze("One teh.\n", config)
    analyze("Two teh.\n", config)
    assert client_for(lt.url) is client_for(lt.url)
    languages = [r for r in lt.requests if r["path"] == "/v2/languages"]
    assert len(languages) == 1  # connected once
    assert len(lt.checked_texts()) == 2


# ---------------------------------------------------------------------------------------------
# Request sizing and offsets


def test_requests_stay_within_the_limit(lt: FakeServer) -> None:
    sentence = "The council will meet again next week to vote on teh plan. "
    long_block = sentence * 500  # ~30k characters in one paragraph
    text = "Short intro with teh typo.\n\n" + long_block.strip() + "\n\nLast teh paragraph.\n"
    found = grm(analyze(text, Config(languagetool=lt.url, select=("GRM",))))
    sent = lt.checked_texts()
    assert len(sent) >= 2 and all(len(t) <= languagetool.MAX_REQUEST_CHARS for t in sent)
    assert [f.start for f in found] == [m.start() for m in re.finditer(r"\bteh\b", text)]


def test_plan_requests_batches_and_cuts() -> None:
    pieces = ["a" * 10, "b" * 10, "Word. " * 10]
    batches = plan_requests(pieces, 25)
    for batch in batches:
        assert sum(hi - lo for _, lo, hi in batch) + 2 * (len(batch) - 1) <= 25
    covered: dict[int, list[tuple[int, int]]] = {}
    for batch in batches:
        for i, lo, hi in batch:
            covered.setdefault(i, []).append((lo, hi))
    for i, piece in enumerate(pieces):
        spans = covered[i]
        assert spans[0][0] == 0 and spans[-1][1] == len(piece)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    cuts = [pieces[2][lo:hi] for lo, hi in covered[2]]
    assert len(cuts) > 1 and all(c.endswith(". ") for c in cuts)  # cut after a sentence end


def test_utf16_offsets() -> None:
    text = "\U0001F600 teh \U0001F44D\U0001F44D teh"
    convert = utf16_to_index(text)
    for m in re.finditer("teh", text):
        assert convert(_u16(text[: m.start()])) == m.start()
        assert convert(_u16(text[: m.end()])) == m.end()
    assert utf16_to_index("plain")(3) == 3


@pytest.mark.parametrize(
    ("url", "api"),
    [
        ("http://localhost:8081", "http://localhost:8081/v2/"),
        ("http://localhost:8081/", "http://localhost:8081/v2/"),
        ("http://lt.example.org/v2", "http://lt.example.org/v2/"),
        ("https://lt.example.org/v2/check", "https://lt.example.org/v2/"),
        ("https://example.org/api/", "https://example.org/api/v2/"),
    ],
)
def test_api_base(url: str, api: str) -> None:
    assert ltserver.api_base(url) == api


# ---------------------------------------------------------------------------------------------
# Unreachable server, missing pieces


def test_unreachable_server_is_one_note_and_other_rules_run(house_lexicon_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    client_for.cache_clear()
    text = "We met in order to plan. Then teh vote.\n"
    with_lt = analyze(text, Config(languagetool=url, extra_lexicons=(str(house_lexicon_path),)))
    without = analyze(text, Config(extra_lexicons=(str(house_lexicon_path),)))
    assert [f.code for f in with_lt.findings] == [f.code for f in without.findings]
    assert any(f.code == "HSE001" for f in with_lt.findings)
    notes = [n for n in with_lt.notes if "LanguageTool" in n]
    assert notes == [f"LanguageTool at {url}: unreachable (connection refused); grammar rules off"]
    # the failure is remembered: a second file does not wait again, and says the same
    again = analyze(text, Config(languagetool=url))
    assert [n for n in again.notes if "LanguageTool" in n] == notes
    client_for.cache_clear()


def test_cli_unreachable_note_once_exit_code_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"http://127.0.0.1:{_closed_port()}"
    client_for.cache_clear()
    (tmp_path / "a.md").write_text("A plain sentence.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Another plain sentence.\n", encoding="utf-8")
    base = main(["check", "--select", "GRM,PAS", "a.md", "b.md"])
    capsys.readouterr()
    code = main(["check", "--select", "GRM,PAS", "--languagetool", url, "a.md", "b.md"])
    out, err = capsys.readouterr()
    assert code == base
    assert out.count("unreachable (connection refused); grammar rules off") == 1
    assert f"LanguageTool at {url}" in out
    assert "Traceback" not in out + err
    # fix prints it once too, on stderr (stdout may hold the rewritten text)
    main(["fix", "--diff", "--languagetool", url, "a.md", "b.md"])
    out, err = capsys.readouterr()
    assert err.count("unreachable (connection refused); grammar rules off") == 1 and "Traceback" not in err
    client_for.cache_clear()


def test_cli_languagetool_option(lt: FakeServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("The council met on teh day.\n", encoding="utf-8")
    (tmp_path / ".rewriter.toml").write_text('languagetool = "off"\n', encoding="utf-8")
    assert main(["check", "--select", "GRM", "a.md"]) == 0
    capsys.readouterr()
    code = main(["check", "--select", "GRM", "--languagetool", lt.url, "--format", "json", "a.md"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1
    [finding] = payload["files"][0]["findings"]
    assert finding["code"] == "GRM002" and finding["text"] == "teh"
    assert finding["fix"]["applicability"] == "unsafe"
    assert main(["check", "--languagetool", "ftp://nowhere", "a.md"]) == 2
    assert "languagetool" in capsys.readouterr().err


def test_http_error_from_the_server_is_a_note(lt: FakeServer) -> None:
    client = LanguageToolClient(lt.url, max_chars=50_000)  # larger than the server takes
    with pytest.raises(languagetool.LanguageToolUnavailable, match=r"HTTP 413"):
        client.check("x " * 15_000)
    assert client.error is None  # the server is up; only that request failed
    assert client.check("teh")  # and it still works


def test_not_a_languagetool_server(lt: FakeServer) -> None:
    client = LanguageToolClient(lt.url + "/nothing-here/")
    with pytest.raises(languagetool.LanguageToolUnavailable, match=r"not a LanguageTool server"):
        client.check("teh")


def test_local_without_language_tool_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # import fails
    client_for.cache_clear()
    report = analyze("Then teh vote.\n", Config(languagetool="local"))
    assert grm(report) == []
    assert [n for n in report.notes if "LanguageTool" in n] == [
        "LanguageTool (local): not installed (run `rewriter languagetool install`, which needs Java 17+ and "
        "Maven); grammar rules off"]
    client_for.cache_clear()


def test_local_that_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("language_tool_python")
    calls = []

    class LanguageTool:
        def __init__(self, language: str) -> None:
            calls.append(language)
            raise ModuleNotFoundError("No java install detected. Please install java to use language-tool-python.")

    fake.LanguageTool = LanguageTool  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "language_tool_python", fake)
    client_for.cache_clear()
    first = analyze("Then teh vote.\n", Config(languagetool="local"))
    second = analyze("Then teh vote again.\n", Config(languagetool="local"))
    note = ("LanguageTool (local): Java is missing or too old (No java install detected. Please "
            "install java to use language-tool-python); grammar rules off")
    assert [n for n in first.notes if "LanguageTool" in n] == [note]
    assert [n for n in second.notes if "LanguageTool" in n] == [note]
    assert calls == ["en-US"]  # one attempt per process
    client_for.cache_clear()


def test_local_reuses_a_started_server(lt: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """``local`` talks to the server language_tool_python started, over the same HTTP path."""
    fake = types.ModuleType("language_tool_python")
    started = []

    class LanguageTool:
        def __init__(self, language: str) -> None:
            started.append(language)
            self.url = lt.url + "/v2/"

    fake.LanguageTool = LanguageTool  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "language_tool_python", fake)
    client_for.cache_clear()
    a = analyze("Then teh vote.\n", Config(languagetool="local"))
    b = analyze("Then teh count.\n", Config(languagetool="local"))
    assert [f.code for f in grm(a)] == ["GRM002"] and [f.code for f in grm(b)] == ["GRM002"]
    assert started == ["en-US"]


# ---------------------------------------------------------------------------------------------
# Duplicates of our own findings

HOUSE = '''\
code = "HSE001"
name = "house-wordy"
category = "wordy"
severity = "warning"
summary = "A house-style wordy phrase"
message = "'{observed}' is wordy; try '{replacement}'"
what = "Flags wordy phrases."
why = "Short is clear."
example = "Given: 'in order to win'. Use instead: 'to win'."
fix_safety = "Safe."

[[entry]]
match = "in order to"
replace = ["to"]
reason = "wordy"
applicability = "safe"
source = "own"
'''


@pytest.fixture
def house_lexicon_path(tmp_path: Path) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(HOUSE, encoding="utf-8")
    return path


def test_languagetool_matches_on_our_findings_are_dropped(lt: FakeServer, house_lexicon_path: Path) -> None:
    text = "We met in order to plan teh vote.\n"
    config = Config(languagetool=lt.url, extra_lexicons=(str(house_lexicon_path),), select=("HSE", "GRM"),
                    languagetool_rules=EVERY_RULE)
    report = analyze(text, config)
    codes = [(f.code, text[f.start : f.end]) for f in report.findings if f.code in ("HSE001", "GRM002", "GRM003")]
    assert ("HSE001", "in order to") in codes
    assert ("GRM003", "in order to") not in codes  # LanguageTool's IN_ORDER_TO duplicate is gone
    assert ("GRM002", "teh") in codes
    # without our rule, LanguageTool's match stays
    alone = analyze(text, config.replace(select=("GRM",)))
    assert any(f.code == "GRM003" and text[f.start : f.end] == "in order to" for f in alone.findings)


def _f(code: str, start: int, end: int) -> Finding:
    return Finding(code, "x", "x", Severity.WARNING, start, end, "m")


def test_languagetool_repeats_of_our_word_rules_are_dropped(lt: FakeServer) -> None:
    text = "The council voted to to close the pool.\n"
    alone = analyze(text, Config(languagetool=lt.url, select=("GRM",), languagetool_rules=EVERY_RULE))
    assert [text[f.start : f.end] for f in alone.findings] == ["to to"]  # the fake server sees it
    both = analyze(text, Config(languagetool=lt.url, select=("GRM", "SEN004"), languagetool_rules=EVERY_RULE))
    assert [f.code for f in both.findings] == ["SEN004"]


def test_drop_duplicates_by_lexical_code() -> None:
    findings = [_f("WRD001", 10, 21), _f("GRM003", 10, 21), _f("GRM003", 15, 30), _f("GRM002", 30, 33),
                _f("PAS001", 40, 50), _f("GRM001", 42, 44), _f("HSE001", 60, 65), _f("GRM002", 61, 62)]
    kept = drop_duplicates(findings, {"WRD001"})
    assert [(f.code, f.start) for f in kept] == [
        ("WRD001", 10), ("GRM002", 30), ("PAS001", 40), ("GRM001", 42), ("HSE001", 60), ("GRM002", 61)]
    kept = drop_duplicates(findings, {"WRD001", "HSE001"})
    assert ("GRM002", 61) not in [(f.code, f.start) for f in kept]
    # the engine passes the codes of the lexical families: the built-in word lists and house lexicons
    lexical = {i.code for i in all_rules() if i.group.lexical}
    assert {"INF001", "INF002", "WRD001", "RED001", "CLI001", "HDG001", "HDG002", "NOM001"} <= lexical
    assert not lexical & {"PAS001", "RD001", "GRM001", "RW100"}
    # precedence is rule metadata: the lexical families' codes, and the code rules that LanguageTool repeats
    assert {i.code for i in all_rules() if i.has_precedence} == lexical | {"SEN004", "SPL001"}
    assert {i.family for i in all_rules() if i.group.defers} == {"GRM"}
    # a family that defers to another: its findings on words a rule with precedence flags go
    kept = drop_duplicates([_f("WRD001", 10, 21), _f("PAS001", 12, 20), _f("GRM001", 12, 20)], {"WRD001"}, {"PAS"})
    assert [f.code for f in kept] == ["WRD001", "GRM001"]


# ---------------------------------------------------------------------------------------------
# The grammar guard


def test_new_grammar_errors(lt: FakeServer) -> None:
    client = client_for(lt.url)
    assert client is not None
    before = "They met in order to plan teh vote."
    # an edit that adds an article error
    added = new_grammar_errors(client, before, "They met to plan teh vote on a order.")
    assert added == ["'a': Use \u201can\u201d instead of \u2018a\u2019 if the following word starts with a vowel "
                     "sound, e.g. \u2018an article\u2019, \u2018an hour\u2019. [LT: EN_A_VS_AN]"]
    # an edit that moves the existing typo (different offset, same rule and text) adds nothing
    assert new_grammar_errors(client, before, "They met to plan teh vote.") == []
    # fixing an error adds nothing
    assert new_grammar_errors(client, before, "They met in order to plan the vote.") == []
    # two of the same where there was one: the second is new
    assert len(new_grammar_errors(client, before, "They met in order to plan teh vote and teh poll.")) == 1
    assert new_grammar_errors(None, before, "a apple") == []


def test_guard_is_silent_when_unreachable() -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    client_for.cache_clear()
    guard = grammar_guard(url)
    assert guard is not None
    assert guard("They plan.", "They was plan.") is None  # cannot check: no reason to refuse
    assert grammar_guard("off") is None
    client_for.cache_clear()


def test_guard_reason(lt: FakeServer) -> None:
    guard = grammar_guard(lt.url)
    assert guard is not None
    assert guard("The group was late.", "The group was late.") is None
    reason = guard("They were late.", "They was late.")
    assert reason is not None and reason.startswith("would add a grammar error: 'They was'")
    assert reason.endswith("[LT: THEY_WAS]")


# ---------------------------------------------------------------------------------------------
# A real server, when there is one

REAL_URL = os.environ.get("REWRITER_LANGUAGETOOL_URL", "")


@pytest.mark.skipif(not REAL_URL, reason="REWRITER_LANGUAGETOOL_URL is not set: no real LanguageTool server "
                    "to test against (set it to e.g. http://localhost:8081 to run this test)")
def test_real_languagetool_server() -> None:
    client_for.cache_clear()
    text = "---\ntitle: x\n---\n\nShe bought a apple and teh bread on Tuesday.\n"
    report = analyze(text, Config(languagetool=REAL_URL, select=("GRM",)))
    assert not [n for n in report.notes if "LanguageTool" in n], report.notes
    found = {(f.code, text[f.start : f.end]) for f in grm(report)}
    assert ("GRM002", "teh") in found
    assert any(code == "GRM001" and t.lower().startswith("a") for code, t in found)
    client = client_for(REAL_URL)
    assert new_grammar_errors(client, "She bought an apple.", "She bought a apple.")
    client_for.cache_clear()


GUARDED = HOUSE + '''
[[entry]]
match = "zorblax"
replace = ["teh"]
reason = "a replacement that brings in a spelling error, to test the guard"
applicability = "safe"
source = "own"
'''


def test_rewrite_skips_an_edit_that_adds_a_grammar_error(lt: FakeServer, tmp_path: Path) -> None:
    from rewriter.fix import rewrite

    path = tmp_path / "house.toml"
    path.write_text(GUARDED, encoding="utf-8")
    text = "We met in order to plan the zorblax vote.\n"
    config = Config(languagetool=lt.url, extra_lexicons=(str(path),), select=("HSE", "GRM"))
    result = rewrite(text, config=config)
    assert result.text == "We met to plan the zorblax vote.\n"
    reasons = {s.reason for s in result.skipped if s.finding.data.get("observed") == "zorblax"}
    assert reasons == {"would add a grammar error: 'teh': Possible spelling mistake found. "
                       "[LT: MORFOLOGIK_RULE_EN_US]"}
    # without LanguageTool there is no grammar guard, and the edit applies
    plain = rewrite(text, config=config.replace(languagetool="off"))
    assert plain.text == "We met to plan the teh vote.\n"


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (type("ConnectionError", (OSError,), {})("HTTPSConnectionPool(host='languagetool.org'): Max retries"),
         "could not download LanguageTool (the first run needs internet; it is cached after that)"),
        (SystemError("Detected java 1.8. LanguageTool requires Java >= 17."),
         "Java is missing or too old (Detected java 1.8. LanguageTool requires Java >= 17)"),
        (RuntimeError("port in use\nmore detail"), "could not start (RuntimeError: port in use)"),
    ],
)
def test_local_failures_are_one_plain_clause(exc: BaseException, expected: str) -> None:
    assert languagetool._local_failure(exc) == expected
