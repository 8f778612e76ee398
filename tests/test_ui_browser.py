"""End to end in a real browser: `rewriter ui` on 127.0.0.1, driven by headless Chromium.

Uses Debian's ``chromium`` (/usr/bin/chromium; .ci/run installs it) through Python Playwright with
``executable_path`` (Playwright's own browser download is never used) and the shipped lexicons.
Set REWRITER_UI_SCREENSHOT=/some/file.png to keep a copy of the screenshot.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rewriter import Config, analyze
from rewriter.editor import suggestions
from rewriter.fix import rewrite

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("REWRITER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
DRAFT = ("The mayor said the pivotal plan would pass in May.\n\n"
         "The council met in order to vote on the budget.")
EDITED = "Today, t" + DRAFT[1:]  # an edit elsewhere: the flagged word and its neighbours are unchanged
CHANGED = EDITED.replace("the pivotal plan", "the myriad plans")  # the ticked word itself changed
# the text a reader sees in a panel: cut text (struck through) left out
SHOWN = """sel => { const el = document.querySelector(sel); if (!el) return null;
  const c = el.cloneNode(true); c.querySelectorAll('del').forEach(d => d.remove()); return c.textContent; }"""


def _playwright() -> object:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Python Playwright is not installed (pip install -e '.[dev]')")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    return sync_playwright


def start_ui(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], str]:
    """`rewriter ui [ARGS]` on a free port in its own session, from a folder with no configuration
    (the defaults apply), running this tree's package; returns once the server answers its health
    check."""
    from rewriter.ui.launch import free_port

    if not importlib_has("streamlit"):
        pytest.skip("Streamlit (the ui extra) is not installed")
    port = free_port()
    log = (tmp_path / "streamlit.log").open("wb")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REWRITER_UI_")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    proc = subprocess.Popen([sys.executable, "-m", "rewriter", "ui", "--port", str(port), *args], cwd=tmp_path, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            kill_session(proc)
            pytest.fail("rewriter ui did not start:\n" + (tmp_path / "streamlit.log").read_text(errors="replace"))
        time.sleep(0.3)


def session_alive(proc: subprocess.Popen[bytes]) -> bool:
    """Whether any process is left in the session `rewriter ui` was started in."""
    try:
        os.killpg(proc.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def kill_session(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    if session_alive(proc):
        os.killpg(proc.pid, signal.SIGKILL)


def listening(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    try:
        with socket.create_connection((host, int(port)), timeout=2):
            return True
    except OSError:
        return False


def stop_ui(proc: subprocess.Popen[bytes], url: str) -> None:
    """SIGTERM to `rewriter ui` (as a process manager sends it): it ends, nothing is left serving and
    no process is left in its session."""
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        kill_session(proc)
        pytest.fail("rewriter ui did not stop on SIGTERM")
    deadline = time.monotonic() + 10
    while (session_alive(proc) or listening(url)) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = session_alive(proc)
    serving = listening(url)
    kill_session(proc)
    assert not left, "a process of rewriter ui outlived it"
    assert not serving, f"{url} still answers after SIGTERM"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    _playwright()  # skips without a browser
    proc, url = start_ui(tmp_path)
    try:
        yield url
    finally:
        if proc.poll() is None:
            stop_ui(proc, url)
        kill_session(proc)


def test_sigterm_to_rewriter_ui_leaves_nothing_listening(tmp_path: Path) -> None:
    proc, url = start_ui(tmp_path)
    try:
        assert listening(url)
        stop_ui(proc, url)
        assert proc.returncode is not None
    finally:
        kill_session(proc)


def importlib_has(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def css_key(key: str) -> str:
    """Streamlit gives each widget's container the class st-key-<key> (other characters as "-")."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key)


