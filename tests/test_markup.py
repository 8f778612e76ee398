"""Markup: protected regions (front matter, code, URLs, comments, blockquotes, quotes) are never
flagged; apostrophes are not quotes; ``quotes = "flag"`` turns quotes back on.

Most end-to-end tests use the house lexicon from conftest (TST001: harbinger, zorblax, in order
to), so that they do not depend on the built-in data; each checks that the same word outside the
protected region IS flagged, so a rule that flagged nothing could not pass.
"""

from __future__ import annotations

import pytest

from rewriter import Config, analyze
from rewriter.document import Document
from rewriter.markup import (
    BLOCKQUOTE,
    CODE,
    COMMENT,
    FRONT_MATTER,
    URL,
    find_blocks,
    find_quotes,
    find_regions,
)


def flagged(text: str, config: Config) -> list[str]:
    """The observed text of every TST001 finding."""
    return [text[f.start : f.end] for f in analyze(text, config).findings if f.code == "TST001"]


def regions_of(text: str, kind: str) -> list[str]:
    return [text[r.start : r.end] for r in find_regions(text) if r.kind == kind]


def quotes_of(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [text[q.start : q.end] for q in doc.quotes]


# --- regions -------------------------------------------------------------------------------------


def test_front_matter_yaml_and_toml() -> None:
    yaml = "---\ntitle: zorblax\ntags: [a, b]\n---\nBody text.\n"
    assert regions_of(yaml, FRONT_MATTER) == ["---\ntitle: zorblax\ntags: [a, b]\n---\n"]
    toml = "+++\ntitle = 'zorblax'\n+++\r\nBody.\r\n"
    assert regions_of(toml, FRONT_MATTER) == ["+++\ntitle = 'zorblax'\n+++\r\n"]
    # only at the very start of the file
    later = "Intro line.\n\n---\ntitle: zorblax\n---\n"
    assert regions_of(later, FRONT_MATTER) == []


def test_fenced_code_backticks_tildes_and_unclosed() -> None:
    text = "Para.\n\n```python\nx = 'zorblax'\n```\n\n~~~\nzorblax\n~~~\n\nEnd.\n"
    code = regions_of(text, CODE)
    assert "```python\nx = 'zorblax'\n```" in code
    assert "~~~\nzorblax\n~~~" in code
    unclosed = "Para.\n\n```\nzorblax\n\nstill code zorblax\n"
    assert any(r.endswith("still code zorblax\n") for r in regions_of(unclosed, CODE))


def test_inline_code_urls_comments() -> None:
    text = ("Run `zorblax --all` then see https://example.com/zorblax, www.zorblax.org/a "
            "or mail desk@zorblax.example.com <!-- zorblax note --> now.")
    assert regions_of(text, CODE) == ["`zorblax --all`"]
    urls = regions_of(text, URL)
    assert "https://example.com/zorblax" in urls  # trailing comma not part of the URL
    assert "www.zorblax.org/a" in urls
    assert "desk@zorblax.example.com" in urls
    assert regions_of(text, COMMENT) == ["<!-- zorblax note -->"]


def test_link_target_is_protected_but_link_text_is_prose() -> None:
    text = "See [the zorblax report](/files/zorblax.pdf) today."
    assert "/files/zorblax.pdf" in regions_of(text, URL)


def test_blockquote_lines() -> None:
    text = "Intro.\n\n> zorblax one\n> zorblax two\n\nAfter.\n"
    assert regions_of(text, BLOCKQUOTE) == ["> zorblax one", "> zorblax two"]
    # lazy continuation, ended by a blank line, a heading or a list item
    lazy = "> one\ntwo\n\nthree\n> four\n# Head\n> five\n- item\n"
    assert regions_of(lazy, BLOCKQUOTE) == ["> one", "two", "> four", "> five"]


def test_blocks_skip_front_matter_code_and_blockquotes_and_strip_markers() -> None:
    text = ("---\ntitle: x\n---\n\n# The heading\n\nFirst paragraph\nwraps here.\n\n"
            "```\ncode\n```\n\n> quoted\n\n- an item\n- another item\n\n***\n\nLast.")
    doc = Document.from_text(text)
    got = [(b.kind, text[b.start : b.end]) for b in doc.blocks]
    assert got == [
        ("heading", "The heading"),
        ("paragraph", "First paragraph\nwraps here."),
        ("item", "an item"),
        ("item", "another item"),
        ("paragraph", "Last."),
    ]


def test_unwrapped_lines_are_one_paragraph_each() -> None:
    long_line = "This line is a full paragraph of an unwrapped newsroom export, " * 3
    text = f"{long_line}\n{long_line}\n{long_line}"
    blocks = Document.from_text(text).blocks
    assert len(blocks) == 3
    assert all(text[b.start : b.end] == long_line.strip() for b in blocks)


# --- quotations ----------------------------------------------------------------------------------


def test_quotes_straight_curly_and_nested() -> None:
    text = 'He said "one zorblax" and she said “a zorblax ‘inner’ here” ok.'
    assert quotes_of(text) == ['"one zorblax"', "“a zorblax ‘inner’ here”"]


def test_single_quotes_as_quotation_marks() -> None:
    assert quotes_of("She called it 'a zorblax plan' today.") == ["'a zorblax plan'"]
    assert quotes_of("She called it ‘a zorblax plan’ today.") == ["‘a zorblax plan’"]
    # an apostrophe inside a single-quoted quote does not close it
    assert quotes_of("She said ‘it’s a zorblax’ then.") == ["‘it’s a zorblax’"]


def test_quote_left_open_runs_to_paragraph_end_only() -> None:
    text = "“This zorblax quote goes on and on\n\nNext zorblax paragraph."
    assert quotes_of(text) == ["“This zorblax quote goes on and on"]


def test_a_quote_that_runs_on_into_the_speakers_next_sentence_stays_quoted(house_config: Config) -> None:
    # news style: the speaker's next sentence opens with a fresh mark and the last was never closed;
    # pairing the marks in order would leave the second sentence outside the quotation
    text = ('Ames said: "The zorblax plan is late. It is a poor effort. "We have seen a zorblax in this race", '
            'he said. Then a zorblax came.')
    assert quotes_of(text) == ['"The zorblax plan is late. It is a poor effort. ',
                               '"We have seen a zorblax in this race"']
    assert flagged(text, house_config) == ["zorblax"]
    # a quote closed after its full stop, then a new one: two quotations, nothing in between lost
    assert quotes_of('He said "no." "Yes," she said of the zorblax.') == ['"no."', '"Yes,"']


@pytest.mark.parametrize(
    "text",
    [
        "They don't know it's the zorblax.",
        "In the '90s the zorblax was common.",
        "Pakistan’s zorblax and the boys' zorblax.",
        "The players’ zorblax rose in the ’80s.",
        "Rock 'n' roll is not a quotation but zorblax is flagged.",
    ],
)
def test_apostrophes_are_not_quotes(text: str, house_config: Config) -> None:
    # "'n'" is a harmless pseudo-quote; what matters is that every zorblax is still flagged
    n = text.count("zorblax")
    assert flagged(text, house_config) == ["zorblax"] * n


def test_opening_quote_before_a_decade_is_an_apostrophe(house_config: Config) -> None:
    # word processors often "smarten" '90s into ‘90s; it must not open a quotation that a later
    # plural possessive would close
    text = "In the ‘90s, the zorblax of the players’ strike began."
    assert flagged(text, house_config) == ["zorblax"]


def test_inch_marks_are_not_quotes(house_config: Config) -> None:
    text = 'The 6\'2" guard and a 12" pipe: a zorblax came.'
    assert flagged(text, house_config) == ["zorblax"]
    assert quotes_of('He said "a 12" pipe" was due.')  # a real quotation still counts


def test_mixed_straight_open_curly_close(house_config: Config) -> None:
    text = 'He said "a zorblax plan” was due. Then a zorblax came.'
    assert flagged(text, house_config) == ["zorblax"]
    assert analyze(text, house_config).findings[0].start == text.rindex("zorblax")


# --- end to end: never flagged in protected regions ------------------------------------------------


PROTECTED_CASES = {
    "front matter": "---\ntitle: A zorblax story\n---\n\nBody has a zorblax.\n",
    "fenced code": "```\nzorblax = 1\n```\n\nBody has a zorblax.\n",
    "tilde fence with info": "~~~text\nzorblax here\n~~~\n\nBody has a zorblax.\n",
    "indented fence in a list": "- item\n\n   ```\n   zorblax\n   ```\n\nBody has a zorblax.\n",
    "inline code": "Run `zorblax` but a zorblax is prose.",
    "url": "Read https://example.org/zorblax-report about a zorblax.",
    "www url": "Read www.example.org/zorblax/ about a zorblax.",
    "email": "Write to zorblax@example.org about a zorblax.",
    "link target": "Read [the report](https://example.org/zorblax) on a zorblax.",
    "html comment": "<!-- zorblax: check with desk --> Body has a zorblax.",
    "multi-line html comment": "<!--\nzorblax\nzorblax\n-->\n\nBody has a zorblax.",
    "html attribute": 'Body has a <span title="zorblax">plain</span> zorblax.',
    "blockquote": "> A zorblax in a blockquote.\n> Another zorblax.\n\nBody has a zorblax.",
    "straight quote": 'He said "a zorblax is coming" and a zorblax came.',
    "curly quote": "He said “a zorblax is coming” and a zorblax came.",
    "nested single in double": "“He told me ‘a zorblax is coming’ yesterday,” she said of the zorblax.",
    "single curly quote": "He called it ‘a zorblax moment’ but a zorblax it was not.",
    "open quote to paragraph end": "“A zorblax, and more of it\n\nBody has a zorblax.",
    "multi-line quote": 'He said "this is a\nzorblax plan" and a zorblax came.',
}


@pytest.mark.parametrize("name", sorted(PROTECTED_CASES))
def test_protected_regions_are_never_flagged(name: str, house_config: Config) -> None:
    text = PROTECTED_CASES[name]
    findings = [f for f in analyze(text, house_config).findings if f.code == "TST001"]
    # exactly one zorblax in each text stands in plain prose: the last one
    assert [(f.start, text[f.start : f.end]) for f in findings] == [(text.rindex("zorblax"), "zorblax")]


def test_stray_backtick_does_not_swallow_later_paragraphs(house_config: Config) -> None:
    # a code span never crosses a blank line (CommonMark), so a lone backtick must not protect
    # the paragraphs between it and a later code span
    text = "Press the ` key to start.\n\nThe zorblax came.\n\nThen type `ls` there."
    assert flagged(text, house_config) == ["zorblax"]


def test_blockquote_lazy_continuation_is_protected(house_config: Config) -> None:
    # Markdown: a line right after a blockquote line, with no blank line between, continues it
    text = "> He said the zorblax\nwould come soon.\n\nA zorblax came."
    findings = analyze(text, house_config).findings
    assert [text[f.start : f.end] for f in findings if f.code == "TST001"] == ["zorblax"]
    assert findings[0].start == text.rindex("zorblax")


def test_crlf_blockquote_and_code(house_config: Config) -> None:
    text = "> zorblax quoted\r\n\r\n```\r\nzorblax\r\n```\r\n\r\nA zorblax.\r\n"
    assert flagged(text, house_config) == ["zorblax"]


def test_quotes_flag_setting_flags_inside_quotes(house_lexicon: object) -> None:
    base = Config(extra_lexicons=(str(house_lexicon),), select=("TST",))
    text = 'He said "a zorblax plan" and called it ‘a zorblax idea’. A zorblax came.'
    assert len(flagged(text, base)) == 1
    on = base.replace(quotes="flag")
    assert flagged(text, on) == ["zorblax"] * 3
    # other protected regions stay protected even with quotes on
    code = "Run `zorblax` and <!-- zorblax --> and a zorblax."
    assert flagged(code, on) == ["zorblax"]


def test_headings_and_list_items_are_prose(house_config: Config) -> None:
    text = "# A zorblax heading\n\n- a zorblax item\n\n1. another zorblax item\n"
    assert flagged(text, house_config) == ["zorblax"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "The <b>zorblax</b> came.",
        "The <em>zorblax</em>, then.",
        "Read about [the zorblax](https://example.org/r) today.",
        "Read [zorblax](https://example.org/r).",
        "See `code`zorblax here.",
    ],
)
def test_words_next_to_markup_are_still_checked(text: str, house_config: Config) -> None:
    # spaCy glues "zorblax</b" or "zorblax](https://..." into one token; the parser must see the
    # markup blanked out so that the word is a token of its own
    assert flagged(text, house_config) == ["zorblax"]


