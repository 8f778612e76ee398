"""The web editor through Streamlit's AppTest, driven by widget keys (no browser).

The app runs in this process, so the spaCy pipeline that ``warm`` loads is the one it uses; the
draft and the configuration come in through the same environment variables ``rewriter ui`` sets.
A house lexicon (tests/conftest.py) keeps the findings fixed whatever the shipped word lists say.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("streamlit", reason="the ui extra is not installed")
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from rewriter import Config, analyze
from rewriter.editor import suggestions
from rewriter.fix import rewrite

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
    deferred = MediaFileManager.add_deferred

    def add_deferred(self: MediaFileManager, fn: Callable[[], bytes], mimetype: str | None, coordinates: str,
                     file_name: str | None = None, **kw: object) -> str:
        if file_name:  # made on a click in the browser; here, at once
            served[file_name] = fn()
        return deferred(self, fn, mimetype, coordinates, file_name=file_name, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return served


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def type_in(at: AppTest, text: str) -> AppTest:
    """Text typed into the box (it reaches the server, as on leaving the box), not checked."""
    at.text_area(key="draft").input(text).run()
    assert not at.exception, at.exception
    return at


def paste(at: AppTest, text: str) -> AppTest:
    """Text put in the box and checked (the Check button)."""
    type_in(at, text)
    at.button(key="check").click().run()
    assert not at.exception, at.exception
    return at


def card_args(at: AppTest) -> dict[str, Any]:
    """What the app sent the Original pane's component (its HTML and each highlight's card)."""
    found = [json.loads(c.proto.json_args) for c in at.get("component_instance")]
    assert len(found) == 1
    return found[0]  # type: ignore[no-any-return]


def html_of(at: AppTest, css: str) -> str:
    bodies = [h.value for h in at.get("html")] + [json.loads(c.proto.json_args).get("html", "")
                                                  for c in at.get("component_instance")]
    found = [b for b in bodies if f'class="rw-text rw-box {css}"' in b]
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
    """Suggestion id (the accept box is ``accept_<id>``) by observed word."""
    return {s.observed: s.id for s in suggestions(analyze(text, config))}


def boxes(at: AppTest) -> dict[str, bool]:
    return {c.key: c.value for c in at.checkbox}


def ticked_words(at: AppTest, config: Config, text: str) -> set[str]:
    by_id = {f"accept_{v}": k for k, v in keys(config, text).items()}
    return {by_id[k] for k, v in boxes(at).items() if v}


def stale(at: AppTest) -> bool:
    return any("Out of date" in m.value for m in at.markdown)


def test_opens_on_the_seed_draft_with_a_useful_rewrite(house: Config) -> None:
    at = start()
    seed = (ROOT / "seeds" / "000_2848cd7d85c6065c.txt").read_text(encoding="utf-8")
    assert at.text_area(key="draft").value == seed
    assert at.selectbox(key="sample").value == "000_2848cd7d85c6065c.txt"
    assert shown_text(html_of(at, "rw-original")) == seed
    assert [m.label for m in at.metric][:2] == ["Grade (Flesch-Kincaid)", "Reading ease"]
    # every suggestion starts ticked on a draft that opens: the rewrite shows what the tool does
    assert boxes(at) and all(boxes(at).values())
    assert shown_text(html_of(at, "rw-rewrite")) != seed
    assert not stale(at)


def test_metrics_show_before_and_after(house: Config) -> None:
    at = paste(start(), DRAFT)
    grade = next(m for m in at.metric if m.label == "Grade (Flesch-Kincaid)")
    before = analyze(DRAFT, house).metrics["flesch_kincaid_grade"]
    after = rewrite(DRAFT, config=house, accept={s.key for s in suggestions(analyze(DRAFT, house))}).after
    assert grade.value == f"{before:.1f} → {after['flesch_kincaid_grade']:.1f}"
    at.button(key="reject_all").click().run()
    grade = next(m for m in at.metric if m.label == "Grade (Flesch-Kincaid)")
    assert grade.value == f"{before:.1f}" and not grade.delta  # no change: one value, no "-0"


def test_paste_shows_findings_and_the_rewrite(house: Config) -> None:
    at = paste(start(), DRAFT)
    k = keys(house)
    assert boxes(at) == {f"accept_{k['harbinger']}": True, f"accept_{k['in order to']}": True,
                         f"accept_{k['zorblax']}": True}
    original = html_of(at, "rw-original")
    assert 'class="rw-m rw-f-TST"' in original and "Suggestion (unsafe): &#x27;harbinger&#x27; → &#x27;sign" in original
    assert shown_text(original) == DRAFT
    assert shown_text(html_of(at, "rw-rewrite")) == (
        "The sign of spring came to stay.\n\nOfficials said the plain plan was final.")
    chips = [h.value for h in at.get("html") if "rw-legend" in h.value]
    assert chips and "<b>3</b>" in chips[0]


def test_checking_and_unchecking_changes_the_rewrite(house: Config) -> None:
    at = paste(start(), DRAFT)
    k = keys(house)
    at.button(key="accept_all_safe").click().run()
    assert "The harbinger of spring came to stay." in shown_text(html_of(at, "rw-rewrite"))
    at.checkbox(key=f"accept_{k['harbinger']}").check().run()
    assert "The sign of spring came to stay." in shown_text(html_of(at, "rw-rewrite"))
    assert "<ins class=\"rw-ins\" title=\"was: &#x27;harbinger&#x27;\">sign</ins>" in html_of(at, "rw-rewrite")
    at.checkbox(key=f"accept_{k['in order to']}").uncheck().run()
    assert "The sign of spring came in order to stay." in shown_text(html_of(at, "rw-rewrite"))
    # a different replacement ticks its box too, and the label follows it
    at.checkbox(key=f"accept_{k['harbinger']}").uncheck().run()
    at.selectbox(key=f"choice_{k['harbinger']}").select("forerunner").run()
    box = at.checkbox(key=f"accept_{k['harbinger']}")
    assert box.value is True
    assert "'forerunner'" in unescaped(box.label) and "'sign'" not in unescaped(box.label)
    assert shown_text(html_of(at, "rw-rewrite")).startswith("The forerunner of spring came in order to stay.")


def test_a_tick_stays_after_an_edit_elsewhere(house: Config) -> None:
    at = paste(start(), DRAFT)
    at.button(key="accept_all_safe").click().run()
    k = keys(house)
    at.checkbox(key=f"accept_{k['harbinger']}").check().run()
    at.checkbox(key=f"accept_{k['zorblax']}").uncheck().run()
    edited = "Today, t" + DRAFT[1:]
    paste(at, edited)
    assert ticked_words(at, house, edited) == {"harbinger", "in order to"}
    assert shown_text(html_of(at, "rw-rewrite")) == (
        "Today, the sign of spring came to stay.\n\nOfficials said the zorblax plan was final.")


def test_changing_the_ticked_word_moves_no_tick(house: Config) -> None:
    at = paste(start(), DRAFT)
    at.button(key="reject_all").click().run()
    k = keys(house)
    at.checkbox(key=f"accept_{k['zorblax']}").check().run()
    edited = DRAFT.replace("zorblax", "harbinger")
    paste(at, edited)
    assert ticked_words(at, house, edited) == set()
    assert "Officials said the harbinger plan was final." in shown_text(html_of(at, "rw-rewrite"))


def test_toggling_unsafe_edits_keeps_ticks(house: Config) -> None:
    at = paste(start(), DRAFT)
    k = keys(house)
    at.checkbox(key=f"accept_{k['zorblax']}").uncheck().run()
    at.toggle(key="propose_unsafe").set_value(False).run()
    assert boxes(at) == {f"accept_{k['in order to']}": True, f"accept_{k['zorblax']}": False}
    at.toggle(key="propose_unsafe").set_value(True).run()
    assert boxes(at) == {f"accept_{k['harbinger']}": True, f"accept_{k['in order to']}": True,
                         f"accept_{k['zorblax']}": False}


def test_accept_all_safe_all_and_none(house: Config) -> None:
    at = paste(start(), DRAFT)
    k = keys(house)
    at.button(key="reject_all").click().run()
    assert not any(boxes(at).values())
    assert shown_text(html_of(at, "rw-rewrite")) == DRAFT
    at.button(key="accept_all").click().run()
    assert all(boxes(at).values())
    assert shown_text(html_of(at, "rw-rewrite")).startswith("The sign of spring came to stay.")
    at.button(key="accept_all_safe").click().run()
    assert boxes(at)[f"accept_{k['harbinger']}"] is False
    assert sum(boxes(at).values()) == 2


def test_out_of_date_until_checked(house: Config) -> None:
    at = paste(start(), DRAFT)
    changed = DRAFT.replace("Officials said", "The zorblax officials said")
    type_in(at, changed)
    assert stale(at)
    assert shown_text(html_of(at, "rw-original")) == DRAFT  # still the draft that was checked
    at.button(key="check").click().run()
    assert not stale(at) and shown_text(html_of(at, "rw-original")) == changed


def test_downloads_record_the_decisions_and_a_pasted_draft_is_named_draft(
        house: Config, downloads: dict[str, bytes]) -> None:
    at = paste(start(), DRAFT)
    assert at.selectbox(key="sample").value == ""  # the picker no longer names the seed
    k = keys(house)
    at.button(key="accept_all_safe").click().run()
    at.selectbox(key=f"choice_{k['harbinger']}").select("forerunner").run()
    at.checkbox(key=f"accept_{k['zorblax']}").uncheck().run()
    report = analyze(DRAFT, house)
    by_word = {s.observed: s for s in suggestions(report)}
    expected = rewrite(DRAFT, config=house, accept={by_word["harbinger"].key, by_word["in order to"].key},
                       choices={by_word["harbinger"].key: "forerunner"}, report=report)
    assert downloads["draft.rewritten.txt"].decode("utf-8") == expected.text == shown_text(html_of(at, "rw-rewrite"))
    payload = json.loads(downloads["draft.findings.json"])
    assert payload["version"] == 1 and payload["files"][0]["path"] == "draft.txt"
    decisions = {f["text"]: f["decision"] for f in payload["files"][0]["findings"] if f["code"] == "TST001"}
    assert decisions == {
        "harbinger": {"accepted": True, "replacement": "forerunner", "decided_by": "editor"},
        "in order to": {"accepted": True, "replacement": "to", "decided_by": "editor"},
        "zorblax": {"accepted": False, "replacement": None, "decided_by": "editor"},
    }
    editor = payload["files"][0]["editor"]
    assert (editor["accepted"], editor["rejected"], editor["rewrite"]) == (2, 1, expected.text)
    at.selectbox(key="download_format").select("md").run()
    assert downloads["draft.rewritten.md"].decode("utf-8") == expected.text


def test_a_highlight_card_accepts_rejects_and_ignores(house: Config) -> None:
    at = paste(start(), DRAFT)
    at.button(key="reject_all").click().run()
    k = keys(house)
    args = card_args(at)
    assert f'data-sid="{k["harbinger"]}"' in args["html"]
    card = args["items"][k["harbinger"]]
    assert (card["observed"], card["options"], card["accepted"], card["safe"]) == (
        "harbinger", ["sign", "forerunner"], False, False)
    assert card["why"] == "literary word" and card["family"] == "house"
    # what the card sends on "forerunner", then on Accept of another word, then Ignore
    at.session_state["original_card"] = {"action": "pick", "id": k["harbinger"], "choice": "forerunner", "n": 1}
    at.run()
    assert boxes(at)[f"accept_{k['harbinger']}"] is True
    assert shown_text(html_of(at, "rw-rewrite")).startswith("The forerunner of spring came in order to stay.")
    at.session_state["original_card"] = {"action": "accept", "id": k["in order to"], "choice": "", "n": 2}
    at.run()
    assert shown_text(html_of(at, "rw-rewrite")).startswith("The forerunner of spring came to stay.")
    at.session_state["original_card"] = {"action": "ignore", "id": k["zorblax"], "n": 3}
    at.run()
    assert f"accept_{k['zorblax']}" not in boxes(at)
    assert k["zorblax"] not in card_args(at)["items"]
    assert "zorblax" in shown_text(html_of(at, "rw-original"))  # the text stays; its highlight goes
    assert html_of(at, "rw-original").count('class="rw-m rw-f-TST"') == 2
    at.run()  # the same action is not applied twice
    assert boxes(at)[f"accept_{k['harbinger']}"] is True


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


def upload(at: AppTest, name: str, data: bytes, mime: str = "text/plain") -> AppTest:
    at.file_uploader[0].set_value((name, data, mime)).run()
    assert not at.exception, at.exception
    return at


def test_docx_upload_round_trip(house: Config, downloads: dict[str, bytes]) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("A harbinger of spring", style="Title")
    p = document.add_paragraph("The council met ")
    p.add_run("in order to").bold = True
    p.add_run(" vote on the zorblax plan.")
    buf = io.BytesIO()
    document.save(buf)
    at = upload(start(), "story.docx", buf.getvalue(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    text = "A harbinger of spring\n\nThe council met in order to vote on the zorblax plan."
    assert at.text_area(key="draft").value == text
    assert at.selectbox(key="download_format").value == "docx"
    assert at.selectbox(key="sample").value == ""  # the picker no longer names the seed
    at.button(key="accept_all_safe").click().run()
    back = docx.Document(io.BytesIO(downloads["story.rewritten.docx"]))
    assert [p.style.name for p in back.paragraphs] == ["Title", "Normal"]
    assert [p.text for p in back.paragraphs] == ["A harbinger of spring", "The council met to vote on the plain plan."]
    assert [r.text for r in back.paragraphs[1].runs if r.bold] == ["to"]


def errors(at: AppTest) -> list[str]:
    return [unescaped(e.value) for e in at.error]


def test_upload_notices_replace_each_other_and_clear(house: Config) -> None:
    at = upload(start(), "empty.txt", b"  \n")
    assert errors(at) == ["empty.txt: the file is empty"]
    at = upload(at, "huge.txt", b"word " * 600_000)  # 3 MB: the editor's own error box says so
    assert len(errors(at)) == 1 and "huge.txt is 2.9 MB; the limit is 2 MB" in errors(at)[0]
    seed = (ROOT / "seeds" / "000_2848cd7d85c6065c.txt").read_text(encoding="utf-8")
    assert at.text_area(key="draft").value == seed  # the draft is kept
    assert len(at.file_uploader) == 1 and at.file_uploader[0].value is None  # no failed file chip stays
    at = upload(at, "old.txt", "caf\xe9".encode("latin-1"))
    assert len(errors(at)) == 1 and "not valid UTF-8" in errors(at)[0]
    paste(at, DRAFT)
    assert errors(at) == []  # a later good draft clears it


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


def test_a_tick_reuses_the_check(house: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tick rewrites, and nothing else: the check, its suggestions and the highlighted original
    are kept in the session; ticking back shows a kept rewrite without rewriting again."""
    import rewriter.fix
    import rewriter.htmlview
    import rewriter.ui.app as app

    at = paste(start(), DRAFT)
    calls: dict[str, int] = {"suggestions": 0, "original_html": 0, "rewrite": 0}

    def counted(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kw: Any) -> Any:
            calls[name] += 1
            return fn(*args, **kw)
        return wrapper

    monkeypatch.setattr(app, "suggestions", counted("suggestions", app.suggestions))
    monkeypatch.setattr(rewriter.htmlview, "original_html", counted("original_html", rewriter.htmlview.original_html))
    monkeypatch.setattr(rewriter.fix, "rewrite", counted("rewrite", rewriter.fix.rewrite))
    box = f"accept_{keys(house)['harbinger']}"
    at.checkbox(key=box).uncheck().run()
    assert calls == {"suggestions": 0, "original_html": 0, "rewrite": 1}
    assert shown_text(html_of(at, "rw-rewrite")).startswith("The harbinger of spring came to stay.")
    at.checkbox(key=box).check().run()
    assert calls == {"suggestions": 0, "original_html": 0, "rewrite": 1}
    assert shown_text(html_of(at, "rw-rewrite")).startswith("The sign of spring came to stay.")
    at.text_area(key="draft").input(DRAFT + " More.").run()
    at.button(key="check").click().run()  # a new check: all of it again
    assert calls["suggestions"] == 1 and calls["original_html"] == 1 and calls["rewrite"] == 2
