"""Streamlit panels for the web editor. Each takes plain data (rows, HTML built by
:mod:`rewriter.htmlview`, suggestions from :mod:`rewriter.editor`) and draws it; none analyses text.
Every widget gets a stable ``key`` (tests find widgets by key)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import streamlit as st

from rewriter.editor import MetricRow, Suggestion
from rewriter.htmlview import STYLE, legend_html

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$])")


def md_escape(text: str) -> str:
    """Text shown in a widget label as itself (labels take a little Markdown)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


# the page around the panes (the panes' own look is htmlview.STYLE): less space above the title;
# metric boxes that show "before → after" whole, labels wrapped, not cut; at phone width two a row;
# download labels (they hold the file name) wrapped, never cut with an ellipsis
APP_STYLE = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 1.6rem; white-space: normal;
  overflow: visible; text-overflow: clip; line-height: 1.25; }
[data-testid="stMetricLabel"] { min-width: 0; max-width: 100%; width: auto; height: auto; min-height: 2.7em;
  align-items: flex-start; }
[data-testid="stMetricLabel"] > div { min-width: 0; flex: 0 1 auto; }
[data-testid="stMetricLabel"] p { white-space: normal; overflow: visible; text-overflow: clip; }
[data-testid="stDownloadButton"] button { height: auto; max-width: 100%; }
[data-testid="stDownloadButton"] button p, [data-testid="stDownloadButton"] button div { white-space: normal;
  overflow: visible; text-overflow: clip; overflow-wrap: anywhere; text-align: left; }
@media (max-width: 640px) {
  .st-key-metrics [data-testid="stHorizontalBlock"] { flex-flow: row wrap; gap: 0.6rem 1rem; }
  .st-key-metrics [data-testid="stColumn"] { min-width: calc(50% - 0.5rem) !important;
    width: calc(50% - 0.5rem) !important; flex: 1 1 calc(50% - 0.5rem) !important; }
  [data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 1.3rem; }
  .st-key-suggestion_filters { flex-direction: column; gap: 0.4rem; }
  .st-key-suggestion_filters > * { width: 100% !important; flex: 0 0 auto !important; }
}
</style>"""


def style() -> None:
    st.html(STYLE + APP_STYLE)


def metrics_panel(rows: Sequence[MetricRow], *, key: str = "metrics") -> None:
    """Readability of the original → the rewrite (the accepted edits), the change, and a small chart."""
    if not rows:
        return
    with st.container(key=key):
        cols = st.columns(len(rows))
        for col, row in zip(cols, rows, strict=True):
            col.metric(row.label, row.change, delta=row.delta_text, delta_color=row.delta_color,
                       help=f"Original: {row.show(row.before)}. Rewrite: {row.show(row.after)}."
                       + (f" {row.note}" if row.note else ""))
    charted = [r for r in rows if r.fmt in ("grade", "count")]
    if charted:  # folded: the numbers above say it; the panes come sooner on the first screen
        with st.expander("Chart: the original and the rewrite", expanded=False):
            frame = {"measure": [r.label for r in charted], "original": [r.before for r in charted],
                     "rewrite": [r.after for r in charted]}
            st.bar_chart(frame, x="measure", y=["original", "rewrite"], stack=False, horizontal=True,
                         height=170, color=["#c7c7c7", "#2e9e44"], x_label="", y_label="")


def family_panel(counts: Mapping[str, int], labels: Mapping[str, str] | None = None) -> None:
    st.html(legend_html(counts, labels))


CARD_DIR = Path(__file__).resolve().parent / "card"
_original_component: Any = None


def original_pane(title: str, body_html: str, items: Mapping[str, Mapping[str, Any]], *, caption: str = "",
                  analysed: str | None = None, key: str = "original_card", height: int = 600,
                  sync_scroll: bool = True) -> Any:
    """The highlighted draft as the card component (``card/index.html``, static, shipped in the
    package): a click on a highlight opens its card. With ``analysed`` (the text checked), it also
    says "Out of date" as soon as the draft box differs, before the box's text reaches the server.
    With ``sync_scroll`` it scrolls the page's Rewrite pane with it, line by line (and itself with
    the Rewrite pane). Returns the card's last action (or None)."""
    global _original_component
    import streamlit.components.v1 as components

    if _original_component is None:
        _original_component = components.declare_component("rewriter_original", path=str(CARD_DIR))
    st.markdown(f"**{md_escape(title)}**")
    if caption:
        st.caption(caption)
    return _original_component(html=body_html, style=STYLE, items=dict(items), height=height, key=key,
                               analysed=analysed, sync_scroll=sync_scroll, default=None)


def text_panel(title: str, body_html: str, caption: str = "") -> None:
    st.markdown(f"**{md_escape(title)}**")
    if caption:
        st.caption(caption)
    st.html(body_html)


def refused_panel(lines: Sequence[str]) -> None:
    """Why ticked edits were not applied (one line each), folded under one line that counts them."""
    if not lines:
        return
    with st.expander(f"{len(lines)} ticked edit{'s' if len(lines) != 1 else ''} not applied: why", expanded=False):
        for line in lines:
            st.caption(md_escape(line))