def test_parser_sees_markup_blanked_with_offsets_kept() -> None:
    text = "A <b>zorblax</b> at https://example.org/x and `code` <!-- c --> end.\n\nNext."
    doc = Document.from_text(text)
    prose = doc.prose_text(doc.blocks[0])
    assert len(prose) == doc.blocks[0].end - doc.blocks[0].start
    assert prose.split() == ["A", "zorblax", "at", "and", "end."]
    assert doc.prose_text(doc.blocks[1]) == "Next."


def test_find_quotes_uses_only_blocks() -> None:
    text = '> "a zorblax"\n\nPlain "quoted" text.'
    regions = find_regions(text)
    blocks = find_blocks(text, regions)
    assert [text[q.start : q.end] for q in find_quotes(text, blocks)] == ['"quoted"']


# --- linear time: the scans give what the old (quadratic) patterns gave ---------------------------

import re  # noqa: E402

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rewriter.markup import code_spans, link_targets, url_spans  # noqa: E402

_OLD_INLINE_CODE = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\r?\n).)+?(?<!`)\1(?!`)", re.S)
_OLD_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.|\bmailto:)[^\s<>\"'`\])}]*[^\s<>\"'`\])}.,;:!?]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
)
_OLD_LINK_TARGET = re.compile(r"\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")