def test_decisions_follow_the_words_through_edits(server: str, tmp_path: Path) -> None:
    import json

    sync_playwright = _playwright()
    config = Config()
    by_word = {s.observed: s for s in suggestions(analyze(DRAFT, config))}
    assert set(by_word) == {"pivotal", "in order to"}, "the shipped lexicons changed; pick other words"
    pivotal = by_word["pivotal"]
    assert not pivotal.safe
    later = {s.observed: s for s in suggestions(analyze(EDITED, config))}
    changed = {s.observed: s for s in suggestions(analyze(CHANGED, config))}
    assert "myriad" in changed and not changed["myriad"].safe
    expected = rewrite(DRAFT, config=config, accept={pivotal.key}).text
    expected_later = rewrite(EDITED, config=config, accept={later["pivotal"].key}).text
    assert "the key plan" in expected and expected_later.startswith("Today, the mayor said the key plan")

    def where(sel: str) -> Any:
        """The Original pane lives in the card component's frame; the rest in the page."""
        if sel != ".rw-original":
            return page
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            found = [f for f in page.frames if "rewriter_original" in f.url]
            if found:
                return found[0]
            page.wait_for_timeout(200)
        raise AssertionError("no Original pane component")

    def shown(sel: str) -> str:
        return str(where(sel).evaluate(SHOWN, sel))

    def wait_shown(sel: str, text: str) -> None:
        if sel != ".rw-original":
            page.wait_for_function(f"() => ({SHOWN})({sel!r}) === {text!r}", timeout=120_000)
            return
        deadline = time.monotonic() + 120
        seen = None
        while time.monotonic() < deadline:  # the component's frame may be replaced on a rerun
            try:
                seen = shown(sel)
            except Exception:
                seen = None
            if seen == text:
                return
            page.wait_for_timeout(250)
        raise AssertionError(f"the Original pane shows {seen!r}, not {text!r}")

    def check(text: str) -> None:
        page.locator("textarea").first.fill(text)
        page.get_by_role("button", name="Check", exact=True).click()
        wait_shown(".rw-original", text)

    def ticked(s: object) -> bool:
        return page.locator(f".{css_key('accept_' + s.id)} input[type=checkbox]").is_checked()  # type: ignore[attr-defined]

    with sync_playwright() as p:  # type: ignore[operator]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1400}, accept_downloads=True)
        try:
            page.goto(server, wait_until="domcontentloaded")
            page.wait_for_selector(".rw-rewrite", timeout=180_000)  # the seed draft, checked
            check(DRAFT)
            page.get_by_role("button", name="Reject all").click()
            wait_shown(".rw-rewrite", DRAFT)
            # tick one suggestion: the rewrite takes it
            page.locator(f".{css_key('accept_' + pivotal.id)} label").click()
            wait_shown(".rw-rewrite", expected)
            assert "key" in page.locator(".rw-rewrite ins").all_inner_texts()
            # an edit elsewhere in the draft: the tick stays on its word
            check(EDITED)
            wait_shown(".rw-rewrite", expected_later)
            assert ticked(later["pivotal"]) and not ticked(later["in order to"])
            # the ticked word itself changed: no tick moves to the new word
            check(CHANGED)
            wait_shown(".rw-rewrite", CHANGED)
            assert not ticked(changed["myriad"]) and not ticked(changed["in order to"])
            # click the highlight of the new word: its card opens; accept its second alternative there
            myriad = changed["myriad"]
            assert len(myriad.options) > 1
            frame = page.frame_locator('iframe[title*="rewriter_original"]')
            frame.locator(f'mark[data-sid="{myriad.id}"]').click()
            card = frame.locator(f'.rw-card[data-sid="{myriad.id}"]')
            card.wait_for(timeout=30_000)
            assert "myriad" in card.inner_text()
            card.get_by_role("button", name=myriad.options[1], exact=True).click()
            with_card = rewrite(CHANGED, config=config, accept={myriad.key},
                                choices={myriad.key: myriad.options[1]}).text
            assert with_card != CHANGED
            wait_shown(".rw-rewrite", with_card)
            assert ticked(myriad)
            # Accept on the card of another highlight ("in order to", unticked by Reject all)
            wordy = changed["in order to"]
            frame.locator(f'mark[data-sid="{wordy.id}"]').click()
            card = frame.locator(f'.rw-card[data-sid="{wordy.id}"]')
            card.wait_for(timeout=30_000)
            assert "not accepted" in card.inner_text()
            card.get_by_role("button", name="Accept", exact=True).click()
            both = rewrite(CHANGED, config=config, accept={myriad.key, wordy.key},
                           choices={myriad.key: myriad.options[1]}).text
            assert both != with_card and "met to vote" in both
            wait_shown(".rw-rewrite", both)
            assert ticked(wordy) and ticked(myriad)
            # the findings JSON records each decision (the download button is drawn last: until the
            # rerun after the card's action has reached it, it may still serve the previous file)
            payload: Any = None
            for _ in range(10):
                page.wait_for_timeout(500)
                try:
                    with page.expect_download(timeout=30_000) as info:
                        page.get_by_role("button", name="Download the findings (JSON)").click()
                    got = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
                except Exception:  # a download cancelled by a rerun replacing the page's files
                    continue
                payload = got
                if all(any(f.get("text") == word and f.get("decision", {}).get("accepted")
                           for f in got["files"][0]["findings"]) for word in ("myriad", "in order to")):
                    break
            assert payload is not None, "the findings JSON did not download"
            assert payload["files"][0]["path"] == "draft.txt"
            decisions = {f["text"]: f["decision"] for f in payload["files"][0]["findings"] if "decision" in f}
            assert decisions["myriad"] == {"accepted": True, "replacement": myriad.options[1], "decided_by": "editor"}
            assert decisions["in order to"] == {"accepted": True, "replacement": "to", "decided_by": "editor"}
            # typing (not yet sent to the server) marks the checked draft out of date at once
            assert not where(".rw-original").locator("#stale.rw-on").count()
            page.locator("textarea").first.fill(CHANGED + " More.")
            where(".rw-original").locator("#stale.rw-on").wait_for(timeout=30_000)
            page.wait_for_timeout(800)  # let the chart and metrics settle for the picture
            # in a narrow window (a phone in split screen) the download label, which names the file,
            # wraps: never cut with an ellipsis
            page.set_viewport_size({"width": 240, "height": 1400})
            button = page.get_by_role("button", name="Download the rewrite (draft.rewritten.txt)")
            button.wait_for(timeout=30_000)
            cut = button.evaluate("b => [b, ...b.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1)"
                                  ".map(e => e.tagName + ' ' + getComputedStyle(e).textOverflow)")
            assert cut == [], f"the download label is cut at phone width: {cut}"
            page.set_viewport_size({"width": 1600, "height": 1400})
            shot = tmp_path / "editor.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("REWRITER_UI_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)


