"""Streamlit panels for the web editor. Each takes plain data (rows, HTML built by
:mod:`rewriter.htmlview`, suggestions from :mod:`rewriter.editor`) and draws it; none analyses text.
Every widget gets a stable ``key`` (tests find widgets by key)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from rewriter.editor import MetricRow, Suggestion
from rewriter.htmlview import STYLE, legend_html

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$])")


def md_escape(text: str) -> str:
    """Text shown in a widget label as itself (labels take a little Markdown)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def style() -> None:
    st.html(STYLE)


def metrics_panel(rows: Sequence[MetricRow], *, key: str = "metrics") -> None:
    """Readability after the accepted edits, with the change from the original, and a small chart."""
    if not rows:
        return
    cols = st.columns(len(rows))
    for col, row in zip(cols, rows, strict=True):
        delta: str | None = None
        if round(row.delta, 1) != 0:
            sign = "+" if row.delta > 0 else "-"  # ASCII: Streamlit reads the arrow from it
            delta = f"{sign}{row.show(abs(row.delta))}"
        col.metric(row.label, row.show(row.after), delta=delta,
                   delta_color="inverse" if row.lower_is_better else "normal",
                   help=f"Original: {row.show(row.before)}. Now: {row.show(row.after)}.")
    charted = [r for r in rows if r.fmt in ("grade", "count")]
    if charted:
        frame = {"measure": [r.label for r in charted], "original": [r.before for r in charted],
                 "rewrite": [r.after for r in charted]}
        st.bar_chart(frame, x="measure", y=["original", "rewrite"], stack=False, horizontal=True,
                     height=170, color=["#c7c7c7", "#2e9e44"], x_label="", y_label="")


def family_panel(counts: Mapping[str, int], labels: Mapping[str, str] | None = None) -> None:
    st.html(legend_html(counts, labels))


def text_panel(title: str, body_html: str, caption: str = "") -> None:
    st.markdown(f"**{md_escape(title)}**")
    if caption:
        st.caption(caption)
    st.html(body_html)


def suggestion_panel(items: Sequence[Suggestion], *, on_pick: Callable[[str], None],
                     on_select: Callable[[str], None], height: int = 560) -> None:
    """One accept box per suggested edit (key ``accept_<finding key>``), a picker where a finding
    has alternatives (key ``choice_<finding key>``), and the accept-all buttons."""
    st.markdown(f"**Suggested edits** ({len(items)})")
    if not items:
        st.caption("Nothing to rewrite with the rules and settings chosen.")
        return
    with st.container(horizontal=True, gap="small", key="accept_buttons"):
        st.button("Accept all safe", key="accept_all_safe", on_click=on_select, args=("safe",),
                  help="Tick every safe edit and untick the rest")
        st.button("Accept all", key="accept_all", on_click=on_select, args=("all",))
        st.button("Reject all", key="reject_all", on_click=on_select, args=("none",))
    with st.container(height=height if len(items) > 8 else "content", border=True, key="suggestions"):
        for s in items:
            st.checkbox(md_escape(s.label), key=f"accept_{s.key}", help=s.message)
            if len(s.options) > 1:
                st.selectbox(f"Replacement for '{md_escape(s.observed)}'", s.options, key=f"choice_{s.key}",
                             on_change=on_pick, args=(s.key,), label_visibility="collapsed",
                             format_func=lambda o: o or "(cut)")


def findings_table(rows: Sequence[Mapping[str, Any]]) -> None:
    with st.expander(f"All findings ({len(rows)})", expanded=False):
        if rows:
            st.dataframe(list(rows), hide_index=True, width="stretch", key="findings_table")
        else:
            st.caption("No findings.")


def downloads(rewrite: tuple[bytes, str, str], findings_json: str, json_name: str) -> None:
    data, name, mime = rewrite
    c1, c2 = st.columns(2)
    c1.download_button(f"Download the rewrite ({md_escape(name)})", data, file_name=name, mime=mime,
                       key="download_rewrite", on_click="ignore", type="primary")
    c2.download_button("Download the findings (JSON)", findings_json.encode("utf-8"), file_name=json_name,
                       mime="application/json", key="download_json", on_click="ignore")


__all__ = ["downloads", "family_panel", "findings_table", "md_escape", "metrics_panel", "style",
           "suggestion_panel", "text_panel"]
