"""``rewriter languagetool install | serve | status``, ``languagetool = "local"``, the rule list and
the language variety.

Without Java or Maven: a fake ``mvn`` and a fake ``java`` (Python scripts on PATH; the fake java
serves LanguageTool's HTTP API) check what the commands run and that nothing is left running.
With ``REWRITER_LANGUAGETOOL_URL`` set (CI starts ``rewriter languagetool serve``), the tests at the
end run against the real LanguageTool server.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_grammar import FakeServer

from rewriter import Config, analyze, languagetool, ltserver
from rewriter.cli import main
from rewriter.config import ConfigError, from_mapping, to_toml
from rewriter.grammar_guard import grammar_guard, new_grammar_errors
from rewriter.languagetool import Match, RuleSelection, client_for, language_for

REAL_URL = os.environ.get("REWRITER_LANGUAGETOOL_URL", "")
real = pytest.mark.skipif(not REAL_URL, reason="REWRITER_LANGUAGETOOL_URL is not set: no real LanguageTool "
                          "server (`rewriter languagetool serve --port 8081`, then set it to http://127.0.0.1:8081)")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REWRITER_LANGUAGETOOL_HOME", str(tmp_path / "lt-home"))
    client_for.cache_clear()
    yield
    client_for.cache_clear()
    for server in ltserver._LOCAL.values():
        server.stop()


@pytest.fixture
def lt() -> Iterator[FakeServer]:
    server = FakeServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


# ---------------------------------------------------------------------------------------------
# Fake mvn and java

FAKE_JAVA = '''\
import json, os, re, signal, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qsl
argv = sys.argv[1:]
if argv == ["-version"]:
    sys.stderr.write('openjdk version "17.0.15" 2025-04-15\\n')
    sys.exit(0)
log = os.environ.get("FAKE_JAVA_LOG")
if log:
    with open(log, "a") as fh:
        fh.write(json.dumps({"pid": os.getpid(), "argv": argv}) + "\\n")
port = int(argv[argv.index("--port") + 1])
class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def reply(self, payload):
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        self.reply([{"name": "English (US)", "code": "en", "longCode": "en-US"},
                    {"name": "English (GB)", "code": "en", "longCode": "en-GB"}])
    def do_POST(self):
        form = dict(parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
        matches = [{"offset": m.start(), "length": 3, "message": "Possible spelling mistake found.",
                    "replacements": [{"value": "the"}],
                    "rule": {"id": "MORFOLOGIK_RULE_EN_US", "issueType": "misspelling",
                             "category": {"id": "TYPOS", "name": "Possible Typo"}}}
                   for m in re.finditer(r"\\bteh\\b", form.get("text", ""))]
        self.reply({"software": {"name": "LanguageTool", "version": "6.7"}, "matches": matches})
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
HTTPServer(("127.0.0.1", port), H).serve_forever()
'''

FAKE_MVN = '''\
import json, os, sys
args = sys.argv[1:]
with open(os.environ["FAKE_MVN_LOG"], "w") as fh:
    json.dump({"argv": args, "pom": open(args[args.index("-f") + 1]).read()}, fh)
if os.environ.get("FAKE_MVN_FAIL"):
    print("[ERROR] Failed to execute goal: Could not resolve dependencies (no network)")
    sys.exit(1)
out = next(a.split("=", 1)[1] for a in args if a.startswith("-DoutputDirectory="))
os.makedirs(out)
for name in ("languagetool-server-6.7.jar", "language-en-6.7.jar", "languagetool-core-6.7.jar"):
    open(os.path.join(out, name), "wb").write(b"PK")
'''


def _script(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!{sys.executable}\n" + body, encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def fake_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with fake ``java`` and ``mvn`` first on PATH; returns the tmp folder (logs in it)."""
    bindir = tmp_path / "bin"
    _script(bindir, "java", FAKE_JAVA)
    _script(bindir, "mvn", FAKE_MVN)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("FAKE_JAVA_LOG", str(tmp_path / "java.log"))
    monkeypatch.setenv("FAKE_MVN_LOG", str(tmp_path / "mvn.json"))
    return tmp_path


def _java_runs(tmp_path: Path) -> list[dict[str, Any]]:
    log = tmp_path / "java.log"
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):  # a zombie is not running
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1] != "Z"
    return True