# the paragraph ("Part N.") at the top of a pane: read from the text at its top-left corner, with cut
# text (struck through in the rewrite) left out
PART_AT_TOP = r"""el => { const doc = el.ownerDocument; const b = el.getBoundingClientRect();
  const pos = doc.caretRangeFromPoint(b.left + 24, b.top + 14); if (!pos) return null;
  const r = doc.createRange(); r.setStart(el, 0); r.setEnd(pos.startContainer, pos.startOffset);
  const frag = r.cloneContents(); frag.querySelectorAll('del').forEach(d => d.remove());
  const m = [...frag.textContent.matchAll(/Part (\d+)\./g)]; return m.length ? Number(m[m.length - 1][1]) : 0; }"""


def long_draft() -> str:
    """Paragraphs that the rewrite shortens a lot (the first half) and not at all (the second): a
    pane scrolled by proportion would show other paragraphs than its neighbour."""
    wordy = ("It is worth noting that the committee will conduct an investigation into the matter in the event "
             "that funds run out. It is important to note that officials made a decision to commence the project "
             "at this point in time. ")  # less than half as long rewritten
    plain = "The mayor said the plan would pass in May. Residents asked about the bus routes and the park. "
    return "\n\n".join(f"Part {i}. " + (wordy * 3 if i <= 30 else plain * 3) for i in range(1, 61))


def test_long_draft_panes_scroll_together(tmp_path: Path) -> None:
    sync_playwright = _playwright()
    draft = tmp_path / "long.txt"
    draft.write_text(long_draft(), encoding="utf-8")
    proc, url = start_ui(tmp_path, str(draft))
    try:
        with sync_playwright() as p:  # type: ignore[operator]
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            try:
                page.goto(url, wait_until="domcontentloaded")
                page.wait_for_selector(".rw-rewrite ins", timeout=180_000)  # opened with every suggestion ticked
                frame_el = page.locator('iframe[title*="rewriter_original"]')
                frame_el.wait_for(timeout=60_000)
                frame = next(f for f in page.frames if "rewriter_original" in f.url)
                frame.wait_for_selector(".rw-box mark", timeout=60_000)
                own = frame.locator(".rw-box")
                rewrite_pane = page.locator(".rw-rewrite")
                rewrite_pane.scroll_into_view_if_needed()

                def tops() -> tuple[int, int]:
                    return int(own.evaluate(PART_AT_TOP)), int(rewrite_pane.evaluate(PART_AT_TOP))

                def settled(want: Any = None) -> tuple[int, int]:
                    seen = tops()
                    for _ in range(40):
                        page.wait_for_timeout(250)
                        now = tops()
                        if now == seen and now[0] == now[1] and (want is None or want(now)):
                            return now
                        seen = now
                    raise AssertionError(f"the panes do not show the same paragraph at the top: {seen}")

                assert tops() == (0, 0)
                # scroll the original with the mouse wheel: the rewrite shows the same paragraph at its top
                box = own.bounding_box()
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                for _ in range(6):
                    page.mouse.wheel(0, 500)
                    page.wait_for_timeout(150)
                first = settled(lambda t: t[0] >= 5)
                # scroll the rewrite: the original follows it
                box = rewrite_pane.bounding_box()
                assert box is not None
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                for _ in range(4):
                    page.mouse.wheel(0, 600)
                    page.wait_for_timeout(150)
                second = settled(lambda t: t[0] > first[0] + 3)
                # proportion would not do: the shortened paragraphs come first
                ratio = own.evaluate("el => el.scrollTop / (el.scrollHeight - el.clientHeight)")
                other = rewrite_pane.evaluate("el => el.scrollTop / (el.scrollHeight - el.clientHeight)")
                assert abs(ratio - other) > 0.05, (ratio, other)
                # a rerun draws a new rewrite (here: every edit rejected): it comes level with the original
                page.get_by_role("button", name="Reject all").click()
                page.wait_for_function("() => !document.querySelector('.rw-rewrite ins')", timeout=120_000)
                assert settled() == second
            finally:
                browser.close()
    finally:
        stop_ui(proc, url)
