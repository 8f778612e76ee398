"""The web editor: paste, upload or pick a draft; see its scores and flags; accept or reject each
edit; download the result. Run by ``rewriter ui [PATH]`` (or ``streamlit run ui/app.py``).

This script only wires widgets to the library: :mod:`rewriter.editor` decides, :mod:`rewriter.htmlview`
builds the (escaped) HTML, :mod:`rewriter.ui.panels` draws. Environment:
``REWRITER_UI_PATH`` the draft to open (default: the seed draft in ``seeds/``),
``REWRITER_UI_CONFIG`` a configuration file (default: found upward from the draft or the working folder),
``REWRITER_SEEDS`` a folder of sample drafts (default: ``seeds/`` here or beside the package).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import streamlit as st

from rewriter.config import Config, ConfigError, load_config
from rewriter.editor import (
    MAX_CHARS,
    MAX_UPLOAD_BYTES,
    UPLOAD_TYPES,
    Draft,
    EditorState,
    Suggestion,
    as_format,
    download_bytes,
    editor_config,
    find_seeds,
    finding_rows,
    findings_json,
    is_new_draft,
    metric_rows,
    read_path,
    read_upload,
    refused,
    rule_families,
    suggestions,
)
from rewriter.fix import Rewrite, finding_key
from rewriter.model import Report
from rewriter.textio import InputError
from rewriter.ui import panels

ENV_PATH = "REWRITER_UI_PATH"
ENV_CONFIG = "REWRITER_UI_CONFIG"
# the uploader takes files up to this size so that a too-large draft gets the editor's own error
# (read_upload's limit, MAX_UPLOAD_BYTES) rather than Streamlit's icon on the file chip
UPLOADER_LIMIT_MB = 50
YOUR_DRAFT = ""  # the sample picker's entry for a draft that is not a sample


@st.cache_resource(show_spinner="Loading the language model…")
def load_model() -> Any:
    from rewriter.nlp import load_pipeline

    return load_pipeline()


@st.cache_data(show_spinner="Checking the draft…", max_entries=32)
def check(text: str, config_key: str, path: str, _config: Config) -> Report:
    from rewriter.engine import analyze

    return analyze(text, _config, path)


REWRITES_KEPT = 8  # rewrites kept per session (ticking a box back and forth redraws at once)


@dataclass
class Checked:
    """One check of the draft and what the page derives from it, kept in the session (not copied
    out of a cache on every rerun): a tick reuses all of it and only rewrites."""

    key: tuple[str, str, str]  # (text, configuration key, path)
    report: Report
    every: list[Suggestion]  # every suggestion of the check, ignored words too
    labels: dict[str, str]  # family -> its name in words
    counts: dict[str, int]
    rows: list[dict[str, Any]]  # the findings table
    views: dict[tuple[str, ...], str] = field(default_factory=dict)  # words ignored -> highlighted original
    rewrites: OrderedDict[tuple[Any, ...], Rewrite] = field(default_factory=OrderedDict)

    def original(self, hidden: tuple[str, ...]) -> str:
        """The highlighted original, without the words ignored in this draft (``hidden`` finding keys)."""
        if hidden not in self.views:
            from rewriter.htmlview import original_html

            report = self.report
            if hidden:
                gone = set(hidden)
                report = replace(report, findings=tuple(f for f in report.findings if finding_key(f) not in gone))
            self.views[hidden] = original_html(report, {s.key: s.id for s in self.every})
        return self.views[hidden]

    def rewrite(self, config: Config, accepted: tuple[str, ...], choices: tuple[tuple[str, str], ...]) -> Rewrite:
        """The rewrite with these decisions (the last few are kept)."""
        key = (accepted, choices)
        if key not in self.rewrites:
            from rewriter.fix import rewrite

            text, _, path = self.key
            with st.spinner("Rewriting…"):
                self.rewrites[key] = rewrite(text, config=config, path=path, accept=set(accepted),
                                             choices=dict(choices), report=self.report)
            while len(self.rewrites) > REWRITES_KEPT:
                self.rewrites.popitem(last=False)
        self.rewrites.move_to_end(key)
        return self.rewrites[key]


def checked(analysed: str, config: Config, path: str) -> Checked:
    """The check of ``analysed`` with ``config``: the session's, or a new one."""
    from rewriter.htmlview import family_counts, family_label

    key = (analysed, repr(config.cache_key()), path)
    held = st.session_state.get("checked")
    if isinstance(held, Checked) and held.key == key:
        return held
    report = check(analysed, key[1], path, config)
    pairs = {(f.family, f.category) for f in report.findings}
    held = Checked(key, report, suggestions(report, unsafe=config.unsafe_fixes),
                   {fam: family_label(fam, cat) for fam, cat in sorted(pairs)}, family_counts(report.findings),
                   finding_rows(report))
    st.session_state["checked"] = held
    return held


def base_config() -> tuple[Config, str]:
    explicit = os.environ.get(ENV_CONFIG)
    start = os.environ.get(ENV_PATH) or None
    try:
        return (load_config(explicit) if explicit else load_config(start=start)), ""
    except ConfigError as exc:
        return Config(), f"Configuration ignored: {exc}"


