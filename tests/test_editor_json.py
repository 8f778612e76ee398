"""The findings JSON is written with editor.dumps_json: the same data as json.dumps, one finding a line."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from rewriter import Config, analyze
from rewriter.editor import EditorState, dumps_json, findings_json, suggestions

leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                                           max_size=4), max_leaves=30)


@given(values, st.integers(0, 5))
def test_dumps_json_is_json(value: object, inline: int) -> None:
    assert json.loads(dumps_json(value, inline=inline)) == value


def test_findings_json_one_finding_a_line() -> None:
    text = "The harbinger of spring came in order to stay.\n\nOfficials said the plan was pivotal."
    report = analyze(text, Config())
    state = EditorState()
    state.open("all")
    items = state.sync(suggestions(report))
    out = findings_json(report, state, items, rewritten="x")
    payload = json.loads(out)
    findings = payload["files"][0]["findings"]
    assert len(findings) >= 2 and all("decision" in f for f in findings if f["fix"])
    lines = out.splitlines()
    for f in findings:  # each finding on a line of its own, as json.dumps writes it
        assert "        " + json.dumps(f, ensure_ascii=False) in {ln.rstrip(",") for ln in lines}
    assert payload["files"][0]["editor"]["rewrite"] == "x"
