"""The README's "Adding a rule" holds: a new word-list family is one data file (plus examples), a
new code rule is one module and one line in ``code_checkers()`` (plus examples); everything else
(selection, labels and colours, scope, precedence over LanguageTool, the registry) follows from
the rule's metadata."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from rewriter import analyze, rules
from rewriter.config import from_mapping
from rewriter.document import Document
from rewriter.htmlview import family_color, family_label
from rewriter.model import Finding, Severity
from rewriter.rules import Context, Family, RuleInfo, all_rules, families
from rewriter.rules.lexicon import builtin_lexicons, lexicon_adverbs, schema

NEW_LEXICON = """\
code = "ZZW001"
name = "zany-word"
category = "zany"
label = "zany words"
color = "#123456"
summary = "A zany word"
what = "Flags zany words."
why = "They distract."
example = "A flibbertigibbet plan. -> A silly plan."

[[entry]]
match = "flibbertigibbet"
replace = ["silly"]
reason = "a zany word"
applicability = "unsafe"
source = "own"
"""


def _clear() -> None:
    builtin_lexicons.cache_clear()
    lexicon_adverbs.cache_clear()
    rules._checkers.cache_clear()


@pytest.fixture
def data_dir_with_new_family(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    data = tmp_path / "data"
    shutil.copytree(schema.DATA_DIR, data)
    (data / "zany.toml").write_text(NEW_LEXICON, encoding="utf-8")
    monkeypatch.setattr(schema, "DATA_DIR", data)
    _clear()
    yield data
    monkeypatch.undo()
    _clear()


@pytest.mark.slow
def test_a_new_lexicon_family_is_one_data_file(data_dir_with_new_family: Path) -> None:
    info = next(i for i in all_rules() if i.code == "ZZW001")
    assert info.family == "ZZW" and info.has_precedence  # lexical: a LanguageTool repeat of it is dropped
    group = families()["ZZW"]
    assert (group.label, group.color, group.scope, group.lexical) == ("zany words", "#123456", "word", True)
    assert (family_label("ZZW"), family_color("ZZW")) == ("zany words", "#123456")
    text = "The board rejected a flibbertigibbet plan.\n"
    report = analyze(text)
    [found] = [f for f in report.findings if f.code == "ZZW001"]
    assert text[found.start : found.end] == "flibbertigibbet"
    assert found.fix is not None and found.fix.edits[0].replacement == "silly"
    # selectable by its prefix like any built-in family
    only = from_mapping({"select": ["ZZW"]}, "<cli>")
    assert [f.code for f in analyze(text, only).findings] == ["ZZW001"]


FAMILY = Family("ZZS", "zany sentences", "#654321", scope="sentence")
ZANY = RuleInfo("ZZS001", "zany-sentence", "zany", Severity.INFO, "A zany sentence", "Flags 'zany'.", "Why.",
                "Given: 'Zany.'", family_info=FAMILY, default_enabled=False)


class ZanyChecker:
    """The stand-in for a new ``rewriter/rules/NAME.py``."""

    def infos(self) -> tuple[RuleInfo, ...]:
        return (ZANY,)

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]:
        if ZANY.code not in ctx.enabled:
            return
        for block in document.blocks:
            k = document.text.find("zany", block.start, block.end)
            if k >= 0:
                yield Finding(ZANY.code, ZANY.name, ZANY.category, ZANY.severity, block.start, block.end,
                              "a zany sentence")


@pytest.fixture
def new_code_rule(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    listed = rules.code_checkers
    monkeypatch.setattr(rules, "code_checkers", lambda: (*listed(), ZanyChecker()))
    _clear()
    yield
    monkeypatch.undo()
    _clear()


@pytest.mark.slow
def test_a_new_code_rule_is_one_module_and_one_line(new_code_rule: None) -> None:
    assert rules.find_rule("ZZS001") is ZANY
    assert families()["ZZS"] == FAMILY and family_label("ZZS") == "zany sentences"
    text = "The plan was zany.\n"
    assert not [f for f in analyze(text).findings if f.code == "ZZS001"]  # off by default, as declared
    on = from_mapping({"extend-select": ["ZZS001"]}, "<cli>")
    [found] = [f for f in analyze(text, on).findings if f.code == "ZZS001"]
    assert (found.start, found.end) == (0, len(text) - 1)
    assert not ZANY.has_precedence and not FAMILY.defers
