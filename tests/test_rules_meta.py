"""Meta-tests over the rule registry: every rule documented and exemplified, codes and names
well formed, lexicon entries complete, and no default replacement re-triggers its own rule."""

from __future__ import annotations

import bisect
import re

import pytest
from examples import EXAMPLES, KNOWN_FAILURES

from rewriter import Config, analyze
from rewriter.model import Applicability
from rewriter.rules import all_rules, find_rule
from rewriter.rules.lexicon import Entry, builtin_lexicons

RULES = all_rules()
CODES = [r.code for r in RULES]

# (code, match) pairs whose default replacement may flag its own rule when checked alone, with
# the reason. Keep this empty unless there is truly no better replacement.
REPLACEMENT_EXCEPTIONS: dict[tuple[str, str], str] = {}


def _entries() -> list[Entry]:
    return [e for lex in builtin_lexicons() for e in lex.entries]


def test_every_rule_has_flag_and_pass_examples() -> None:
    missing = [c for c in CODES if c not in EXAMPLES]
    assert not missing, f"rules without examples in tests/examples.py: {missing}"
    for code in CODES:
        for kind in ("flag", "pass"):
            working = [t for t in EXAMPLES[code][kind] if (code, t) not in KNOWN_FAILURES]
            assert working, f"{code} has no should-{kind} example (known failures do not count)"


def test_known_failures_are_examples() -> None:
    for code, text in KNOWN_FAILURES:
        assert text in EXAMPLES[code]["flag"] + EXAMPLES[code]["pass"], (code, text)


def test_every_example_code_is_a_rule() -> None:
    unknown = sorted(set(EXAMPLES) - set(CODES))
    assert not unknown, f"examples for codes no rule has: {unknown}"
    for code, table in EXAMPLES.items():
        assert set(table) <= {"flag", "pass", "select", "languagetool", "languagetool-rules"}, code
        for extra in table.get("select", ()):
            assert find_rule(extra) is not None, f"{code} selects unknown {extra}"


def test_codes_are_unique_and_well_formed() -> None:
    assert len(CODES) == len(set(CODES))
    for code in CODES:
        assert re.fullmatch(r"[A-Z]{2,4}\d{3}", code), code


def test_names_are_kebab_case_and_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    for name in names:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name), name


@pytest.mark.parametrize("code", CODES)
def test_rule_doc_has_the_fixed_sections(code: str) -> None:
    info = find_rule(code)
    assert info is not None and info.code == code
    doc = info.doc()
    assert doc.startswith(f"# {code} {info.name}\n")
    sections = re.split(r"^## ", doc, flags=re.M)
    bodies = {s.split("\n", 1)[0]: s.split("\n", 1)[1].strip() for s in sections[1:]}
    for section in ("What it does", "Why it matters", "Example"):
        assert bodies.get(section), f"{code}: empty or missing '## {section}'"
    assert info.summary.strip() and info.category.strip()
    if not info.default_enabled:
        assert "Off unless selected" in doc


def test_rules_are_found_by_code_and_name() -> None:
    for info in RULES:
        assert find_rule(info.code) == info
        assert find_rule(info.code.lower()) == info
        assert find_rule(info.name) == info
    assert find_rule("NOPE999") is None


def test_every_lexicon_entry_is_complete() -> None:
    problems = []
    for e in _entries():
        if not e.reason.strip():
            problems.append(f"{e.rule} '{e.match}': no reason")
        if not e.source.strip():
            problems.append(f"{e.rule} '{e.match}': no source")
        if not e.replace:
            problems.append(f"{e.rule} '{e.match}': no replacement")
        if e.replace and e.replace[0].strip().lower() == e.match:
            problems.append(f"{e.rule} '{e.match}': replaced by itself")
        if not isinstance(e.applicability, Applicability):
            problems.append(f"{e.rule} '{e.match}': bad applicability")
        if len(e.reason) > 120:
            problems.append(f"{e.rule} '{e.match}': reason longer than 120 characters")
    assert not problems, "\n".join(problems)


def test_every_lexicon_rule_has_entries_and_a_data_file() -> None:
    for lex in builtin_lexicons():
        assert lex.entries, lex.info.code
        assert lex.info.origin.endswith(".toml")


def _check_alone(code: str, entries: list[Entry], texts: list[str]) -> dict[str, str]:
    """Check each text alone (one paragraph each, one analysis in all): match -> message of the
    first ``code`` finding in the text made for that entry."""
    starts = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 2
    out: dict[str, str] = {}
    for f in analyze("\n\n".join(texts), Config(select=(code,), quotes="flag")).findings:
        if f.code == code:
            out.setdefault(entries[bisect.bisect_right(starts, f.start) - 1].match, f.message)
    return out


def _retriggers() -> list[str]:
    bad = []
    for lex in builtin_lexicons():
        code = lex.info.code
        entries = [e for e in lex.entries
                   if e.replace[0].strip() and (code, e.match) not in REPLACEMENT_EXCEPTIONS]
        found = _check_alone(code, entries, [e.replace[0] for e in entries])
        bad.extend(f"{code} '{m}' -> replacement flagged again: {msg}" for m, msg in found.items())
    return bad


def test_the_check_alone_method_finds_matches() -> None:
    # the re-trigger test would pass vacuously if checking texts this way found nothing: the
    # matches themselves (entries without context filters, every fifth one) must be found
    for lex in builtin_lexicons():
        sample = [e for e in lex.entries if not (e.pos or e.require_next or e.require_prev)][::5]
        if not sample:
            continue
        found = _check_alone(lex.info.code, sample, [e.match for e in sample])
        missed = [e.match for e in sample if e.match not in found]
        # a rare word on its own is sometimes taken for a name by the entity recognizer ("inter alia"
        # alone is an ORG): allow 10%, and one in a small sample
        assert len(missed) <= max(1, len(sample) // 10), f"{lex.info.code}: alone, these are not found: {missed}"


def test_no_default_replacement_retriggers_its_own_rule() -> None:
    bad = _retriggers()
    assert not bad, "\n".join(bad)


def test_replacement_exceptions_are_still_needed() -> None:
    matches = {(e.rule, e.match) for e in _entries()}
    stale = [k for k in REPLACEMENT_EXCEPTIONS if k not in matches]
    assert not stale, f"exceptions for entries that no longer exist: {stale}"


def test_every_family_is_declared_once_with_words_and_a_colour() -> None:
    from rewriter.rules import families

    groups = families()
    assert set(groups) == {r.family for r in RULES}
    for prefix, group in groups.items():
        assert group.prefix == prefix
        assert group.label and group.label != prefix.lower(), f"{prefix} has no label in words"
        assert re.fullmatch(r"#[0-9a-f]{6}", group.color), f"{prefix} has no colour"
        # every rule of a family agrees with the family it belongs to
        assert all(r.group == group for r in RULES if r.family == prefix), prefix
    # word-scope families are painted as marks: their colours must tell them apart
    marks = [g.color for g in groups.values() if g.scope == "word"]
    assert len(set(marks)) == len(marks)
    assert {p for p, g in groups.items() if g.scope == "sentence"} == {"RD"}
    lexical = {p for p, g in groups.items() if g.lexical}
    assert lexical == {r.family for r in RULES if r.origin != "builtin"}
    assert not lexical & {"PAS", "RD", "GRM", "RW"}


def test_a_family_nobody_declares_gets_defaults() -> None:
    from rewriter.rules import family

    assert family("INF001").label == "inflated" and family("INF").lexical
    unknown = family("ZZQ001")
    assert (unknown.prefix, unknown.scope, unknown.lexical) == ("ZZQ", "word", False)
