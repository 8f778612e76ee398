"""Every rule's should-flag and should-pass examples (tests/examples.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from examples import EXAMPLES, KNOWN_FAILURES

from rewriter import Config, analyze


def _cases(kind: str, known_failures: bool = True) -> list[Any]:
    out = []
    for code, table in sorted(EXAMPLES.items()):
        for i, text in enumerate(table[kind]):
            reason = KNOWN_FAILURES.get((code, text)) if known_failures else None
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(code, text, id=f"{code}-{kind}-{i}", marks=marks))
    return out


@pytest.fixture(scope="module")
def languagetool_url() -> Iterator[str]:
    from test_grammar import FakeServer

    from rewriter.languagetool import client_for

    server = FakeServer()
    server.thread.start()
    client_for.cache_clear()
    try:
        yield server.url
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
        client_for.cache_clear()


def _config(code: str, request: pytest.FixtureRequest) -> Config:
    table = EXAMPLES[code]
    config = Config(select=(code, *table.get("select", ())))
    if table.get("languagetool"):
        config = config.replace(languagetool=request.getfixturevalue("languagetool_url"),
                                languagetool_rules=table.get("languagetool-rules", ((), ())))
    return config


def _found(code: str, text: str, request: pytest.FixtureRequest) -> list[str]:
    report = analyze(text, _config(code, request))
    return [f"{f.code} {text[f.start:f.end]!r}" for f in report.findings if f.code == code]


@pytest.mark.parametrize(("code", "text"), _cases("flag"))
def test_flags(code: str, text: str, request: pytest.FixtureRequest) -> None:
    assert _found(code, text, request), f"{code} should flag: {text!r}"


@pytest.mark.parametrize(("code", "text"), _cases("pass"))
def test_passes(code: str, text: str, request: pytest.FixtureRequest) -> None:
    found = _found(code, text, request)
    assert not found, f"{code} should not flag {text!r}: {found}"


@pytest.mark.parametrize(("code", "text"), _cases("flag", known_failures=False))
def test_flagged_examples_are_not_flagged_when_the_rule_is_ignored(code: str, text: str,
                                                                   request: pytest.FixtureRequest) -> None:
    config = _config(code, request)
    config = config.replace(ignore=(code,))
    assert code not in [f.code for f in analyze(text, config).findings]