def first_draft() -> tuple[Draft, str]:
    path = os.environ.get(ENV_PATH)
    notice = ""
    if path:
        try:
            return read_path(path), ""
        except InputError as exc:
            notice = str(exc)
    seeds = find_seeds(os.environ.get("REWRITER_SEEDS", ""))
    if seeds:
        try:
            return read_path(seeds[0]), notice
        except InputError as exc:
            notice = notice or str(exc)
    return Draft("draft.txt", ""), notice


def editor() -> EditorState:
    state = st.session_state.get("editor")
    if not isinstance(state, EditorState):
        state = st.session_state["editor"] = EditorState()
    return state


def set_notice(level: str = "", text: str = "") -> None:
    """The one notice under the draft pickers (``error`` or ``info``); a new one replaces the old."""
    st.session_state["notice"] = (level, text) if text else None


def load_draft(draft: Draft, notice: str = "", level: str = "info") -> None:
    """A new draft: into the box, checked, its decisions started afresh."""
    st.session_state["draft"] = draft.text
    st.session_state["analysed"] = draft.text
    st.session_state["source"] = draft
    st.session_state["download_format"] = draft.kind
    names = {p.name for p in find_seeds(os.environ.get("REWRITER_SEEDS", ""))}
    st.session_state["sample"] = draft.name if draft.name in names and draft.kind != "docx" else YOUR_DRAFT
    editor().open("all" if st.session_state.get("open_ticked", True) else "safe")
    set_notice(level if notice else "", notice)


def on_check() -> None:
    """Check what is in the box now. A different draft pasted over the old one is named "draft"."""
    text = st.session_state.get("draft", "")
    if is_new_draft(st.session_state.get("analysed", ""), text):
        load_draft(Draft("draft.txt", text), "Checked the pasted draft (named “draft”).")
        return
    st.session_state["analysed"] = text
    set_notice()


def on_upload() -> None:
    gen = st.session_state.get("upload_gen", 0)
    upload = st.session_state.get(f"upload_{gen}")
    if upload is None:
        return
    # a fresh uploader next time: no chip of a failed (or loaded) file stays on screen
    st.session_state["upload_gen"] = gen + 1
    try:
        draft = read_upload(upload.name, upload.getvalue())
    except InputError as exc:
        set_notice("error", str(exc))
        return
    load_draft(draft, f"Loaded {draft.name}.")


def on_sample() -> None:
    name = st.session_state.get("sample")
    if name == YOUR_DRAFT:
        return
    for path in find_seeds(os.environ.get("REWRITER_SEEDS", "")):
        if path.name == name:
            try:
                load_draft(read_path(path), f"Loaded the sample {path.name}.")
            except InputError as exc:
                set_notice("error", str(exc))
            return


def on_tick(sid: str) -> None:
    s = editor().item(sid)
    if s is not None:
        editor().decide(s, bool(st.session_state.get(f"accept_{sid}")))


def on_pick(sid: str) -> None:
    s = editor().item(sid)
    choice = st.session_state.get(f"choice_{sid}")
    if s is not None and choice in s.options:
        editor().pick(s, choice)


def on_select(mode: str) -> None:
    editor().select(editor().current(), mode)


def on_ignore(sid: str) -> None:
    s = editor().item(sid)
    if s is not None:
        editor().ignore(s)


def sidebar(base: Config) -> Config:
    from rewriter.htmlview import family_label

    families = rule_families(base)
    with st.sidebar:
        st.header("Settings")
        chosen = st.multiselect("Rule families", list(families), default=[f for f, on in families.items() if on],
                                key="families", format_func=lambda f: f"{family_label(f)} ({f})",
                                help="Switch whole families of checks on or off")
        grade = st.slider("Target grade", 4.0, 18.0, float(base.target_grade), 0.5, key="target_grade", format="%.1f",
                          help="The document grade to aim for (news: about 8 to 10)")
        unsafe = st.toggle("Propose unsafe edits", value=True, key="propose_unsafe",
                           help="Also list plainer words that may shift nuance; your ticks are kept when you switch")
        st.toggle("Tick every suggestion when a draft opens", value=True, key="open_ticked",
                  help="On: a draft opens with every suggestion applied, for you to untick. Off: only safe ones.")
        st.toggle("Scroll the two panes together", value=True, key="sync_scroll",
                  help="Scrolling the original scrolls the rewrite to the same lines, and back")
        quotes = st.toggle("Flag words inside quotations", value=base.quotes == "flag", key="flag_quotes",
                           help="Quotations are never rewritten; this only flags them")
    return editor_config(base, families=chosen, target_grade=grade, flag_quotes=quotes, unsafe=unsafe)


