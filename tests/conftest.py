"""Shared fixtures and helpers.

The trained spaCy pipeline is loaded once per process: ``rewriter.nlp`` caches it, so every
test that calls ``analyze`` after the first one reuses it (an implicit session fixture).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from rewriter import Config, analyze
from rewriter.model import Report

ROOT = Path(__file__).resolve().parent.parent

# The property tests explore freely everywhere, CI included: a failure Hypothesis finds is a bug
# to fix (the blob printed with it replays it). No deadline: a loaded 2-core machine makes the
# parse of one example slow now and then, which is not a failure.
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile("explore")

# A small house-style lexicon in the documented format, so that markup, offset and CLI tests
# do not depend on the exact contents of the built-in data files.
HOUSE_LEXICON = '''\
code = "TST001"
name = "test-house-word"
category = "house"
severity = "warning"
summary = "A house-style word for the test suite"
message = "'{observed}' is house-banned; try '{replacement}'"
what = "Flags the test suite's banned words."
why = "Tests need data they control."
example = "Given: 'a harbinger of spring'. Use instead: 'a sign of spring'."
fix_safety = "Unsafe."

[[entry]]
match = "harbinger"
replace = ["sign", "forerunner"]
reason = "literary word"
applicability = "unsafe"
source = "own"

[[entry]]
match = "in order to"
replace = ["to"]
reason = "wordy"
applicability = "safe"
source = "own"

[[entry]]
match = "zorblax"
replace = ["plain"]
reason = "made-up word no other lexicon has"
applicability = "safe"
source = "own"
'''


def write_house_lexicon(folder: Path, body: str = HOUSE_LEXICON, name: str = "house.toml") -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def codes(text: str, select: Iterable[str] | str | None = None, **config: object) -> list[str]:
    """The codes ``analyze`` reports for ``text`` (in order), with an optional selection."""
    if isinstance(select, str):
        select = (select,)
    cfg = Config(select=tuple(select) if select else (), **config)  # type: ignore[arg-type]
    return [f.code for f in analyze(text, cfg).findings]


def report(text: str, **config: object) -> Report:
    return analyze(text, Config(**config))  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _default_pipeline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test runs with the normal pipeline choice unless it sets REWRITER_PIPELINE itself."""
    monkeypatch.delenv("REWRITER_PIPELINE", raising=False)
    yield


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The result cache is off in tests (a stored result would hide what a test changes, and a run
    would write into the user's cache folder); tests/test_cache.py turns it on in a folder of its own."""
    monkeypatch.setenv("REWRITER_NO_CACHE", "1")
    monkeypatch.delenv("REWRITER_CACHE_DIR", raising=False)
    yield


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = ROOT / "seeds"
    assert path.is_dir(), f"{path} is missing"
    return path


@pytest.fixture
def house_lexicon(tmp_path: Path) -> Path:
    return write_house_lexicon(tmp_path)


@pytest.fixture
def house_config(house_lexicon: Path) -> Config:
    """Only the house rule TST001 enabled."""
    return Config(extra_lexicons=(str(house_lexicon),), select=("TST",))


@pytest.fixture
def isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with no configuration above it that the project could pick up."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def pytest_report_header(config: pytest.Config) -> str:
    return f"REWRITER_PIPELINE={os.environ.get('REWRITER_PIPELINE', '(unset)')}"