def selection_bar(total: int, safe: int, ticked: int, *, on_select: Callable[[str], None]) -> None:
    """The accept-all buttons, above the panes: every suggestion, the safe ones, none."""
    if not total:
        return
    with st.container(horizontal=True, gap="small", key="accept_buttons", vertical_alignment="center"):
        st.button(f"Accept all suggestions ({total})", key="accept_all", on_click=on_select, args=("all",),
                  type="primary" if ticked < total else "secondary",
                  help="Tick every suggested edit; the rewrite shows them all, for you to untick")
        st.button(f"Accept safe only ({safe})", key="accept_all_safe", on_click=on_select, args=("safe",),
                  help="Tick the safe edits (mechanical, meaning kept) and untick the rest")
        st.button("Reject all", key="reject_all", on_click=on_select, args=("none",))
        st.caption(f"{ticked} of {total} ticked")


SHOW = {"all": "all", "safe": "safe only", "unsafe": "need a look (unsafe)"}
PAGE = 40  # boxes drawn at a time: a long draft's hundreds of widgets would slow every tick


def suggestion_panel(items: Sequence[Suggestion], labels: Mapping[str, str], ticked: Mapping[str, bool],
                     chosen: Mapping[str, str], *, on_tick: Callable[[str], None], on_pick: Callable[[str], None],
                     height: int = 560) -> None:
    """One accept box per suggested edit (key ``accept_<id>``; its label from ``labels``, its value
    from ``ticked``), a picker where a finding has alternatives (key ``choice_<id>``, value from
    ``chosen``), grouped by family, filterable by family and by safe / unsafe, :data:`PAGE` at a time."""
    from rewriter.htmlview import family_label

    st.markdown(f"**Suggested edits** ({len(items)})")
    if not items:
        st.caption("Nothing to rewrite with the rules and settings chosen.")
        return
    fams = list(dict.fromkeys(s.family for s in sorted(items, key=lambda s: s.family)))
    with st.container(horizontal=True, gap="small", key="suggestion_filters"):
        show = st.selectbox("Show", list(SHOW), key="show_kind", format_func=SHOW.__getitem__)
        picked = st.multiselect("Families", fams, key="show_families", placeholder="every family",
                                format_func=lambda f: family_label(f))
    shown = [s for s in items if (show == "all" or (show == "safe") == s.safe) and (not picked or s.family in picked)]
    shown.sort(key=lambda s: fams.index(s.family))  # grouped by family, in text order within each
    pages = max(1, -(-len(shown) // PAGE))
    page = 1
    if pages > 1:
        if int(st.session_state.get("show_page", 1)) > pages:
            st.session_state["show_page"] = 1
        page = int(st.number_input(f"Page (of {pages})", 1, pages, key="show_page", step=1))
    window = shown[(page - 1) * PAGE : page * PAGE]
    if len(window) != len(items):
        st.caption(f"Showing {len(window)} of {len(items)}"
                   + (f" ({len(shown)} match the filter)" if len(shown) != len(items) else "") + ".")
    for s in window:  # the boxes show the decisions: set before the widgets are drawn
        st.session_state[f"accept_{s.id}"] = bool(ticked.get(s.id))
        if len(s.options) > 1:
            st.session_state[f"choice_{s.id}"] = chosen.get(s.id, s.options[0])
    with st.container(height=height if len(window) > 8 else "content", border=True, key="suggestions"):
        for fam in fams:
            group = [s for s in window if s.family == fam]
            if not group:
                continue
            st.markdown(f"*{md_escape(family_label(fam))}* ({sum(1 for s in shown if s.family == fam)})")
            for s in group:
                st.checkbox(md_escape(labels.get(s.id, s.label)), key=f"accept_{s.id}", help=s.message,
                            on_change=on_tick, args=(s.id,))
                if len(s.options) > 1:
                    st.selectbox(f"Replacement for '{md_escape(s.observed)}'", s.options, key=f"choice_{s.id}",
                                 on_change=on_pick, args=(s.id,), label_visibility="collapsed",
                                 format_func=lambda o: o or "(cut)")


def findings_table(rows: Sequence[Mapping[str, Any]]) -> None:
    with st.expander(f"All findings ({len(rows)})", expanded=False):
        if rows:
            st.dataframe(list(rows), hide_index=True, width="stretch", key="findings_table")
        else:
            st.caption("No findings.")


def downloads(rewrite: tuple[bytes, str, str], findings_json: bytes, json_name: str) -> None:
    """The rewrite and the findings JSON. (Streamlit's deferred downloads lose their file when a
    rerun comes between drawing and clicking, so both are made with the page.)"""
    data, name, mime = rewrite
    c1, c2 = st.columns(2)
    c1.download_button(f"Download the rewrite ({md_escape(name)})", data, file_name=name, mime=mime,
                       key="download_rewrite", on_click="ignore", type="primary")
    c2.download_button("Download the findings (JSON)", findings_json, file_name=json_name,
                       mime="application/json", key="download_json", on_click="ignore")


__all__ = ["downloads", "family_panel", "findings_table", "md_escape", "metrics_panel", "original_pane",
           "refused_panel", "selection_bar", "style", "suggestion_panel", "text_panel"]