def _spans(rx: re.Pattern[str], text: str, group: int = 0) -> list[tuple[int, int]]:
    return [m.span(group) for m in rx.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="`a \n\t", max_size=40))
def test_code_spans_equal_the_old_pattern(text: str) -> None:
    assert code_spans(text) == _spans(_OLD_INLINE_CODE, text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", ".", "+", "-", "@", " ", "_", "é", "1", "www.", "http://", "mailto:",
                                 ",", ")", "\n"]), max_size=24).map("".join))
@example("-www.@w.p/")  # found by Hypothesis: a URL at the address's first letter wins over the address
@example("+www.@w.w@")
@example("\nhttp:// .@.a,+www.www.+@www.1+-www.,@")
def test_url_spans_equal_the_old_pattern(text: str) -> None:
    assert url_spans(text) == _spans(_OLD_URL, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["](", "]", "(", ")", "x", " ", "\n", '"', "\t"]), max_size=24).map("".join))
def test_link_targets_equal_the_old_pattern(text: str) -> None:
    assert link_targets(text) == _spans(_OLD_LINK_TARGET, text, 1)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("a." * 100_000, URL, []),  # no "@": the old e-mail pattern re-read the run from every letter
        ("a." * 100_000 + "a@desk.example.com", URL, ["a." * 100_000 + "a@desk.example.com"]),
        ("a " + "`" * 200_000 + "a", CODE, []),  # unclosed runs of every length (not a fence: not first)
        ("a " + "`" * 100_000 + "b" + "`" * 99_999 + " ``x``", CODE, ["`" * 99_999 + "b" + "`" * 99_999, "``x``"]),
        ("](" * 100_000 + "x", URL, []),  # a link opener with no closing bracket
        ("](" * 100_000 + "x)", URL, ["](" * 99_999 + "x"]),
    ],
)
def test_hostile_markup_is_read_in_one_pass(text: str, kind: str, expected: list[str]) -> None:
    # each of these took minutes with the old patterns; no timing here, the answer is the test
    assert regions_of(text, kind) == expected


def test_many_blockquote_lines_and_paragraphs() -> None:
    text = "> a quoted line\nA lazy continuation.\n\nA paragraph of prose.\n\n" * 20_000
    doc = Document.from_text(text)
    assert len(doc.blocks) == 20_000
    assert doc.prose_text(doc.blocks[-1]) == "A paragraph of prose."
