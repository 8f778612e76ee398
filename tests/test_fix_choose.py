"""fix.choose picks the same edits, in the same order, with the same skips, as the quadratic scan it
replaced (kept here as the reference), on many random edit sets: nested, touching and equal ranges,
insertions, ties of length and start, every applicability, accepted sets given as sets, tuples or
lists, and picked alternatives."""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rewriter.fix import Skipped, _overlap, choose, finding_key, fix_candidates
from rewriter.model import Applicability, Edit, Finding, Fix, Report, Severity


def reference_choose(
    report: Report, required: Applicability, accept: Collection[str] | None, choices: Mapping[str, str] | None
) -> tuple[list[tuple[Finding, Edit]], list[Skipped]]:
    """fix.choose as it was before it was made near-linear: the same candidates, each checked
    against every edit taken."""
    candidates, skipped = fix_candidates(report, required, accept, choices)
    taken: list[Edit] = []
    picked = []
    for f, e in candidates:
        if any(_overlap(e, t) for t in taken):
            skipped.append(Skipped(f, "overlaps a longer fix"))
            continue
        taken.append(e)
        picked.append((f, e))
    picked.sort(key=lambda fe: fe[1].start)
    return picked, skipped


CODES = ("INF001", "WRD001", "RED001", "SEN001")


def random_case(rng: random.Random, n: int, span: int, reversed_edits: bool = False) -> tuple[
        Report, Applicability, Collection[str] | None, dict[str, str]]:
    findings = []
    for k in range(n):
        start = rng.randrange(span)
        length = rng.choice((0, 0, 1, 1, 2, 3, 5, 8, rng.randrange(span)))
        end = min(span, start + length)
        if reversed_edits and rng.random() < 0.1:
            start, end = end, start
        applicability = rng.choice(list(Applicability))
        alternatives = tuple(f"alt{k}-{j}" for j in range(rng.randrange(3)))
        edits = (Edit(start, end, f"r{k}"),)
        if rng.random() < 0.08:  # a multi-edit fix, or one with no edit at all
            edits = (*edits, Edit(end, end, "x")) if rng.random() < 0.7 else ()
        option_edits = tuple(Edit(start, end, a) for a in alternatives[: rng.randrange(len(alternatives) + 1)])
        fix = None if rng.random() < 0.1 else Fix(edits, applicability, f"fix {k}", alternatives, option_edits,
                                                  why_not=rng.choice(("", "a reason")))
        findings.append(Finding(rng.choice(CODES), "name", "cat", Severity.WARNING, start, end, f"m{k}", fix,
                                {"observed": "Word"}))
    report = Report("t.txt", "x" * (span + 10), tuple(findings), {})
    required = rng.choice((Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY_ONLY))
    keys = [finding_key(f) for f in findings]
    accept: Collection[str] | None = None
    if rng.random() < 0.7:
        chosen = [k for k in keys if rng.random() < 0.75]
        accept = rng.choice((set(chosen), tuple(chosen), list(chosen), frozenset(chosen)))
    choices = {}
    for f in findings:
        if f.fix is not None and f.fix.alternatives and rng.random() < 0.4:
            choices[finding_key(f)] = rng.choice((*f.fix.alternatives, "not an alternative", f"r{findings.index(f)}"))
    return report, required, accept, choices


def assert_same(report: Report, required: Applicability, accept: Collection[str] | None,
                choices: Mapping[str, str]) -> None:
    got = choose(report, required, accept, choices)
    want = reference_choose(report, required, accept, choices)
    assert got[0] == want[0]
    assert got[1] == want[1]
    # the same objects, not only equal ones (findings may compare equal)
    assert [id(f) for f, _ in got[0]] == [id(f) for f, _ in want[0]]
    assert [id(s.finding) for s in got[1]] == [id(s.finding) for s in want[1]]


@pytest.mark.parametrize("seed", range(300))
def test_choose_equals_the_quadratic_scan(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.choice((0, 1, 2, 5, 20, 60, 200))
    span = rng.choice((3, 10, 40, 400))
    assert_same(*random_case(rng, n, span, reversed_edits=seed % 7 == 0))


def test_choose_equals_the_quadratic_scan_on_a_long_draft() -> None:
    rng = random.Random(12)
    for _ in range(5):
        assert_same(*random_case(rng, 1500, 30_000))


edit_st = st.tuples(st.integers(0, 30), st.integers(0, 6)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(edit_st, st.sampled_from(list(Applicability)), st.sampled_from(CODES)), max_size=40),
       st.sampled_from((Applicability.SAFE, Applicability.UNSAFE)), st.booleans())
def test_choose_equals_the_quadratic_scan_hypothesis(specs: list[tuple[tuple[int, int], Applicability, str]],
                                                     required: Applicability, accept_all: bool) -> None:
    findings = tuple(Finding(code, "name", "cat", Severity.WARNING, s, e, "m",
                             Fix((Edit(s, e, f"r{k}"),), app, "t"))
                     for k, ((s, e), app, code) in enumerate(specs))
    report = Report("t.txt", "x" * 40, findings, {})
    accept = tuple(finding_key(f) for f in findings) if accept_all else None
    assert_same(report, required, accept, {})


def test_touching_ranges_and_insertions() -> None:
    """Ranges that touch do not overlap; an insertion at either end of a range does."""
    def f(s: int, e: int, code: str = "WRD001") -> Finding:
        return Finding(code, "n", "c", Severity.WARNING, s, e, "m", Fix((Edit(s, e, "r"),), Applicability.SAFE, "t"))

    report = Report("t.txt", "x" * 20, (f(0, 5), f(5, 8), f(8, 8), f(3, 3), f(10, 10), f(10, 10, "INF001"),
                                        f(12, 12), f(11, 13)), {})
    picked, skipped = choose(report, Applicability.SAFE, None, None)
    assert [(e.start, e.end) for _, e in picked] == [(0, 5), (5, 8), (10, 10), (11, 13)]
    assert {(s.finding.start, s.finding.end, s.finding.code) for s in skipped} == {
        (8, 8, "WRD001"), (3, 3, "WRD001"), (10, 10, "WRD001"), (12, 12, "WRD001")}
    assert_same(report, Applicability.SAFE, None, None)


def test_taken_edits_in_any_order() -> None:
    """The search itself, with an insertion taken before a range (choose takes ranges first)."""
    from rewriter.fix import _Taken

    rng = random.Random(5)
    for _ in range(400):
        taken, scan = _Taken(), []
        for _ in range(rng.randrange(1, 30)):
            s = rng.randrange(20)
            e = Edit(s, s + rng.choice((0, 0, 1, 2, 4)), "")
            want = any(_overlap(e, t) for t in scan)
            assert taken.overlaps(e) == want
            if not want:
                taken.add(e)
                scan.append(e)
