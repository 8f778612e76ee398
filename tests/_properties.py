"""The properties every unsafe rewrite keeps, shared by the property tests (a helper, not a test)."""

from __future__ import annotations

import re

from rewriter import rewrite


def assert_rewrite_properties(text: str) -> None:
    """Idempotent; numbers and the name "Acme Corp" kept; every sentence starts with a capital; no
    doubled word; no doubled space, space before punctuation or doubled full stop."""
    once = rewrite(text, unsafe=True)
    assert rewrite(once.text, unsafe=True).text == once.text  # idempotent
    for number in re.findall(r"\d+", text):
        assert number in once.text
    assert "Acme Corp" in once.text or "Acme Corp" not in text
    for sentence in re.split(r"(?<=[.!?])\s+", once.text):
        assert sentence[:1].isupper(), once.text
    assert not re.search(r"\b(\w+) \1\b", once.text.lower()), once.text
    assert "  " not in once.text and " ," not in once.text and " ." not in once.text and ".." not in once.text
