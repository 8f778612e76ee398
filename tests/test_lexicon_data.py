"""The lexicon data and its format: sizes, broken files, house lexicons, names and POS filters."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import HOUSE_LEXICON, write_house_lexicon

from rewriter import Config, analyze
from rewriter.cli import main
from rewriter.model import code_family
from rewriter.rules import all_rules, checkers
from rewriter.rules.lexicon import DATA_DIR, LexiconError, builtin_lexicons, load_lexicon
from rewriter.rules.lexicon.schema import Entry

LEXICAL = ("INF", "WRD", "RED", "CLI", "HDG", "NOM")
HOUSE = ("NWS",)  # built-in house-style lexicons (newsroom.toml)


def _counts() -> Counter[str]:
    return Counter({lex.info.code: len(lex.entries) for lex in builtin_lexicons()})


def test_at_least_600_entries_in_all() -> None:
    counts = _counts()
    total = sum(counts.values())
    assert total >= 600, f"issue #2 asks for at least 600 lexicon entries; the data has {total}: {dict(counts)}"


def test_at_least_300_inflated_entries() -> None:
    counts = _counts()
    inflated = counts["INF001"] + counts["INF002"]
    assert inflated >= 300, (f"issue #2 asks for at least 300 inflated words and stock phrases (INF001 + INF002); "
                             f"the data has {inflated}: {dict(counts)}")


def test_every_data_file_is_a_rule_and_codes_are_unique() -> None:
    files = sorted(DATA_DIR.glob("*.toml"))
    assert len(builtin_lexicons()) == len(files)
    codes = [lex.info.code for lex in builtin_lexicons()]
    assert len(codes) == len(set(codes))
    assert {code_family(c) for c in codes} <= set(LEXICAL) | set(HOUSE)


def _disjoint(a: Entry, b: Entry) -> bool:
    """Two entries for one match that can never fire on the same words: one needs an object the
    other excludes ('eliminate' + PERSON is NWS001's 'kill', any other 'eliminate' NWS003's)."""
    return bool(a.object_ent and a.object_ent <= b.exclude_object_ent) or bool(
        b.object_ent and b.object_ent <= a.exclude_object_ent)


def test_no_match_appears_in_two_lexicons() -> None:
    seen: dict[tuple[str, ...], tuple[str, Entry]] = {}
    clashes = []
    for lex in builtin_lexicons():
        for e in lex.entries:
            if e.words in seen and not _disjoint(seen[e.words][1], e):
                clashes.append(f"'{e.match}' in {seen[e.words][0]} and {lex.info.code}")
            seen[e.words] = (lex.info.code, e)
    assert not clashes, "\n".join(clashes)


def test_object_filters_split_one_word_between_two_lexicons() -> None:
    both = Config(select=("NWS001", "NWS003"))
    person = analyze("Troops moved in to eliminate Osama bin Laden in 2011.", config=both).findings
    assert [(f.code, f.fix.edits[0].replacement if f.fix else None) for f in person if "eliminate" in f.message] \
        == [("NWS001", "kill")]
    tax = analyze("The plan would eliminate the fuel tax.", config=both).findings
    assert [f.code for f in tax if "eliminate" in f.message] == ["NWS003"]


# --- broken files ---------------------------------------------------------------------------------

GOOD_ENTRY = '''
[[entry]]
match = "zorblax"
replace = ["plain"]
reason = "test"
applicability = "safe"
source = "own"
'''


def _broken(tmp_path: Path, extra_entry: str) -> Path:
    path = tmp_path / "broken.toml"
    path.write_text(HOUSE_LEXICON.split("[[entry]]")[0] + GOOD_ENTRY.replace("zorblax", "alpha") + extra_entry,
                    encoding="utf-8")
    return path


def _line_of_last_entry(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(n for n, line in enumerate(lines, 1) if line.strip() == "[[entry]]")


def _assert_names_a_line_of_the_last_entry(msg: str, path: Path) -> None:
    """The message starts with ``path:LINE:`` where LINE is in the broken (last) entry: its
    ``[[entry]]`` line or the line of the bad key."""
    prefix = f"{path}:"
    assert msg.startswith(prefix), msg
    line = int(msg[len(prefix) :].split(":", 1)[0])
    last = len(path.read_text(encoding="utf-8").splitlines())
    assert _line_of_last_entry(path) <= line <= last, msg


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        (GOOD_ENTRY.replace('source = "own"', 'source = "own"\ncolour = "red"'), "unknown key 'colour'"),
        (GOOD_ENTRY.replace('"safe"', '"sorta"'), "unknown applicability 'sorta'"),
        (GOOD_ENTRY.replace("zorblax", "Alpha"), "duplicate match 'alpha'"),
        (GOOD_ENTRY.replace('reason = "test"\n', ""), "'reason'"),
        (GOOD_ENTRY.replace('source = "own"\n', ""), "'source'"),
        (GOOD_ENTRY.replace('replace = ["plain"]', "replace = 3"), "'replace'"),
        (GOOD_ENTRY.replace('source = "own"', 'source = "own"\npos = ["NOUNISH"]'), "NOUNISH"),
        (GOOD_ENTRY.replace('replace = ["plain"]', 'replace = ["to {VERB}"]'), "the only slot is one '{VB}'"),
        (GOOD_ENTRY.replace('replace = ["plain"]', 'replace = ["to{VB}"]'), "the only slot is one '{VB}'"),
        (GOOD_ENTRY.replace('source = "own"', 'source = "own"\nobject_ent = ["HUMAN"]'), "entity label 'HUMAN'"),
        (GOOD_ENTRY.replace('source = "own"', 'source = "own"\nrequire_earlier = "could"'), "'require_earlier'"),
    ],
)
def test_broken_entry_names_file_and_line(tmp_path: Path, entry: str, words: str) -> None:
    path = _broken(tmp_path, entry)
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    msg = str(err.value)
    _assert_names_a_line_of_the_last_entry(msg, path)
    assert words in msg


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("", "'code'"),  # no code at all
        ('code = "tst1"', "bad code"),
        ('code = "TST001"\nflavour = 1', "flavour"),
    ],
)
def test_broken_header_names_the_file(tmp_path: Path, header: str, words: str) -> None:
    path = tmp_path / "head.toml"
    path.write_text(HOUSE_LEXICON.replace('code = "TST001"', header), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(path)
    assert str(path) in str(err.value) and words in str(err.value)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('code = "TST001\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="invalid TOML") as err:
        load_lexicon(path)
    assert str(path) in str(err.value)


def test_broken_house_lexicon_through_the_cli_is_exit_2(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lex = _broken(isolated_cwd, GOOD_ENTRY.replace('"safe"', '"sorta"'))
    (isolated_cwd / ".rewriter.toml").write_text(f'extra-lexicons = ["{lex.name}"]\n', encoding="utf-8")
    (isolated_cwd / "story.md").write_text("Text.\n", encoding="utf-8")
    assert main(["check", "story.md"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "sorta" in err
    _assert_names_a_line_of_the_last_entry(err.removeprefix("rewriter: error: "), lex.resolve())


def test_house_lexicon_code_clash_with_a_builtin(tmp_path: Path) -> None:
    path = write_house_lexicon(tmp_path, HOUSE_LEXICON.replace("TST001", "PAS001"))
    with pytest.raises(LexiconError, match="PAS001"):
        checkers((str(path),))


# --- a house lexicon ----------------------------------------------------------------------------


def test_house_lexicon_with_its_own_code(house_lexicon: Path) -> None:
    extra = (str(house_lexicon),)
    info = next(r for r in all_rules(extra) if r.code == "TST001")
    assert info.name == "test-house-word" and info.category == "house"
    assert "TST001" not in [r.code for r in all_rules()]
    text = "A harbinger came, and in order to win we wrote zorblax."
    report = analyze(text, Config(extra_lexicons=extra, select=("TST",)))
    got = [(f.code, text[f.start : f.end], f.fix.edits[0].replacement if f.fix else None) for f in report.findings]
    assert got == [("TST001", "harbinger", "sign"), ("TST001", "in order to", "to"), ("TST001", "zorblax", "plain")]
    assert report.findings[0].message == "'harbinger' is house-banned; try 'sign'"
    assert report.findings[0].data["source"] == "own"


def test_house_lexicon_inflections_and_longest_match(tmp_path: Path) -> None:
    body = HOUSE_LEXICON + '''
[[entry]]
match = "harbinger of doom"
replace = ["warning"]
reason = "stock phrase"
applicability = "unsafe"
source = "own"
'''
    path = write_house_lexicon(tmp_path, body)
    config = Config(extra_lexicons=(str(path),), select=("TST",))
    text = "Two harbingers came. It was a harbinger of doom."
    found = [(text[f.start : f.end], f.data["match"]) for f in analyze(text, config).findings]
    assert found == [("harbingers", "harbinger"), ("harbinger of doom", "harbinger of doom")]


def test_house_pos_filter(tmp_path: Path) -> None:
    body = HOUSE_LEXICON + '''
[[entry]]
match = "novel"
replace = ["new"]
reason = "inflated adjective"
applicability = "unsafe"
source = "own"
pos = ["ADJ"]
'''
    config = Config(extra_lexicons=(str(write_house_lexicon(tmp_path, body)),), select=("TST",))
    found = analyze("They tried a novel approach to parking.", config).findings
    assert [f.data["observed"] for f in found] == ["novel"]
    assert analyze("She wrote a novel about the war.", config).findings == ()
    assert analyze("Her first novel sold well.", config).findings == ()


# --- the built-in data on names and senses -------------------------------------------------------

INF = Config(select=("INF",))


def _inf(text: str) -> list[str]:
    return [text[f.start : f.end].lower() for f in analyze(text, INF).findings if f.family == "INF"]


@pytest.mark.parametrize(
    ("word", "plain", "name"),
    [
        ("beacon", "The park is a beacon of hope for the neighbourhood.",
         "Beacon Capital said on Monday it had sold the mill."),
        ("harbinger", "The strike was a harbinger of worse to come.", "Shares in the Harbinger Group fell on Friday."),
        ("cornerstone", "The new law is a cornerstone of the plan.",
         "She works at Cornerstone Bank in the town centre."),
        ("catalyst", "The deal was a catalyst for growth.", "A spokesman for Catalyst Partners declined to comment."),
    ],
)
def test_proper_names_are_never_flagged(word: str, plain: str, name: str) -> None:
    assert any(word in span for span in _inf(plain)), f"the common use should be flagged: {plain!r}"
    assert _inf(name) == [], f"a proper name was flagged in {name!r}: {_inf(name)}"


def test_plain_news_vocabulary_is_not_flagged() -> None:
    text = ("The city council approved the budget on Tuesday, the mayor said. However, two members voted "
            "against it. Police arrested a man after the crash and said he would appear in court. The "
            "school will open next week, officials said, and buses will run as usual.")
    lexical = [f for f in analyze(text, Config(select=LEXICAL)).findings]
    assert lexical == [], [(f.code, f.data.get("observed")) for f in lexical]


def _has_entry(code: str, match: str) -> bool:
    return any(lex.info.code == code and any(e.match == match for e in lex.entries) for lex in builtin_lexicons())


def _pos_entries() -> list[tuple[str, str, frozenset[str]]]:
    return [(lex.info.code, e.match, e.pos) for lex in builtin_lexicons() for e in lex.entries if e.pos]


def test_builtin_pos_filter_novel() -> None:
    entry = [(c, m, p) for c, m, p in _pos_entries() if m == "novel"]
    if not entry:
        pytest.skip("no 'novel' entry with a part-of-speech filter in the data")
    assert _inf("Engineers found a novel way to cut costs.") == ["novel"]
    assert _inf("The author's new novel comes out in May.") == []


def test_builtin_pos_filter_landmark() -> None:
    if not [m for _, m, _ in _pos_entries() if m == "landmark"] and not _has_entry("INF001", "landmark"):
        pytest.skip("no 'landmark' entry in the data")
    assert "landmark" in _inf("The court issued a landmark ruling on Friday.")
    assert _inf("The old mill is a local landmark.") == []


def test_builtin_pos_filter_intensifier() -> None:
    # HDG002 'pretty' is an adverb filter: the adjective passes
    config = Config(select=("HDG002",))
    assert [f.data["observed"] for f in analyze("The test was pretty hard.", config).findings] == ["pretty"]
    assert analyze("They planted a pretty garden.", config).findings == ()


def test_a_refused_mass_noun_plural_is_never_named_in_the_message(tmp_path: Path) -> None:
    # every alternative is a mass noun, so the plural fix is refused; the message still names a
    # real word for the person to fit in, never "advices"
    body = HOUSE_LEXICON + '''
[[entry]]
match = "counsel"
replace = ["advice"]
reason = "formal noun"
applicability = "unsafe"
source = "own"
pos = ["NOUN"]
'''
    path = write_house_lexicon(tmp_path, body)
    config = Config(extra_lexicons=(str(path),), select=("TST",))
    text = "The counsels of the elders were ignored."
    found = [f for f in analyze(text, config).findings if f.code == "TST001"]
    assert len(found) == 1, found
    assert "'advice'" in found[0].message and "advices" not in found[0].message, found[0].message
    assert found[0].fix is not None and found[0].fix.applicability.name == "DISPLAY_ONLY"
