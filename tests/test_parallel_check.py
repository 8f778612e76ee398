"""``check`` with worker processes gives the serial run's output, in input order; workers start
only when there is enough text to repay their model load."""

from __future__ import annotations

from pathlib import Path

import pytest
from _probe import run_probe

from rewriter import Config
from rewriter.cache import Caches
from rewriter.cli import main
from rewriter.parallel import PARALLEL_MIN_CHARS, analyze_all, auto_jobs

STORIES = {
    "a.md": "The council serves as a testament to change. In order to begin, the bill was passed.\n",
    "b.txt": "It is worth noting that the mayor stated the plan was a game-changer.\n\nShe left.\n",
    "c.md": "# Storm\n\nHeavy rain closed the road. The storm was a harbinger of a wet week.\n",
}


def test_auto_jobs_waits_for_enough_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import rewriter.batch

    monkeypatch.setattr(rewriter.batch, "default_jobs", lambda: 2)
    assert auto_jobs(["x" * 10] * 5, None) == 1  # the pre-commit hook's few small drafts: no workers
    assert auto_jobs(["x" * PARALLEL_MIN_CHARS], None) == 1  # one file: nothing to share
    assert auto_jobs(["x" * (PARALLEL_MIN_CHARS // 2 + 1)] * 2, None) == 2
    assert auto_jobs(["x"] * 3, 8) == 2  # capped at the cores
    assert auto_jobs(["x"], 2) == 1  # and at the files


def test_jobs_below_one_is_an_error(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (isolated_cwd / "a.md").write_text(STORIES["a.md"], encoding="utf-8")
    assert main(["check", "--jobs", "0", "a.md"]) == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err


@pytest.mark.slow
def test_workers_give_the_serial_output_in_order(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, text in STORIES.items():
        (isolated_cwd / name).write_text(text, encoding="utf-8")
    names = ["c.md", "a.md", "b.txt"]
    assert main(["check", "--format", "json", "--jobs", "1", *names]) == 1
    serial = capsys.readouterr().out
    assert main(["check", "--format", "json", "--jobs", "2", *names]) == 1
    parallel = capsys.readouterr().out
    assert parallel == serial
    assert serial.index('"c.md"') < serial.index('"a.md"') < serial.index('"b.txt"')


@pytest.mark.slow
def test_workers_fill_the_cache_like_a_serial_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REWRITER_NO_CACHE", raising=False)
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(tmp_path / "cache"))
    items = [(name, text, Config()) for name, text in STORIES.items()]
    first = analyze_all(items, Caches(), jobs=2)
    assert len(list((tmp_path / "cache").glob("v*/*/*.json"))) == 3

    import rewriter.engine

    def never(*args: object) -> None:
        raise AssertionError("a hit must not be analysed again")

    monkeypatch.setattr(rewriter.engine, "analyze", never)
    again = analyze_all(items, Caches(), jobs=2)
    assert [r.findings for r in again] == [r.findings for r in first]  # type: ignore[union-attr]


def test_a_check_of_one_draft_imports_no_worker_machinery(tmp_path: Path) -> None:
    """Cold start: one small draft is checked in this process, without importing rewriter.batch
    (the process pool) or spaCy's command-line package (weasel, httpx), also when the phrase
    tables are made afresh (REWRITER_NO_CACHE, as in the tests)."""
    draft = tmp_path / "draft.txt"
    draft.write_text("The council will utilize the hall. It met on Tuesday.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from rewriter.cli import main\n"
        f"rc = main(['check', '--no-cache', '--exit-zero', {str(draft)!r}])\n"
        "heavy = sorted(m for m in ('rewriter.batch', 'concurrent.futures.process', 'spacy.cli', 'weasel')"
        " if m in sys.modules)\n"
        "print(rc, heavy, 'spacy' in sys.modules)\n"
    )
    assert run_probe(probe, cwd=tmp_path).split("\n")[-2] == "0 [] True"
