"""EditorState.sync binds a check's suggestions to the decisions exactly as the scan it replaced
(kept here as the reference) did, on many random sets of subjects with repeats and near misses;
it looks records up by subject, so a long draft's sync is no longer quadratic."""

from __future__ import annotations

import copy
import random

import pytest

from rewriter.editor import Decision, EditorState, Subject, Suggestion, _Record
from rewriter.model import Applicability

WORDS = ("a", "b", "c")


def reference_bind(records: list[_Record], items: list[Suggestion]) -> dict[str, _Record]:
    """EditorState.sync's matching as it was: every suggestion scans the free records."""
    free = list(records)
    bound: dict[str, _Record] = {}
    pending = list(items)
    for exact in (True, False):
        rest = []
        for s in pending:
            rec = next((r for r in free if (r.subject == s.subject if exact else r.subject.near(s.subject))), None)
            if rec is None:
                rest.append(s)
                continue
            free.remove(rec)
            rec.subject = s.subject
            bound[s.id] = rec
        pending = rest
    return bound


def subject(rng: random.Random) -> Subject:
    def words() -> tuple[str, ...]:
        return tuple(rng.choice(WORDS) for _ in range(rng.randrange(3)))

    return Subject(rng.choice(("INF001", "WRD001")), rng.choice(("x", "y")), rng.choice(("p", "q")), words(), words())


def items_of(subjects: list[Subject]) -> list[Suggestion]:
    return [Suggestion(key=f"k{i}", code=s.code, family=s.code[:3], start=i, end=i + 1, line=1, observed=s.observed,
                       replacement=s.replacement, options=(s.replacement,), applicability=Applicability.UNSAFE,
                       message="m", subject=s, id=f"id{i}") for i, s in enumerate(subjects)]


@pytest.mark.parametrize("seed", range(200))
def test_sync_binds_as_the_scan_did(seed: int) -> None:
    rng = random.Random(seed)
    state = EditorState()
    state.open("none")
    first = items_of([subject(rng) for _ in range(rng.randrange(40))])
    state.sync(first)
    for s in first:  # decisions that tell the records apart
        if rng.random() < 0.5:
            state.decide(s, rng.random() < 0.5)
    for _ in range(3):  # checks of edited drafts, one after another
        later = items_of([subject(rng) for _ in range(rng.randrange(40))])
        records = copy.deepcopy(state._records)
        want = reference_bind(records, later)
        state.sync(later)
        index = {id(r): k for k, r in enumerate(state._records)}
        got = {sid: index[id(rec)] for sid, rec in state._bound.items()}
        ref_index = {id(r): k for k, r in enumerate(records)}
        assert got == {sid: ref_index[id(rec)] for sid, rec in want.items()}
        assert [r.subject for r in state._records] == [r.subject for r in records]
        assert all(isinstance(r.decision, Decision) for r in state._records)
