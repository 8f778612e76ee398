"""rewriter.editor.EditorState: the editor's decisions stick to what they are about, not to offsets.

Each test is one of the defects of issue 12, replayed without Streamlit: check, decide, edit the
draft (or change a setting), check again, and look at which suggestions are ticked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rewriter import Config, analyze
from rewriter.editor import EditorState, Suggestion, subject_of, suggestions
from rewriter.fix import rewrite

LEXICON = '''\
code = "TSD001"
name = "test-decision-word"
category = "house"
severity = "warning"
summary = "Words for the decision tests"
message = "'{observed}' is house-banned; try '{replacement}'"
what = "Flags the decision tests' words."
why = "Tests need data they control."
example = "Given: 'a portent of spring'. Use instead: 'a sign of spring'."
fix_safety = "Unsafe for the literary words, safe for the wordy phrase."

[[entry]]
match = "harbinger"
replace = ["sign", "forerunner"]
reason = "literary word"
applicability = "unsafe"
source = "own"

[[entry]]
match = "portent"
replace = ["sign"]
reason = "literary word"
applicability = "unsafe"
source = "own"

[[entry]]
match = "commence"
replace = ["begin", "start"]
reason = "formal word"
applicability = "unsafe"
source = "own"

[[entry]]
match = "in order to"
replace = ["to"]
reason = "wordy"
applicability = "safe"
source = "own"
'''

DRAFT = ("The harbinger of spring came early this year.\n\n"
         "Gardeners met in order to commence the planting on Monday.\n\n"
         "A second harbinger arrived at the lake a week later.")


@pytest.fixture
def config(tmp_path: Path) -> Config:
    lexicon = tmp_path / "decisions.toml"
    lexicon.write_text(LEXICON, encoding="utf-8")
    return Config(extra_lexicons=(str(lexicon),), select=("TSD",))


def check(state: EditorState, text: str, config: Config, *, unsafe: bool = True) -> list[Suggestion]:
    return state.sync(suggestions(analyze(text, config), unsafe=unsafe))


def ticked(state: EditorState, items: list[Suggestion]) -> list[tuple[str, int]]:
    """(observed word, line) of each ticked suggestion."""
    return [(s.observed, s.line) for s in items if state.accepted(s)]


def find(items: list[Suggestion], observed: str, line: int | None = None) -> Suggestion:
    found = [s for s in items if s.observed == observed and (line is None or s.line == line)]
    assert len(found) == 1, [(s.observed, s.line) for s in items]
    return found[0]


def test_subject_has_no_offsets_and_ignores_edits_further_away() -> None:
    a = "The harbinger of spring came early."
    b = "Today, after rain, the harbinger of spring came early."
    sa = subject_of(a, a.index("harbinger"), a.index("harbinger") + 9, "X001", "sign")
    sb = subject_of(b, b.index("harbinger"), b.index("harbinger") + 9, "X001", "sign")
    assert sa.after == sb.after == ("of", "spring", "came")
    assert sa.before == ("the",) and sb.before == ("after", "rain", "the")
    assert sa != sb and sa.near(sb) and sb.near(sa)
    other = subject_of(b, b.index("spring"), b.index("spring") + 6, "X001", "sign")
    assert not sa.near(other)


def test_safe_edits_start_ticked_and_the_rest_not(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    assert ticked(state, items) == [("in order to", 3)]
    assert [s.observed for s in items] == ["harbinger", "in order to", "commence", "harbinger"]
    assert len({s.id for s in items}) == 4


def test_a_tick_stays_after_prepending_today(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    state.decide(find(items, "harbinger", 1), True)
    state.decide(find(items, "in order to"), False)
    items = check(state, "Today, t" + DRAFT[1:], config)  # "Today, the harbinger of spring ..."
    assert ticked(state, items) == [("harbinger", 1)]
    # and the rewrite applies exactly that edit, at its new place
    text = "Today, t" + DRAFT[1:]
    result = rewrite(text, config=config, accept=set(state.accept_keys(items)), choices=state.choices(items))
    assert result.text.startswith("Today, the sign of spring came early")
    assert "A second harbinger arrived" in result.text and "met in order to commence" in result.text


def test_accept_all_then_edit_elsewhere_keeps_every_tick(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    state.select(items, "all")
    assert len(ticked(state, items)) == 4
    edited = "Today, t" + DRAFT[1:].replace("on Monday", "on Tuesday morning") + "\n\nNothing else changed."
    items = check(state, edited, config)
    assert len(items) == 4 and len(ticked(state, items)) == 4


def test_changing_the_ticked_word_does_not_carry_the_tick(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    state.decide(find(items, "harbinger", 1), True)
    items = check(state, DRAFT.replace("The harbinger", "The portent", 1), config)
    portent = find(items, "portent")
    assert not state.accepted(portent) and state.decision(portent) is None
    assert ticked(state, items) == [("in order to", 3)]
    # the other harbinger (another sentence) was never ticked and is not now
    assert not state.accepted(find(items, "harbinger"))


def test_the_tick_is_not_carried_to_the_same_word_elsewhere(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    state.decide(find(items, "harbinger", 1), True)
    # the first paragraph is deleted: its decision must not land on the other "harbinger"
    items = check(state, DRAFT.split("\n\n", 1)[1], config)
    assert not state.accepted(find(items, "harbinger"))


def test_toggling_unsafe_edits_off_and_on_keeps_ticks(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    state.select(items, "all")
    state.decide(find(items, "in order to"), False)
    assert len(ticked(state, items)) == 3
    safe_only = check(state, DRAFT, config, unsafe=False)
    assert [s.observed for s in safe_only] == ["in order to"] and ticked(state, safe_only) == []
    items = check(state, DRAFT, config)
    assert ticked(state, items) == [("harbinger", 1), ("commence", 3), ("harbinger", 5)]


def test_a_picked_alternative_is_kept_and_labels_follow_it(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    commence = find(items, "commence")
    assert "'commence' → 'begin'" in state.label(commence)
    state.pick(commence, "start")
    assert state.accepted(commence) and state.choice(commence) == "start"
    assert "'commence' → 'start'" in state.label(commence) and "begin" not in state.label(commence)
    with pytest.raises(ValueError):
        state.pick(commence, "launch")
    text = DRAFT.replace("Gardeners met", "The gardeners of the town met")
    items = check(state, text, config)
    commence = find(items, "commence")
    assert state.choice(commence) == "start" and state.choices(items) == {commence.key: "start"}
    result = rewrite(text, config=config, accept=set(state.accept_keys(items)), choices=state.choices(items))
    assert "met to start the planting" in result.text


def test_opening_a_draft_can_tick_everything_once(config: Config) -> None:
    state = EditorState()
    state.open("all")
    items = check(state, DRAFT, config)
    assert len(ticked(state, items)) == 4
    assert {state.decision(s).by for s in items} == {"opened"}  # type: ignore[union-attr]
    # a suggestion that appears later follows the default: unsafe ones wait for a tick
    items = check(state, DRAFT + "\n\nOne more portent of rain.", config)
    assert not state.accepted(find(items, "portent")) and len(ticked(state, items)) == 4
    # opening another draft forgets every decision
    state.open("safe")
    items = check(state, DRAFT, config)
    assert ticked(state, items) == [("in order to", 3)]
    with pytest.raises(ValueError):
        state.open("most")


def test_ignore_a_word_in_this_draft(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    state.select(items, "all")
    state.ignore(find(items, "harbinger", 1))
    visible = check(state, DRAFT, config)
    assert [s.observed for s in visible] == ["in order to", "commence"]
    assert state.accept_keys(items) == tuple(s.key for s in visible)
    rows = {(r["text"], r["start"]): r for r in state.rows(items)}
    assert rows[("harbinger", DRAFT.index("harbinger"))]["decided_by"] == "ignored"
    assert rows[("commence", DRAFT.index("commence"))]["accepted"] is True


def test_rows_record_each_decision_and_choice(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    state.pick(find(items, "commence"), "start")
    state.decide(find(items, "in order to"), False)
    rows = state.rows(items)
    assert [(r["text"], r["accepted"], r["replacement"], r["decided_by"]) for r in rows] == [
        ("harbinger", False, None, "default"), ("in order to", False, None, "editor"),
        ("commence", True, "start", "editor"), ("harbinger", False, None, "default")]
    assert rows[2]["suggested"] == "begin" and rows[2]["alternatives"] == ["begin", "start"]
    assert all(DRAFT[r["start"] : r["end"]] == r["text"] for r in rows)


def test_card_actions(config: Config) -> None:
    state = EditorState()
    items = check(state, DRAFT, config)
    commence, first = find(items, "commence"), find(items, "harbinger", 1)
    assert state.act({"action": "pick", "id": commence.id, "choice": "start"})
    assert state.accepted(commence) and state.choice(commence) == "start"
    assert state.act({"action": "reject", "id": commence.id})
    assert not state.accepted(commence) and state.choice(commence) == "start"  # the pick is remembered
    assert state.act({"action": "accept", "id": first.id, "choice": ""}) and state.accepted(first)
    assert state.act({"action": "ignore", "id": first.id})
    assert [s.observed for s in check(state, DRAFT, config)] == ["in order to", "commence"]
    assert not state.act({"action": "accept", "id": "INF001-00000000-1"})  # a stale click changes nothing
    assert not state.act({"action": "explode", "id": commence.id})
    cards = state.card_items(items, analyze(DRAFT, config))
    assert cards[commence.id]["why"] == "formal word" and cards[commence.id]["options"] == ["begin", "start"]
