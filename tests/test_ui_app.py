"""The web editor through Streamlit's AppTest, driven by widget keys (no browser).

The app runs in this process, so the spaCy pipeline that ``warm`` loads is the one it uses; the
draft and the configuration come in through the same environment variables ``rewriter ui`` sets.
A house lexicon (tests/conftest.py) keeps the findings fixed whatever the shipped word lists say.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

pytest.importorskip("streamlit", reason="the ui extra is not installed")
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from rewriter import Config, analyze
from rewriter.fix import finding_key, rewrite

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "ui" / "app.py")
DRAFT = "The harbinger of spring came in order to stay.\n\nOfficials said the zorblax plan was final."
HOSTILE = ('Lede <script>alert("pwned")</script> and <img src=x onerror="alert(1)"> came in order to stay.\n\n'
           "<b>bold</b> zorblax & more.")


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """Load the pipeline before the first AppTest run so that its timeout measures the app."""
    analyze("Warm up in order to start.")


@pytest.fixture
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, house_lexicon: Path) -> Config:
    cfg = tmp_path / ".rewriter.toml"
    cfg.write_text(f'select = ["TST", "RD"]\nextra-lexicons = ["{house_lexicon.as_posix()}"]\n', encoding="utf-8")
    monkeypatch.setenv("REWRITER_UI_CONFIG", str(cfg))
    monkeypatch.delenv("REWRITER_UI_PATH", raising=False)
    return Config(select=("TST", "RD"), extra_lexicons=(str(house_lexicon),))


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """What each download button would serve, by file name."""
    served: dict[str, bytes] = {}
    original = MediaFileManager.add

    def add(self: MediaFileManager, path_or_data: bytes | str, mimetype: str, coordinates: str,
            file_name: str | None = None, is_for_static_download: bool = False) -> str:
        if file_name and isinstance(path_or_data, bytes):
            served[file_name] = path_or_data
        return original(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)

    monkeypatch.setattr(MediaFileManager, "add", add)
    return served


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="draft").input(text).run()
    assert not at.exception, at.exception
    return at


def html_of(at: AppTest, css: str) -> str:
    found = [h.value for h in at.get("html") if f'class="rw-text rw-box {css}"' in h.value]
    assert len(found) == 1, f"{css}: {len(found)} panels"
    return found[0]


def shown_text(fragment: str) -> str:
    """The text a reader sees in a panel (cut text, shown struck through, left out)."""
    fragment = re.sub(r"<del\b[^>]*>.*?</del>", "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def unescaped(markdown: str) -> str:
    """A message as shown: the app backslash-escapes Markdown in file names and messages."""
    return re.sub(r"\\(.)", r"\1", markdown)


def keys(config: Config, text: str = DRAFT) -> dict[str, str]:
    """Finding key by observed word."""
    return {text[f.start : f.end]: finding_key(f) for f in analyze(text, config).findings if f.fix}


def test_opens_on_the_seed_draft(house: Config) -> None:
    at = start()
    seed = (ROOT / "seeds" / "000_2848cd7d85c6065c.txt").read_text(encoding="utf-8")
    assert at.text_area(key="draft").value == seed
    assert at.selectbox(key="sample").value == "000_2848cd7d85c6065c.txt"
    assert shown_text(html_of(at, "rw-original")) == seed
    assert [m.label for m in at.metric][:2] == ["Grade (Flesch-Kincaid)", "Reading ease"]


def test_paste_shows_findings_and_the_safe_rewrite(house: Config) -> None:
    at = paste(start(), DRAFT)
    k = keys(house)
    boxes = {c.key: c.value for c in at.checkbox}
    assert boxes == {f"accept_{k['harbinger']}": False, f"accept_{k['in order to']}": True,
                     f"accept_{k['zorblax']}": True}
    original = html_of(at, "rw-original")
    assert 'class="rw-m rw-f-TST"' in original and "Suggestion (unsafe): &#x27;harbinger&#x27; → &#x27;sign" in original
    assert shown_text(original) == DRAFT
    assert shown_text(html_of(at, "rw-rewrite")) == (
        "The harbinger of spring came to stay.\n\nOfficials said the plain plan was final.")
    chips = [h.value for h in at.get("html") if "rw-legend" in h.value]
    assert chips and "<b>3</b>" in chips[0]


def test_checking_and_unchecking_changes_the_rewrite(house: Config) -> None:
    at = paste(start(), DRAFT)
    k = keys(house)
    at.checkbox(key=f"accept_{k['harbinger']}").check().run()
    assert "The sign of spring came to stay." in shown_text(html_of(at, "rw-rewrite"))
    assert "<ins class=\"rw-ins\" title=\"was: &#x27;harbinger&#x27;\">sign</ins>" in html_of(at, "rw-rewrite")
    at.checkbox(key=f"accept_{k['in order to']}").uncheck().run()
    assert "The sign of spring came in order to stay." in shown_text(html_of(at, "rw-rewrite"))
    # a different replacement ticks its box too
    at.checkbox(key=f"accept_{k['harbinger']}").uncheck().run()
    at.selectbox(key=f"choice_{k['harbinger']}").select("forerunner").run()
    assert at.checkbox(key=f"accept_{k['harbinger']}").value is True
    assert shown_text(html_of(at, "rw-rewrite")).startswith("The forerunner of spring came in order to stay.")


def test_accept_all_safe_all_and_none(house: Config) -> None:
    at = paste(start(), DRAFT)
    k = keys(house)
    at.button(key="accept_all").click().run()
    assert all(c.value for c in at.checkbox)
    assert shown_text(html_of(at, "rw-rewrite")).startswith("The sign of spring came to stay.")
    at.button(key="accept_all_safe").click().run()
    assert {c.key: c.value for c in at.checkbox}[f"accept_{k['harbinger']}"] is False
    assert sum(c.value for c in at.checkbox) == 2
    at.button(key="reject_all").click().run()
    assert not any(c.value for c in at.checkbox)
    assert shown_text(html_of(at, "rw-rewrite")) == DRAFT


def test_downloads_equal_the_rewrite_and_the_findings(house: Config, downloads: dict[str, bytes]) -> None:
    import json

    at = paste(start(), DRAFT)
    k = keys(house)
    at.checkbox(key=f"accept_{k['harbinger']}").check().run()
    expected = rewrite(DRAFT, config=house, accept=set(k.values()))
    name = "000_2848cd7d85c6065c.rewritten.txt"
    assert downloads[name].decode("utf-8") == expected.text == shown_text(html_of(at, "rw-rewrite"))
    payload = json.loads(downloads["000_2848cd7d85c6065c.findings.json"])
    assert payload["version"] == 1
    assert {f["text"] for f in payload["files"][0]["findings"] if f["code"] == "TST001"} == set(k)
    # as Markdown
    at.selectbox(key="download_format").select("md").run()
    assert downloads["000_2848cd7d85c6065c.rewritten.md"].decode("utf-8") == expected.text


def test_hostile_markup_is_shown_as_text(house: Config) -> None:
    at = paste(start(), HOSTILE)
    panels = [h.value for h in at.get("html")]
    for body in panels:
        assert "<script" not in body and "<img" not in body and "<b>bold" not in body
    original = html_of(at, "rw-original")
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in original or \
        "&lt;script&gt;alert(\"pwned\")&lt;/script&gt;" in original
    assert shown_text(original) == HOSTILE
    assert "&lt;img src=x onerror=" in html_of(at, "rw-rewrite")
    labels = " ".join(c.label for c in at.checkbox) + " ".join(m.value for m in at.markdown)
    assert "<script" not in labels


def test_docx_upload_round_trip(house: Config, downloads: dict[str, bytes]) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("A harbinger of spring", style="Title")
    p = document.add_paragraph("The council met ")
    p.add_run("in order to").bold = True
    p.add_run(" vote on the zorblax plan.")
    buf = io.BytesIO()
    document.save(buf)
    at = start()
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    at.file_uploader(key="upload").set_value(("story.docx", buf.getvalue(), mime)).run()
    assert not at.exception, at.exception
    text = "A harbinger of spring\n\nThe council met in order to vote on the zorblax plan."
    assert at.text_area(key="draft").value == text
    assert at.selectbox(key="download_format").value == "docx"
    back = docx.Document(io.BytesIO(downloads["story.rewritten.docx"]))
    assert [p.style.name for p in back.paragraphs] == ["Title", "Normal"]
    assert [p.text for p in back.paragraphs] == ["A harbinger of spring", "The council met to vote on the plain plan."]
    assert [r.text for r in back.paragraphs[1].runs if r.bold] == ["to"]


def test_upload_too_large_or_unreadable_says_why(house: Config) -> None:
    at = start()
    at.file_uploader(key="upload").set_value(("huge.txt", b"word " * 500_000, "text/plain")).run()
    assert not at.exception
    assert any("the limit is 2 MB" in unescaped(e.value) for e in at.error)
    seed = (ROOT / "seeds" / "000_2848cd7d85c6065c.txt").read_text(encoding="utf-8")
    assert at.text_area(key="draft").value == seed  # the draft is kept
    at.file_uploader(key="upload").set_value(("old.txt", "caf\xe9".encode("latin-1"), "text/plain")).run()
    assert any("not valid UTF-8" in unescaped(e.value) for e in at.error)


def test_sidebar_settings_change_the_check(house: Config) -> None:
    at = paste(start(), DRAFT)
    assert at.multiselect(key="families").value == ["RD", "TST"]
    at.toggle(key="propose_unsafe").set_value(False).run()
    assert len(at.checkbox) == 2
    at.multiselect(key="families").set_value(["RD"]).run()
    assert len(at.checkbox) == 0
    assert "rw-f-TST" not in html_of(at, "rw-original")
    at.multiselect(key="families").set_value([]).run()
    assert any("at least one rule family" in i.value for i in at.info)


def test_path_from_rewriter_ui(house: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "story.md"
    draft.write_bytes(DRAFT.replace("\n", "\r\n").encode("utf-8"))
    monkeypatch.setenv("REWRITER_UI_PATH", str(draft))
    at = start()
    assert at.text_area(key="draft").value == DRAFT
    assert at.selectbox(key="download_format").value == "md"


def test_rewriter_ui_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess

    from rewriter.cli import main
    from rewriter.ui import APP_PATH

    monkeypatch.delenv("REWRITER_UI_PATH", raising=False)
    assert main(["ui", str(tmp_path / "missing.md")]) == 2
    assert "no such file" in capsys.readouterr().err
    calls: list[tuple[list[str], dict[str, str]]] = []

    def execve(path: str, cmd: list[str], env: dict[str, str]) -> None:
        assert path == cmd[0]
        calls.append((cmd, env))
        raise SystemExit(0)  # as exec would: nothing after it runs

    monkeypatch.setattr("os.execve", execve)
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: pytest.fail("rewriter ui must exec, not spawn"))
    draft = tmp_path / "story.md"
    draft.write_text(DRAFT, encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["ui", str(draft), "--port", "8599"])
    cmd, env = calls[0]
    assert cmd[1:5] == ["-m", "streamlit", "run", str(APP_PATH)] and APP_PATH.is_file()
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1" and cmd[cmd.index("--server.port") + 1] == "8599"
    assert cmd[cmd.index("--browser.gatherUsageStats") + 1] == "false"
    assert env["REWRITER_UI_PATH"] == str(draft.resolve())
    assert "http://127.0.0.1:8599" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["ui"])  # no path: the seed draft, on a free port
    assert "REWRITER_UI_PATH" not in calls[1][1]
    assert "the seed draft" in capsys.readouterr().out


SERVE = """
import signal, socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen()
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
print("serving", flush=True)
while True:
    time.sleep(0.1)
"""


def test_forwarding_sigterm_leaves_nothing_listening(tmp_path: Path) -> None:
    """Where exec is not used, ``run_forwarding`` passes SIGTERM on and waits: the child is gone."""
    import os
    import signal
    import socket
    import subprocess
    import sys

    from rewriter.ui.launch import free_port

    port = free_port()
    server = tmp_path / "serve.py"
    server.write_text(SERVE, encoding="utf-8")
    parent = subprocess.Popen(
        [sys.executable, "-c", "import os, sys; from rewriter.ui.launch import run_forwarding; "
         "sys.exit(run_forwarding([sys.executable, sys.argv[1], sys.argv[2]], dict(os.environ)))",
         str(server), str(port)], stdout=subprocess.PIPE, start_new_session=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == b"serving"
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # the child listens
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=30) == 0
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
        with pytest.raises(ProcessLookupError):
            os.killpg(parent.pid, 0)  # no process left in its session
    finally:
        if parent.poll() is None:
            os.killpg(parent.pid, signal.SIGKILL)
            parent.wait()
