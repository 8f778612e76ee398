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

import pytest

from rewriter import Config, analyze
from rewriter.editor import suggestions
from rewriter.fix import rewrite

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("REWRITER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
DRAFT = ("The newly minted council met in order to vote on the budget.\n\n"
         "The mayor left early due to the fact that the meeting ran late.")
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


def start_ui(tmp_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`rewriter ui` on a free port in its own session, from a folder with no configuration (the
    defaults apply); returns once the server answers its health check."""
    from rewriter.ui.launch import free_port

    if not importlib_has("streamlit"):
        pytest.skip("Streamlit (the ui extra) is not installed")
    port = free_port()
    log = (tmp_path / "streamlit.log").open("wb")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REWRITER_UI_")}
    proc = subprocess.Popen([sys.executable, "-m", "rewriter", "ui", "--port", str(port)], cwd=tmp_path, env=env,
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


def test_type_a_draft_accept_a_change_and_see_it(server: str, tmp_path: Path) -> None:
    sync_playwright = _playwright()
    report = analyze(DRAFT, Config())
    items = suggestions(report)
    safe = {s.key for s in items if s.safe}
    target = next((s for s in items if not s.safe), None)
    assert safe and target is not None, "the shipped lexicons no longer flag this draft; pick another"
    only_safe = rewrite(DRAFT, config=Config(), accept=safe, report=report).text
    expected = rewrite(DRAFT, config=Config(), accept=safe | {target.key}, report=report).text
    assert only_safe != expected

    with sync_playwright() as p:  # type: ignore[operator]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1400})
        try:
            page.goto(server, wait_until="domcontentloaded")
            page.wait_for_selector(".rw-rewrite", timeout=180_000)  # the seed draft, checked
            box = page.locator("textarea").first
            box.fill(DRAFT)
            box.press("Control+Enter")
            page.wait_for_function(f"() => ({SHOWN})('.rw-rewrite') === {only_safe!r}", timeout=120_000)
            assert page.evaluate(SHOWN, ".rw-original") == DRAFT

            # Streamlit gives each widget's container the class st-key-<key> (other characters as "-")
            css_key = re.sub(r"[^a-zA-Z0-9_-]", "-", f"accept_{target.key}")
            checkbox = page.locator(f".st-key-{css_key} label")
            checkbox.click()
            page.wait_for_function(f"() => ({SHOWN})('.rw-rewrite') === {expected!r}", timeout=120_000)
            inserted = page.locator(".rw-rewrite ins").all_inner_texts()
            assert target.replacement in inserted
            assert target.observed not in page.evaluate(SHOWN, ".rw-rewrite")
            title = page.locator(".rw-rewrite ins", has_text=target.replacement).first.get_attribute("title")
            assert title is not None and target.observed in title
            page.wait_for_timeout(800)  # let the chart and metrics settle for the picture
            shot = tmp_path / "editor.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("REWRITER_UI_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)
