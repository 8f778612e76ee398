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
from pathlib import Path
from typing import Any

import streamlit as st

from rewriter.config import Config, ConfigError, load_config
from rewriter.editor import (
    MAX_CHARS,
    MAX_UPLOAD_BYTES,
    UPLOAD_TYPES,
    Draft,
    as_format,
    choices_for,
    download_bytes,
    editor_config,
    find_seeds,
    finding_rows,
    metric_rows,
    read_path,
    read_upload,
    refused,
    rule_families,
    selection,
    suggestions,
)
from rewriter.fix import Rewrite
from rewriter.model import Report
from rewriter.textio import InputError
from rewriter.ui import panels

ENV_PATH = "REWRITER_UI_PATH"
ENV_CONFIG = "REWRITER_UI_CONFIG"


@st.cache_resource(show_spinner="Loading the language model…")
def load_model() -> Any:
    from rewriter.nlp import load_pipeline

    return load_pipeline()


@st.cache_data(show_spinner="Checking the draft…", max_entries=32)
def check(text: str, config_key: str, path: str, _config: Config) -> Report:
    from rewriter.engine import analyze

    return analyze(text, _config, path)


@st.cache_data(show_spinner="Rewriting…", max_entries=128)
def rewrite_with(text: str, config_key: str, path: str, accepted: tuple[str, ...],
                 choices: tuple[tuple[str, str], ...], _config: Config, _report: Report) -> Rewrite:
    from rewriter.fix import rewrite

    return rewrite(text, config=_config, path=path, accept=set(accepted), choices=dict(choices), report=_report)


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


def load_draft(draft: Draft, notice: str = "") -> None:
    st.session_state["draft"] = draft.text
    st.session_state["source"] = draft
    st.session_state["download_format"] = draft.kind
    st.session_state["notice"] = notice


def on_upload() -> None:
    upload = st.session_state.get("upload")
    if upload is None:
        return
    try:
        draft = read_upload(upload.name, upload.getvalue())
    except InputError as exc:
        st.session_state["notice"] = f"error:{exc}"
        return
    load_draft(draft, f"Loaded {draft.name}.")


def on_sample() -> None:
    name = st.session_state.get("sample")
    for path in find_seeds(os.environ.get("REWRITER_SEEDS", "")):
        if path.name == name:
            try:
                load_draft(read_path(path), f"Loaded the sample {path.name}.")
            except InputError as exc:
                st.session_state["notice"] = f"error:{exc}"
            return


def on_pick(key: str) -> None:
    st.session_state[f"accept_{key}"] = True


def sidebar(base: Config) -> Config:
    families = rule_families(base)
    with st.sidebar:
        st.header("Settings")
        chosen = st.multiselect("Rule families", list(families), default=[f for f, on in families.items() if on],
                                key="families", help="Switch whole families of checks on or off")
        grade = st.slider("Target grade", 4.0, 18.0, float(base.target_grade), 0.5, key="target_grade", format="%.1f",
                          help="The document grade to aim for (news: about 8 to 10)")
        unsafe = st.toggle("Propose unsafe edits", value=True, key="propose_unsafe",
                           help="Also list plainer words that may shift nuance; you tick each one")
        quotes = st.toggle("Flag words inside quotations", value=base.quotes == "flag", key="flag_quotes",
                           help="Quotations are never rewritten; this only flags them")
        st.caption("Hover a highlight for the reason and the suggestion. Tinted sentences are hard "
                   "(yellow), very hard (red) or long (blue).")
    return editor_config(base, families=chosen, target_grade=grade, flag_quotes=quotes, unsafe=unsafe)


def main() -> None:
    st.set_page_config(page_title="rewriter: plain-language editor", layout="wide")
    panels.style()
    load_model()
    base, config_notice = base_config()
    if "draft" not in st.session_state:
        draft, notice = first_draft()
        load_draft(draft, notice)
    config = sidebar(base)
    if config_notice:
        st.warning(config_notice)

    st.title("rewriter")
    seeds = find_seeds(os.environ.get("REWRITER_SEEDS", ""))
    c1, c2 = st.columns(2)
    with c1:
        if seeds:
            source: Draft = st.session_state["source"]
            names = [p.name for p in seeds]
            if "sample" not in st.session_state:
                st.session_state["sample"] = source.name if source.name in names else names[0]
            st.selectbox("Sample draft", names, key="sample", on_change=on_sample)
    with c2:
        st.file_uploader("Upload a draft (.txt, .md, .docx; 2 MB at most)", type=list(UPLOAD_TYPES), key="upload",
                         on_change=on_upload, max_upload_size=MAX_UPLOAD_BYTES // (1024 * 1024))
    notice = st.session_state.get("notice", "")
    if notice.startswith("error:"):
        st.error(panels.md_escape(notice.removeprefix("error:")))
    elif notice:
        st.caption(panels.md_escape(notice))
    text = st.text_area("Draft (paste or edit; Ctrl+Enter applies)", key="draft", height=180, max_chars=MAX_CHARS)
    if not text.strip():
        st.info("Paste a draft above, upload one, or pick a sample.")
        return
    if not st.session_state.get("families"):
        st.info("Choose at least one rule family in the sidebar.")
        return

    source = st.session_state["source"]
    path = source.name or "draft.txt"
    key = repr(config.cache_key())
    report = check(text, key, path, config)
    items = suggestions(report, unsafe=config.unsafe_fixes)
    for s in items:
        st.session_state.setdefault(f"accept_{s.key}", s.safe)

    def on_select(mode: str) -> None:
        for k, v in selection(items, mode).items():
            st.session_state[f"accept_{k}"] = v

    metrics_box = st.container()
    left, right, side = st.columns([5, 5, 4])
    with side:
        panels.suggestion_panel(items, on_pick=on_pick, on_select=on_select)
    accepted = tuple(s.key for s in items if st.session_state.get(f"accept_{s.key}"))
    picked = {s.key: st.session_state.get(f"choice_{s.key}", "") for s in items}
    choices = tuple(sorted(choices_for(items, picked).items()))
    result = rewrite_with(text, key, path, accepted, choices, config, report)

    from rewriter.htmlview import family_counts, family_label, original_html, rewrite_html

    with metrics_box:
        panels.metrics_panel(metric_rows(result.before, result.after))
        counts = family_counts(report.findings)
        labels = {f.family: family_label(f.family, f.category) for f in report.findings}
        panels.family_panel(counts, labels)
        for note in report.notes:
            st.warning(note)
    with left:
        panels.text_panel("Original", original_html(report))
    with right:
        n = len(result.applied)
        panels.text_panel("Rewrite", rewrite_html(text, result.text, result.report),
                          caption=f"{n} edit{'s' if n != 1 else ''} applied; hover a change to see what it was.")
        for line in refused(result, accepted):
            st.caption(f"Not applied: {panels.md_escape(line)}")

    panels.findings_table(finding_rows(report))
    formats = ["txt", "md", "docx"]
    fmt = st.selectbox("Download the rewrite as", formats, key="download_format",
                       format_func=lambda f: {"txt": "plain text (.txt)", "md": "Markdown (.md)",
                                              "docx": "Word (.docx)"}[f])
    out_draft = as_format(source, fmt)
    from rewriter.render.json import render_json

    panels.downloads(download_bytes(out_draft, result.text), render_json([report]),
                     f"{Path(path).stem}.findings.json")


if __name__ == "__main__":
    main()
