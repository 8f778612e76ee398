"""rewriter.editor and rewriter.docxio: what the web editor decides and how drafts go in and out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rewriter import Config, analyze
from rewriter.editor import (
    MAX_UPLOAD_BYTES,
    Draft,
    as_format,
    choices_for,
    download_bytes,
    download_name,
    editor_config,
    find_seeds,
    finding_rows,
    metric_rows,
    read_upload,
    reading_time,
    rule_families,
    selection,
    suggestions,
)
from rewriter.fix import rewrite
from rewriter.model import Applicability
from rewriter.textio import InputError

docx = pytest.importorskip("docx", reason="python-docx (the ui extra) is not installed")

DRAFT = "The harbingers of spring came in order to stay.\n\nOfficials said the zorblax plan was final."


@pytest.fixture
def config(house_lexicon: Path) -> Config:
    return Config(extra_lexicons=(str(house_lexicon),), select=("TST",))


def test_suggestions_list_fixable_findings_with_their_options(config: Config) -> None:
    report = analyze(DRAFT, config)
    items = suggestions(report)
    by_word = {s.observed: s for s in items}
    assert set(by_word) == {"harbingers", "in order to", "zorblax"}
    harbinger = by_word["harbingers"]
    assert harbinger.replacement == "signs"  # the default keeps the observed form
    assert harbinger.options == ("signs", "forerunners")  # alternatives are inflected too
    assert harbinger.applicability is Applicability.UNSAFE and not harbinger.safe
    assert harbinger.line == 1 and by_word["zorblax"].line == 3
    assert "'harbingers' → 'signs'" in harbinger.label
    # without unsafe edits only the safe ones are proposed
    assert {s.observed for s in suggestions(report, unsafe=False)} == {"in order to", "zorblax"}


def test_selection_and_choices(config: Config) -> None:
    items = suggestions(analyze(DRAFT, config))
    safe = selection(items, "safe")
    assert {k for k, v in safe.items() if v} == {s.id for s in items if s.safe}
    assert all(selection(items, "all").values())
    assert not any(selection(items, "none").values())
    with pytest.raises(ValueError):
        selection(items, "some")
    harbinger = next(s for s in items if s.observed == "harbingers")
    picked = {harbinger.key: "forerunners", "TST001:0:1": "bogus"}
    assert choices_for(items, picked) == {harbinger.key: "forerunners"}
    assert choices_for(items, {harbinger.key: "signs"}) == {}  # the default stays the inflected edit


def test_accepting_exactly_the_chosen_edits(config: Config) -> None:
    report = analyze(DRAFT, config)
    items = suggestions(report)
    harbinger = next(s for s in items if s.observed == "harbingers")
    result = rewrite(DRAFT, config=config, accept={harbinger.key}, report=report)
    assert result.text == DRAFT.replace("harbingers", "signs")
    result = rewrite(DRAFT, config=config, accept={harbinger.key}, report=report,
                     choices=choices_for(items, {harbinger.key: "forerunners"}))
    assert result.text == DRAFT.replace("harbingers", "forerunners")


def test_metric_rows_and_reading_time() -> None:
    before = {"flesch_kincaid_grade": 15.04, "flesch_reading_ease": 30.0, "reading_time_seconds": 95.0,
              "hard_sentences": 4, "very_hard_sentences": 6}
    after = dict(before, flesch_kincaid_grade=11.0, hard_sentences=2)
    rows = {r.key: r for r in metric_rows(before, after)}
    assert list(rows) == ["flesch_kincaid_grade", "flesch_reading_ease", "reading_time_seconds",
                          "hard_sentences", "very_hard_sentences"]
    assert rows["flesch_kincaid_grade"].delta == pytest.approx(-4.04)
    assert rows["flesch_kincaid_grade"].show(15.04) == "15.0"
    assert rows["reading_time_seconds"].show(95) == "1 min 35 s"
    assert rows["hard_sentences"].show(2.0) == "2"
    assert reading_time(42.4) == "42 s"
    assert metric_rows({}, {}) == []


def test_editor_config_switches_families(house_lexicon: Path) -> None:
    base = Config(extra_lexicons=(str(house_lexicon),))
    families = rule_families(base)
    assert families["TST"] and families["RD"]
    cfg = editor_config(base, families=[f for f in families if f != "TST"], target_grade=8, flag_quotes=True,
                        unsafe=False)
    assert "TST" in cfg.ignore and cfg.target_grade == 8.0 and cfg.quotes == "flag" and not cfg.unsafe_fixes
    assert all(f.family != "TST" for f in analyze(DRAFT, cfg).findings)
    # a family the base leaves off is selected when the editor asks for it
    off = base.replace(ignore=("TST",))
    assert not rule_families(off)["TST"]
    on = editor_config(off, families=["TST"])
    assert any(f.family == "TST" for f in analyze(DRAFT, on).findings)


def test_finding_rows(config: Config) -> None:
    rows = finding_rows(analyze(DRAFT, config))
    row = next(r for r in rows if r["message"].startswith("'zorblax'"))
    assert (row["line"], row["column"], row["suggestion"], row["fix"]) == (3, 20, "plain", "safe")


# ---- drafts in and out -------------------------------------------------------------------------

def test_read_upload_text_keeps_encoding_bom_and_newlines_for_the_download() -> None:
    data = b"\xef\xbb\xbfOne line\r\nTwo line\r\n"
    draft = read_upload("story.txt", data)
    assert draft.text == "One line\nTwo line\n" and draft.kind == "txt" and draft.newline == "\r\n"
    out, name, mime = download_bytes(draft, "One\nTwo\n")
    assert out == b"\xef\xbb\xbfOne\r\nTwo\r\n" and name == "story.rewritten.txt" and mime == "text/plain"
    md = read_upload("notes.md", "# Title\n\nBody é\n".encode())
    assert md.kind == "md" and download_bytes(md, md.text)[0] == "# Title\n\nBody é\n".encode()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("big.txt", b"a" * (MAX_UPLOAD_BYTES + 1), "the limit is 2 MB"),
    ("long.md", b"word " * 100_000, "the editor takes up to 400,000"),
    ("image.png", b"\x89PNG", "not a draft"),
    ("empty.txt", b"  \n", "empty"),
    ("latin1.txt", "caf\xe9".encode("latin-1"), "not valid UTF-8"),
    ("broken.docx", b"PK not a zip", "not a Word .docx file"),
])
def test_read_upload_refuses_with_a_clear_message(name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_upload(name, data)


def test_download_names_and_formats() -> None:
    assert download_name("a/b/story.md") == "story.rewritten.md"
    assert download_name("") == "draft.rewritten.txt"
    draft = Draft("story.docx", "x", "docx")
    assert as_format(draft, "docx") is draft
    assert as_format(draft, "md").name == "story.md"
    data, name, _ = download_bytes(as_format(draft, "docx").__class__("new.docx", "", "docx"), "A\n\nB")
    assert name == "new.rewritten.docx"
    assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs] == ["A", "B"]


def test_find_seeds_puts_the_seed_first(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("aaa.txt", "000_2848cd7d85c6065c.txt", "zzz.md", "skip.png"):
        (seeds / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_seeds(seeds)] == ["000_2848cd7d85c6065c.txt", "aaa.txt", "zzz.md"]


def make_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("A harbinger of change", style="Heading 1")
    p = document.add_paragraph("The council met ", style="Normal")
    p.add_run("in order to").bold = True
    p.add_run(" vote on the zorblax plan.")
    document.add_paragraph("")
    quote = document.add_paragraph("Nothing to change here.", style="Quote")
    quote.add_run(" Second run.").italic = True
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_read_joins_paragraphs_with_blank_lines() -> None:
    from rewriter.docxio import read_docx

    doc = read_docx(make_docx())
    assert doc.text == ("A harbinger of change\n\nThe council met in order to vote on the zorblax plan.\n\n\n\n"
                        "Nothing to change here. Second run.")
    assert [doc.text[a:b] for a, b in doc.spans][2] == ""


def test_docx_round_trip_keeps_styles_and_runs(config: Config) -> None:
    from rewriter.docxio import read_docx

    data = make_docx()
    draft = read_upload("story.docx", data)
    assert draft.kind == "docx"
    report = analyze(draft.text, config)
    accept = {s.key for s in suggestions(report)}
    result = rewrite(draft.text, config=config, accept=accept, report=report)
    assert result.text != draft.text
    out, name, mime = download_bytes(draft, result.text)
    assert name == "story.rewritten.docx" and mime.endswith("wordprocessingml.document")
    back = docx.Document(io.BytesIO(out))
    original = docx.Document(io.BytesIO(data))
    assert [p.style.name for p in back.paragraphs] == [p.style.name for p in original.paragraphs]
    assert read_docx(out).text == result.text
    assert back.paragraphs[0].text == "A sign of change"
    runs = back.paragraphs[1].runs
    assert [(r.text, bool(r.bold)) for r in runs] == [("The council met ", False), ("to", True),
                                                      (" vote on the plain plan.", False)]
    assert [bool(r.italic) for r in back.paragraphs[3].runs] == [False, True]


def test_docx_download_of_an_edited_draft_still_maps_paragraphs() -> None:
    data = make_docx()
    draft = read_upload("story.docx", data)
    edited = draft.text.replace("Nothing to change here.", "Something changed here.")
    back = docx.Document(io.BytesIO(download_bytes(draft, edited)[0]))
    assert back.paragraphs[3].text == "Something changed here. Second run."
    assert back.paragraphs[3].style.name == "Quote"
    # a rewrite that merges paragraphs cannot be mapped: a fresh document, one paragraph per block
    merged = draft.text.replace("change\n\nThe", "change The")
    fresh = docx.Document(io.BytesIO(download_bytes(draft, merged)[0]))
    assert fresh.paragraphs[0].text.startswith("A harbinger of change The council")


def test_docx_paragraph_texts_refuses_a_lost_boundary() -> None:
    from rewriter.docxio import paragraph_texts, read_docx

    doc = read_docx(make_docx())
    with pytest.raises(InputError):
        paragraph_texts(doc, doc.text.replace("\n\n", " ", 1))
    assert paragraph_texts(doc, doc.text) == [doc.text[a:b] for a, b in doc.spans]


def test_refused_says_why_an_accepted_edit_was_not_applied(config: Config) -> None:
    from rewriter.editor import refused

    text = 'She said "we met in order to talk" and left in order to rest.'
    flagged = config.replace(quotes="flag")
    report = analyze(text, flagged)
    keys = {s.key: s.observed for s in suggestions(report)}
    assert len(keys) == 2
    result = rewrite(text, config=flagged, accept=set(keys), report=report)
    assert result.text == 'She said "we met in order to talk" and left to rest.'
    lines = refused(result, keys)
    assert len(lines) == 1 and lines[0].startswith("line 1, TST001 'in order to': touches a protected region")


def test_metric_rows_show_before_and_after_and_no_zero_delta() -> None:
    before = {"flesch_kincaid_grade": 15.04, "reading_time_seconds": 100.0, "hard_sentences": 4}
    rows = {r.key: r for r in metric_rows(before, dict(before, flesch_kincaid_grade=11.0, reading_time_seconds=89.0))}
    assert rows["flesch_kincaid_grade"].change == "15.0 → 11.0" and rows["flesch_kincaid_grade"].delta_text == "-4.0"
    assert rows["reading_time_seconds"].change == "1:40 → 1:29" and rows["reading_time_seconds"].delta_text == "-11 s"
    assert rows["hard_sentences"].change == "4" and rows["hard_sentences"].delta_text is None
    tiny = metric_rows({"reading_time_seconds": 60.2}, {"reading_time_seconds": 59.9})[0]
    assert tiny.change == "1 min 00 s" and tiny.delta_text is None  # never "-0 s"


def test_a_pasted_draft_is_told_from_an_edited_one() -> None:
    from rewriter.editor import is_new_draft

    old = "The ferry left at noon.\n\nIt carried forty cars.\n\nThe crossing took an hour."
    assert not is_new_draft(old, old.replace("forty", "fifty"))  # one paragraph of three changed
    assert not is_new_draft(old, "Today: " + old)  # two of three paragraphs as they were
    assert is_new_draft(old, "A bakery opened on Main Street.\n\nIt sells rye bread.")
    assert is_new_draft("", "Anything at all.") and not is_new_draft(old, "   ")


def test_very_hard_sentences_made_hard_are_not_shown_as_a_loss() -> None:
    before = {"hard_sentences": 2, "very_hard_sentences": 7}
    rows = {r.key: r for r in metric_rows(before, {"hard_sentences": 8, "very_hard_sentences": 1})}
    assert rows["hard_sentences"].change == "2 → 8" and rows["hard_sentences"].delta_color == "off"
    assert "no sentence became harder" in rows["hard_sentences"].note
    assert rows["very_hard_sentences"].delta_color == "inverse" and not rows["very_hard_sentences"].note
    # a real rise (more sentences hard or very hard than before) keeps its red
    worse = {r.key: r for r in metric_rows(before, {"hard_sentences": 8, "very_hard_sentences": 6})}
    assert worse["hard_sentences"].delta_color == "inverse" and not worse["hard_sentences"].note