def _wait_gone(pid: int) -> bool:
    """Wait (bounded) for a process to end; True when it did."""
    try:
        os.waitpid(pid, 0)  # our own child: reap it
        return True
    except ChildProcessError:
        pass
    for _ in range(600):
        if not _alive(pid):
            return True
        with contextlib.suppress(subprocess.TimeoutExpired):
            subprocess.run(["sleep", "0.1"], timeout=5)
    return False


# ---------------------------------------------------------------------------------------------
# install


def test_install_runs_maven_on_the_shipped_pom(fake_tools: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert not ltserver.installed()
    assert main(["languagetool", "install"]) == 0
    assert ltserver.installed()
    call = json.loads((fake_tools / "mvn.json").read_text())
    argv = call["argv"]
    assert "--strict-checksums" in argv and "dependency:copy-dependencies" in argv
    assert f"-Dlanguagetool.version={ltserver.VERSION}" in argv
    assert "<artifactId>languagetool-server</artifactId>" in call["pom"]
    assert "<artifactId>language-en</artifactId>" in call["pom"]
    marker = json.loads((ltserver.install_dir() / "installed.json").read_text())
    assert marker["version"] == ltserver.VERSION and "language-en-6.7.jar" in marker["jars"]
    out = capsys.readouterr().out
    assert f"LanguageTool {ltserver.VERSION} installed: 3 jars" in out
    # a second install does nothing
    (fake_tools / "mvn.json").unlink()
    assert main(["languagetool", "install"]) == 0
    assert not (fake_tools / "mvn.json").exists()
    assert "is installed in" in capsys.readouterr().out


def test_install_failure_is_one_line_and_leaves_nothing(fake_tools: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FAKE_MVN_FAIL", "1")
    assert main(["languagetool", "install"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "rewriter: Maven could not fetch LanguageTool 6.7: Failed to execute goal: Could not resolve dependencies "
        "(no network)"]
    assert not ltserver.installed()
    assert not ltserver.install_dir().exists()


@pytest.mark.parametrize("missing", ["mvn", "java"])
def test_missing_java_or_maven_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str], missing: str) -> None:
    bindir = tmp_path / "only"
    other = "java" if missing == "mvn" else "mvn"
    _script(bindir, other, FAKE_JAVA if other == "java" else FAKE_MVN)
    monkeypatch.setenv("PATH", str(bindir))
    monkeypatch.setenv("FAKE_MVN_LOG", str(tmp_path / "mvn.json"))
    assert main(["languagetool", "install"]) == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("rewriter: " + ("Maven (mvn)" if missing == "mvn" else "Java") + " not found.")
    assert "Java 17+ and Maven" in line and "apt-get install" in line
    assert "languagetool.org/download" in line and "Docker" in line
    assert not (tmp_path / "mvn.json").exists()


def test_old_java_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _script(tmp_path / "b", "java", 'import sys\nsys.stderr.write(\'openjdk version "1.8.0_392"\\n\')\n')
    monkeypatch.setenv("PATH", str(tmp_path / "b"))
    with pytest.raises(ltserver.LanguageToolSetupError, match=r"^Java 8 is too old\. LanguageTool needs Java 17"):
        ltserver.find_java()


# ---------------------------------------------------------------------------------------------
# serve


def test_command_binds_locally_with_a_memory_cap() -> None:
    cmd = ltserver.command(8099)
    assert cmd[1] == "-Xmx1g" and cmd[cmd.index("--port") + 1] == "8099"
    assert "--public" not in cmd and "org.languagetool.server.HTTPServer" in cmd
    classpath = cmd[cmd.index("-cp") + 1].split(os.pathsep)
    assert classpath[0].endswith(os.path.join(ltserver.VERSION, "lib", "*"))
    assert Path(classpath[1], "org/languagetool/rules/en/grammar_custom.xml").is_file()  # our extra rules
    public = ltserver.command(8099, public=True, memory="2g")
    assert public[1] == "-Xmx2g" and "--public" in public


def _serve(port: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "rewriter", "languagetool", "serve", "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=dict(os.environ))


def _until_serving(proc: subprocess.Popen[str]) -> list[str]:
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:  # ends when the process does
        lines.append(line)
        if "serving on" in line:
            break
    return lines


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_installs_runs_and_stops_cleanly(fake_tools: Path, sig: signal.Signals) -> None:
    port = ltserver.free_port()
    proc = _serve(port)
    try:
        lines = _until_serving(proc)
        assert lines and f"serving on 127.0.0.1:{port}" in lines[-1], lines
        assert any("installed: 3 jars" in ln for ln in lines)  # installed first, since it was not
        [run] = _java_runs(fake_tools)
        assert run["argv"][0] == "-Xmx1g" and "--public" not in run["argv"]
        status = ltserver.server_status(f"http://127.0.0.1:{port}")
        assert status.answering and status.version == "6.7" and "en-GB" in status.languages
        proc.send_signal(sig)
        assert proc.wait(timeout=120) == 0
        assert _wait_gone(run["pid"]) and not _alive(run["pid"])
        assert not ltserver.server_status(f"http://127.0.0.1:{port}", timeout=2).answering
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for run in _java_runs(fake_tools):
            with contextlib.suppress(ProcessLookupError):
                os.kill(run["pid"], signal.SIGKILL)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_serve_killed_hard_leaves_no_java(fake_tools: Path) -> None:
    proc = _serve(ltserver.free_port(), "--public")
    try:
        assert "serving on 0.0.0.0:" in _until_serving(proc)[-1]
        [run] = _java_runs(fake_tools)
        assert "--public" in run["argv"]
        proc.kill()  # SIGKILL: no handler runs; the kernel tells the child
        proc.wait()
        assert _wait_gone(run["pid"])
    finally:
        for run in _java_runs(fake_tools):
            with contextlib.suppress(ProcessLookupError):
                os.kill(run["pid"], signal.SIGKILL)


def test_serve_port_in_use_is_plain(fake_tools: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    ltserver.install(out=lambda s: None)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        # the fake java cannot bind and exits, like LanguageTool does
        assert main(["languagetool", "serve", "--port", str(port)]) == 2
    assert f"did not start on port {port}" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# status


def test_status_of_a_server(lt: FakeServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["languagetool", "status", lt.url]) == 0
    assert capsys.readouterr().out == (f"LanguageTool 6.5 at {lt.url}: answering; 3 languages, "
                                       "English: en-GB, en-US\n")


def test_status_default_url_and_unreachable(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{ltserver.free_port()}"
    monkeypatch.setenv("REWRITER_LANGUAGETOOL_URL", url)
    assert main(["languagetool", "status"]) == 1
    assert capsys.readouterr().out == f"LanguageTool at {url}: unreachable (connection refused)\n"
    assert main(["languagetool"]) == 2


# ---------------------------------------------------------------------------------------------
# languagetool = "local": our install, one server per process


@pytest.mark.slow
def test_local_starts_our_install_once_and_stops_it(fake_tools: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # not the fallback
    ltserver.install(out=lambda s: None)
    config = Config(languagetool="local", select=("GRM",))
    first = analyze("Then teh vote.\n", config)
    second = analyze("And teh count.\n", config)
    assert [(f.code, f.data["observed"]) for f in first.findings] == [("GRM002", "teh")], first.notes
    assert [f.start for f in second.findings] == [4]
    [run] = _java_runs(fake_tools)  # started once, reused
    port = run["argv"][run["argv"].index("--port") + 1]
    assert client_for("local").url == f"http://127.0.0.1:{port}"  # type: ignore[union-attr]
    ltserver.local_server().stop()  # what atexit does
    assert _wait_gone(run["pid"])


def test_local_that_cannot_start_is_one_note(fake_tools: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ltserver.install(out=lambda s: None)
    monkeypatch.setenv("PATH", str(fake_tools / "nothing"))  # java gone since the install
    report = analyze("Then teh vote.\n", Config(languagetool="local"))
    assert [n for n in report.notes if "LanguageTool" in n] == [
        "LanguageTool (local): Java not found. " + ltserver.NEEDS + "; grammar rules off"]


# ---------------------------------------------------------------------------------------------
# Which matches are kept; the variety of English


def _m(rule: str, category: str, offset: int = 0) -> Match:
    return Match(offset, 3, "m", rule, category, category.title(), "")


def test_default_rule_list_keeps_news_errors_only() -> None:
    sel = RuleSelection()
    for rule, category in [("EN_A_VS_AN", "MISC"), ("ENGLISH_WORD_REPEAT_RULE", "MISC"), ("HE_VERB_AGR", "GRAMMAR"),
                           ("MORFOLOGIK_RULE_EN_US", "TYPOS"), ("YOUR_YOU_RE", "CONFUSED_WORDS"),
                           ("REWRITER_THEIR_VBG_TO", "REWRITER")]:
        assert sel.keeps(_m(rule, category)), rule
    for rule, category in [("WHITESPACE_RULE", "TYPOGRAPHY"), ("UPPERCASE_SENTENCE_START", "CASING"),
                           ("EN_UNPAIRED_QUOTES", "PUNCTUATION"), ("COMMA_COMPOUND_SENTENCE", "PUNCTUATION"),
                           ("PER_CENT", "COMPOUNDING"), ("ALL_OF_THE", "REDUNDANCY"), ("THRU", "STYLE"),
                           ("EN_COMPOUNDS_ANTI_TRUST", "MISC"), ("FIGHTER_COMPOUNDS", "GRAMMAR"),
                           ("EN_DIACRITICS_REPLACE_ORTHOGRAPHY_CAFE", "TYPOS")]:
        assert not sel.keeps(_m(rule, category)), rule


def test_spelling_of_names_inside_a_sentence_is_off_by_default() -> None:
    sel = RuleSelection()
    text = "Teh mayor met Mr. Grzesiak and J. A. Pohly in Harlow. Adminstration is slow.\n\nZorbl went."
    spelled = {w: _m("MORFOLOGIK_RULE_EN_US", "TYPOS", text.index(w))
               for w in ("Teh", "Grzesiak", "Pohly", "Harlow", "Adminstration", "Zorbl")}
    kept = {w for w, m in spelled.items() if sel.keeps(m, text)}
    assert kept == {"Teh", "Adminstration", "Zorbl"}  # sentence and line starts are not names
    everything = RuleSelection.from_config(Config(languagetool_rules=(("SPELLING_CAPITALIZED",), ())))
    assert all(everything.keeps(m, text) for m in spelled.values())


def test_languagetool_rules_config() -> None:
    config = from_mapping({"languagetool-rules": {"enable": ["typography", "EN_SPECIFIC_CASE"],
                                                  "disable": ["MORFOLOGIK_RULE_EN_US", "EN_A_VS_AN"]}})
    assert config.languagetool_rules == (("TYPOGRAPHY", "EN_SPECIFIC_CASE"), ("MORFOLOGIK_RULE_EN_US", "EN_A_VS_AN"))
    sel = RuleSelection.from_config(config)
    assert sel.keeps(_m("WHITESPACE_RULE", "TYPOGRAPHY")) and sel.keeps(_m("EN_SPECIFIC_CASE", "CASING"))
    assert not sel.keeps(_m("MORFOLOGIK_RULE_EN_US", "TYPOS")) and not sel.keeps(_m("EN_A_VS_AN", "MISC"))
    assert sel.keeps(_m("HUNSPELL_RULE", "TYPOS"))  # the rest of the category stays
    assert RuleSelection.from_config(Config(languagetool_rules=(("ALL",), ()))).keeps(_m("THRU", "STYLE"))
    assert RuleSelection.from_config(Config(languagetool_rules=(("FIGHTER_COMPOUNDS",), ()))).keeps(
        _m("FIGHTER_COMPOUNDS", "GRAMMAR"))
    # written back by `config --show` in a form that loads again
    line = next(ln for ln in to_toml(config).splitlines() if ln.startswith("languagetool-rules"))
    import tomllib

    assert from_mapping(tomllib.loads(line)).languagetool_rules == config.languagetool_rules
    for bad in (["X"], {"enable": 3}, {"only": ["X"]}, {"disable": ["no spaces"]}):
        with pytest.raises(ConfigError, match="languagetool-rules"):
            from_mapping({"languagetool-rules": bad})


def test_language_follows_spelling(lt: FakeServer) -> None:
    assert language_for(types.SimpleNamespace(spelling="en-GB")) == "en-GB"  # type: ignore[arg-type]
    assert language_for(types.SimpleNamespace(spelling="en-US")) == "en-US"  # type: ignore[arg-type]
    assert language_for(types.SimpleNamespace(spelling="auto")) == "en-US"  # type: ignore[arg-type]
    assert language_for(Config()) == "en-US"
    # auto: the variety the draft mostly uses
    assert language_for(Config(), "The colour of the centre pleased the neighbours.") == "en-GB"
    assert language_for(Config(), "The color of the center pleased the neighbors.") == "en-US"
    assert language_for(Config(spelling="en-US"), "The colour of the centre.") == "en-US"
    client = client_for(lt.url)
    assert client is not None
    list(client.check_pieces(["The colour of teh flag."], "en-GB"))
    list(client.check_pieces(["The colour of teh flag."], "en-US"))  # another variety: asked again
    sent = [r["form"]["language"] for r in lt.requests if r["path"] == "/v2/check"]
    assert sent == ["en-GB", "en-US"]


def test_spelling_setting_reaches_the_server(lt: FakeServer) -> None:
    import dataclasses

    assert "spelling" in {f.name for f in dataclasses.fields(Config)}
    analyze("The colour of teh flag.\n", Config(languagetool=lt.url).replace(spelling="en-GB"))
    analyze("The colour of teh centre, neighbours.\n", Config(languagetool=lt.url))  # auto: British
    assert [r["form"]["language"] for r in lt.requests if r["path"] == "/v2/check"] == ["en-GB", "en-GB"]


def test_guard_counts_only_the_kept_rules(lt: FakeServer) -> None:
    client = client_for(lt.url)
    # the fake server's WHITESPACE_RULE is off by default: a doubled space added is no reason
    assert new_grammar_errors(client, "They met.", "They  met.", None, RuleSelection()) == []
    assert new_grammar_errors(client, "They met.", "They  met.")  # every rule: it counts
    guard = grammar_guard(lt.url, Config(languagetool=lt.url))
    assert guard is not None and guard("They met.", "They  met.") is None
    assert guard("They were late.", "They was late.") is not None


# ---------------------------------------------------------------------------------------------
# Against a real LanguageTool server (CI: `rewriter languagetool serve` on a free port)


@real
def test_real_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["languagetool", "status", REAL_URL]) == 0
    out = capsys.readouterr().out
    assert re.match(r"LanguageTool \d+\.\d+\S* at .*: answering; \d+ languages, English: .*en-GB.*en-US", out), out


@real
def test_real_check_finds_the_classic_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = ("She bought a apple at the market.\nThe council met to discuss teh budget.\n"
            "Their going to vote on Tuesday.\n")
    Path("draft.txt").write_text(text, encoding="utf-8")
    code = main(["check", "--languagetool", REAL_URL, "--select", "GRM", "--format", "json", "draft.txt"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1
    found = {(f["text"], f["start"], f["end"], f["code"]) for f in payload["files"][0]["findings"]}
    a = text.index("a apple")
    assert any(t.startswith("a") and s == a for t, s, _, c in found if c == "GRM001"), found
    assert ("teh", text.index("teh"), text.index("teh") + 3, "GRM002") in found
    assert ("Their", text.index("Their"), text.index("Their") + 5, "GRM001") in found
    # the text format says it to a person, line and column
    main(["check", "--languagetool", REAL_URL, "--select", "GRM", "draft.txt"])
    out = capsys.readouterr().out
    assert "draft.txt:2:" in out and "teh" in out and "draft.txt:3:1: GRM001" in out


@real
def test_real_offsets_across_emoji_and_crlf() -> None:
    text = ("The mayor \U0001F600 said teh plan works.\r\n\r\nResidents \U0001F44D\U0001F44D bought a apple.\r\n"
            "Then teh vote came.\r\n")
    report = analyze(text, Config(languagetool=REAL_URL, select=("GRM",)))
    assert not [n for n in report.notes if "LanguageTool" in n], report.notes
    spans = sorted((f.start, f.end) for f in report.findings)
    starts = [m.start() for m in re.finditer("teh", text)]
    assert [(s, s + 3) for s in starts] == [sp for sp in spans if text[sp[0] : sp[1]] == "teh"]
    article = [f for f in report.findings if f.data["lt_rule"] == "EN_A_VS_AN"]
    assert [text[f.start : f.end] for f in article] == ["a"] and article[0].start == text.index("a apple")


@real
def test_real_long_draft_is_chunked_with_offsets_right() -> None:
    paragraph = ("The council will meet again next week to vote on teh plan for the town center, and residents "
                 "may speak. ")
    text = "\n\n".join(paragraph * 6 for _ in range(100)) + "\n"  # ~63,000 characters: several requests
    assert len(text) > 3 * languagetool.MAX_REQUEST_CHARS
    report = analyze(text, Config(languagetool=REAL_URL, select=("GRM",)))
    assert not [n for n in report.notes if "LanguageTool" in n], report.notes
    typos = [(f.start, f.end) for f in report.findings if f.code == "GRM002"]
    assert typos == [(m.start(), m.end()) for m in re.finditer("teh", text)]


@real
def test_real_duplicates_of_our_lexicons_are_dropped() -> None:
    text = "The two sides will meet in order to finalize the deal.\n"
    everything = Config(languagetool=REAL_URL, languagetool_rules=(("ALL",), ()))
    alone = analyze(text, everything.replace(select=("GRM",)))
    lt_spans = [(f.start, f.end) for f in alone.findings if f.family == "GRM"]
    ours = analyze(text, everything.replace(select=("GRM", "WRD")))
    wrd = [(f.start, f.end) for f in ours.findings if f.family == "WRD"]
    assert wrd, "our wordy-phrase list flags 'in order to'"
    grm = [(f.start, f.end) for f in ours.findings if f.family == "GRM"]
    assert not [g for g in grm if any(s < g[1] and g[0] < e for s, e in wrd)]
    assert len(grm) <= len(lt_spans)


GUARD_LEXICON = '''\
code = "HSE001"
name = "house-test"
category = "wordy"
severity = "warning"
summary = "A house-style word for the guard test"
message = "'{observed}': try '{replacement}'"
what = "Flags a made-up word."
why = "Tests need data they control."
example = "Given: 'zorblax'. Use instead: 'the'."
fix_safety = "Safe."

[[entry]]
match = "zorblax"
replace = ["teh"]
reason = "a replacement that brings in a spelling error"
applicability = "safe"
source = "own"

[[entry]]
match = "in order to"
replace = ["to"]
reason = "wordy"
applicability = "safe"
source = "own"
'''


@real
def test_real_guard_rejects_an_edit_that_adds_an_error(tmp_path: Path) -> None:
    from rewriter.fix import rewrite

    path = tmp_path / "house.toml"
    path.write_text(GUARD_LEXICON, encoding="utf-8")
    text = "We met in order to plan the zorblax vote.\n"
    config = Config(languagetool=REAL_URL, extra_lexicons=(str(path),), select=("HSE",))
    result = rewrite(text, config=config)
    assert result.text == "We met to plan the zorblax vote.\n"
    reasons = {s.reason for s in result.skipped if s.finding.data.get("observed") == "zorblax"}
    assert len(reasons) == 1, reasons
    [reason] = reasons
    assert reason.startswith("would add a grammar error: 'teh'") and reason.endswith("[LT: MORFOLOGIK_RULE_EN_US]")
    client = client_for(REAL_URL)
    assert new_grammar_errors(client, "She bought an apple.", "She bought a apple.", None, RuleSelection())
    assert new_grammar_errors(client, "They were late.", "They was late.", None, RuleSelection())
    assert not new_grammar_errors(client, "We met in order to plan.", "We met to plan.", None, RuleSelection())


def test_server_gone_mid_run_is_one_plain_note(fake_tools: Path) -> None:
    """A server that stops answering between two files: the second says so once, the rest runs."""
    ltserver.install(out=lambda s: None)  # the fake java: a server we can stop
    server = ltserver.LocalServer()
    url = server.start()
    config = Config(languagetool=url, select=("GRM", "WRD"))
    first = analyze("Then teh vote.\n", config)
    assert [f.code for f in first.findings] == ["GRM002"]
    server.stop()
    second = analyze("We met in order to plan teh vote.\n", config)
    assert [f.code for f in second.findings] == ["WRD001"]
    [note] = [n for n in second.notes if "LanguageTool" in n]
    assert note.startswith(f"LanguageTool at {url}: unreachable (") and note.endswith("grammar rules off")


REAL_HOME = ltserver.home()  # at import, before the fixtures point it elsewhere


@real
@pytest.mark.slow
def test_real_local_install_starts_and_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    if not (REAL_HOME / ltserver.VERSION / "installed.json").is_file():
        pytest.skip(f"no install of ours in {REAL_HOME} (`rewriter languagetool install`; CI makes one)")
    monkeypatch.setenv("REWRITER_LANGUAGETOOL_HOME", str(REAL_HOME))
    monkeypatch.setitem(sys.modules, "language_tool_python", None)
    report = analyze("Their going to vote on teh budget.\n", Config(languagetool="local", select=("GRM",)))
    assert not [n for n in report.notes if "LanguageTool" in n], report.notes
    assert {f.data["observed"] for f in report.findings} >= {"Their", "teh"}
    server = ltserver.local_server()
    assert server.proc is not None
    pid = server.proc.pid
    server.stop()
    assert not _alive(pid)
