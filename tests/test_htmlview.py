"""rewriter.htmlview: escaped, well-formed HTML views of a draft and its rewrite (no spaCy needed)."""

from __future__ import annotations

import html
import random
from html.parser import HTMLParser

import pytest

from rewriter.htmlview import (
    Mark,
    change_marks,
    diff_changes,
    family_color,
    family_counts,
    finding_title,
    legend_html,
    original_html,
    render_marked,
    rewrite_html,
)
from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity

HOSTILE = 'Lede <script>alert("x")</script> and <img src=x onerror="alert(1)"> & "quotes" \'too\'.'


class _Tree(HTMLParser):
    """Checks nesting and collects the text a browser would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.deleted: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        (self.deleted if "del" in self.stack else self.text).append(data)


def parse(fragment: str) -> _Tree:
    tree = _Tree()
    tree.feed(fragment)
    tree.close()
    assert tree.stack == [], f"unclosed: {tree.stack}"
    return tree


def finding(code: str, start: int, end: int, text: str, replacement: str | None = None,
            message: str = "msg", reason: str = "") -> Finding:
    fix = None
    if replacement is not None:
        fix = Fix((Edit(start, end, replacement),), Applicability.UNSAFE, f"Replace with '{replacement}'",
                  (replacement, "other"))
    return Finding(code, "name", "cat", Severity.WARNING, start, end, message, fix,
                   {"observed": text[start:end], "reason": reason} if reason else {})


def test_user_text_is_escaped_and_shows_as_text() -> None:
    out = render_marked(HOSTILE, [Mark(5, 13, "rw-m", title=HOSTILE)])
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    tree = parse(out)
    assert "".join(tree.text) == HOSTILE
    assert [t for t, _ in tree.tags] == ["mark"]
    assert tree.tags[0][1]["title"] == HOSTILE  # the attribute round-trips, quotes included


def test_overlapping_marks_nest_inside_regions_and_keep_the_text() -> None:
    text = "One two three four five. Six seven eight nine."
    marks = [Mark(4, 13, "a", "A"), Mark(8, 18, "b", "B"), Mark(20, 30, "c", "C"),
             Mark(30, 30, "d", "cut", removed="X")]
    regions = [Mark(0, 24, "s1", "S1"), Mark(25, len(text), "s2", "S2")]
    out = render_marked(text, marks, regions)
    tree = parse(out)
    assert "".join(tree.text) == text
    assert tree.deleted == ["X"]
    # the overlap of A and B carries both titles
    titles = [a.get("title") for t, a in tree.tags if t == "mark"]
    assert "A\n\nB" in titles
    # a mark crossing a sentence boundary is split, never left open across it
    assert out.count("<span") == 2


def test_marks_outside_the_text_are_ignored() -> None:
    assert render_marked("abc", [Mark(2, 9, "x"), Mark(5, 5, "y", removed="z")]) == "abc"


def test_original_html_marks_findings_by_family_and_tints_hard_sentences() -> None:
    text = "The harbinger came. It was a very long and difficult sentence indeed."
    report = Report("a.txt", text, (
        finding("INF001", 4, 13, text, "sign", "'harbinger' is inflated", reason="literary word"),
        finding("RD002", 20, len(text), text, message="Very hard sentence"),
        finding("RD005", 0, 0, text, message="grade"),
        finding("HOUSE001", 29, 33, text, None, "house word <b>"),
    ), {})
    out = original_html(report)
    tree = parse(out)
    assert "".join(tree.text) == text
    marks = [a for t, a in tree.tags if t == "mark"]
    assert [m["class"] for m in marks] == ["rw-m rw-f-INF", "rw-m rw-f-HOUSE"]
    assert "Suggestion (unsafe): 'harbinger' → 'sign' (or: other)" in (marks[0]["title"] or "")
    assert "Why: literary word" in (marks[0]["title"] or "")
    assert "house word <b>" in (marks[1]["title"] or "")  # escaped in the source, restored by the parser
    assert "<b>" not in out
    assert any(a.get("class") == "rw-s rw-s-very-hard" for t, a in tree.tags if t == "span")


def test_finding_title_for_a_cut() -> None:
    text = "It is very big."
    f = Finding("HDG001", "n", "hedge", Severity.INFO, 6, 10, "cut it",
                Fix((Edit(6, 11, ""),), Applicability.SAFE, "Cut", ("",)))
    assert "cut 'very '" in finding_title(f, text)


@pytest.mark.parametrize(("old", "new"), [
    ("The harbinger came in order to stay.", "The sign came to stay."),
    ("a\n\nb c d\n\ne", "a\n\nb d\n\ne f"),
    ("same", "same"),
    ("", "new text"),
    ("old text", ""),
    ("line one\nline two\n", "line one\nline 2\nline three\n"),
])
def test_diff_changes_rebuild_the_new_text(old: str, new: str) -> None:
    changes = diff_changes(old, new)
    rebuilt, pos = [], 0
    for c in changes:
        rebuilt.append(old[pos : c.old_start])
        rebuilt.append(new[c.new_start : c.new_end])
        pos = c.old_end
    rebuilt.append(old[pos:])
    assert "".join(rebuilt) == new
    assert (changes == []) == (old == new)


def test_diff_changes_random_word_edits() -> None:
    rng = random.Random(7)
    words = ["the", "council", "voted", "in", "order", "to", "pass", "a", "bill", "that", "was", "very",
             "important", "for", "the", "town"]
    for _ in range(200):
        old = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        toks = old.split(" ")
        for _ in range(rng.randint(0, 4)):
            if toks:
                k = rng.randrange(len(toks))
                toks[k] = rng.choice(["", "X", "to", "sign"])
        new = " ".join(t for t in toks if t)
        changes = diff_changes(old, new)
        out, pos = [], 0
        for c in changes:
            out += [old[pos : c.old_start], new[c.new_start : c.new_end]]
            pos = c.old_end
        assert "".join([*out, old[pos:]]) == new


def test_rewrite_html_highlights_changes_and_shows_cuts() -> None:
    old = "We met in order to talk about the <b>very</b> big plan."
    new = "We met to talk about the <b>very</b> plan."
    out = rewrite_html(old, new)
    tree = parse(out)
    assert "".join(tree.text) == new
    assert "big " in "".join(tree.deleted) or "big" in "".join(tree.deleted)
    assert "<b>" not in out
    marks = change_marks(old, new)
    assert any(m.removed for m in marks)


def test_legend_and_counts() -> None:
    text = "a b c"
    fs = [finding("INF001", 0, 1, text), finding("INF002", 2, 3, text), finding("WRD001", 4, 5, text)]
    counts = family_counts(fs)
    assert counts == {"INF": 2, "WRD": 1}
    out = legend_html(counts, {"INF": "<inflated>"})
    assert "&lt;inflated&gt;" in out and "<b>2</b>" in out
    assert family_color("ZZZ") == family_color("ZZZ")
    assert "no findings" in legend_html({})


def test_unescaped_text_matches_html_escape() -> None:
    # the one escaping rule the views rely on
    assert html.unescape(render_marked("<&>")) == "<&>"