def main() -> None:
    st.set_page_config(page_title="rewriter: plain-language editor", layout="wide")
    panels.style()
    load_model()
    base, config_notice = base_config()
    if "source" not in st.session_state:
        draft, notice = first_draft()
        load_draft(draft, notice, "error")
    config = sidebar(base)
    if config_notice:
        st.warning(config_notice)
    st.title("rewriter")
    source: Draft = st.session_state["source"]
    analysed = draft_inputs(source)
    if not analysed.strip():
        st.info("Paste a draft above and press Check, upload one, or pick a sample.")
        return
    if not st.session_state.get("families"):
        st.info("Choose at least one rule family in the sidebar.")
        return
    done = checked(analysed, config, source.name or "draft.txt")
    state = editor()
    event = st.session_state.get("original_card")  # an action from a highlight's card, once
    if isinstance(event, dict) and event.get("n") != st.session_state.get("card_seen"):
        st.session_state["card_seen"] = event.get("n")
        state.act(event)
    items = state.sync(done.every)
    accepted = state.accept_keys(items)
    result = done.rewrite(config, accepted, tuple(sorted(state.choices(items).items())))
    show_results(done, state, items, accepted, result)
    show_downloads(done, source, state, items, result, unsafe=config.unsafe_fixes)


def draft_inputs(source: Draft) -> str:
    """The sample picker, the uploader, the one notice, the draft box and its Check button; returns
    the text checked (which the box may differ from: then it says "Out of date")."""
    seeds = find_seeds(os.environ.get("REWRITER_SEEDS", ""))
    c1, c2 = st.columns(2)
    with c1:
        if seeds:
            names = [YOUR_DRAFT, *(p.name for p in seeds)]
            if st.session_state.get("sample") not in names:
                st.session_state["sample"] = YOUR_DRAFT
            st.selectbox("Sample draft", names, key="sample", on_change=on_sample,
                         format_func=lambda n: n or f"(your draft: {source.name})")
    with c2:
        gen = st.session_state.get("upload_gen", 0)
        st.file_uploader(f"Upload a draft (.txt, .md, .docx; {MAX_UPLOAD_BYTES // 2**20} MB at most)",
                         type=list(UPLOAD_TYPES), key=f"upload_{gen}", on_change=on_upload,
                         max_upload_size=UPLOADER_LIMIT_MB)
    current_notice = st.session_state.get("notice")
    if current_notice:
        level, message = current_notice
        (st.error if level == "error" else st.info)(panels.md_escape(message))
    text = st.text_area("Draft (paste or edit, then press Check)", key="draft", height=180, max_chars=MAX_CHARS)
    analysed: str = st.session_state.get("analysed", "")
    stale = text != analysed
    with st.container(horizontal=True, gap="small", key="check_bar"):
        st.button("Check", key="check", on_click=on_check, type="primary" if stale else "secondary",
                  help="Check the text in the box: scores, flags and suggestions")
        if stale:
            st.markdown(":orange-badge[Out of date] The box differs from the draft checked below; press **Check**.")
    return analysed


def show_results(done: Checked, state: EditorState, items: list[Suggestion], accepted: tuple[str, ...],
                 result: Rewrite) -> None:
    """Metrics before → after, the families, the accept-all buttons, and the three panes: the
    original (click a highlight for its card), the rewrite, the suggestions."""
    from rewriter.htmlview import rewrite_html

    report = done.report
    panels.metrics_panel(metric_rows(result.before, result.after))
    panels.family_panel(done.counts, done.labels)
    for note in report.notes:
        st.warning(note)
    n = len(result.applied)
    panels.selection_bar(len(items), sum(1 for s in items if s.safe), len(accepted), on_select=on_select)
    left, right, side = st.container(key="panes").columns([5, 5, 4])
    with side:
        panels.suggestion_panel(items, {s.id: state.label(s) for s in items},
                                {s.id: state.accepted(s) for s in items}, {s.id: state.choice(s) for s in items},
                                on_tick=on_tick, on_pick=on_pick)
    visible = {s.key for s in items}
    hidden = tuple(sorted(s.key for s in done.every if s.key not in visible))  # words ignored in this draft
    with left:
        panels.original_pane("Original", done.original(hidden), state.card_items(items, report),
                             caption="Click a highlight for its reason and alternatives.",
                             analysed=done.key[0], sync_scroll=bool(st.session_state.get("sync_scroll", True)))
    with right:
        panels.text_panel("Rewrite", rewrite_html(done.key[0], result.text, result.report),
                          caption=f"{n} edit{'s' if n != 1 else ''} applied; hover a change to see what it was.")
        panels.refused_panel(refused(result, accepted))
    panels.findings_table(done.rows)


def show_downloads(done: Checked, source: Draft, state: EditorState, items: list[Suggestion], result: Rewrite, *,
                   unsafe: bool) -> None:
    """The rewrite, in the format chosen, and the findings JSON with the editor's decisions."""
    formats = ["txt", "md", "docx"]
    fmt = st.selectbox("Download the rewrite as", formats, key="download_format",
                       format_func=lambda f: {"txt": "plain text (.txt)", "md": "Markdown (.md)",
                                              "docx": "Word (.docx)"}[f])
    out_draft = as_format(source, fmt)
    findings = findings_json(done.report, state, items, unsafe=unsafe, rewritten=result.text)
    panels.downloads(download_bytes(out_draft, result.text), findings.encode("utf-8"),
                     f"{Path(done.key[2]).stem}.findings.json")


if __name__ == "__main__":
    main()
