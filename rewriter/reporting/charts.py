"""The report's charts: matplotlib (Agg) figures saved as SVG and inlined in the HTML.

Text stays text (``svg.fonttype = none``, generic sans-serif), so the SVG loads no font and its
labels remain searchable; matplotlib escapes them as XML. Needs the ``report`` extra.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

INSTALL_HINT = "the HTML report needs matplotlib; install it with: pip install 'rewriter[report]'"
_INK = "#1f4e79"
_ACCENT = "#c0504d"


class ChartsUnavailable(RuntimeError):
    pass


def require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise ChartsUnavailable(INSTALL_HINT) from None


def _figure(width: float, height: float) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig


def _rc() -> Any:  # matplotlib types the keys as literals
    return {"svg.fonttype": "none", "svg.hashsalt": "rewriter", "font.family": "sans-serif",
            "font.size": 9, "axes.spines.top": False, "axes.spines.right": False, "text.usetex": False,
            "svg.image_inline": True}


def _integer_ticks(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def label(text: str, limit: int = 48) -> str:
    """A chart label: one line, cut to ``limit`` characters, with no mathtext ($)."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = "…" + text[-(limit - 1):] if "/" in text else text[: limit - 1] + "…"
    return text.replace("$", r"\$")


def to_svg(fig: Any, title: str) -> str:
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context(_rc()):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML declaration and the DOCTYPE (it names an external DTD)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = re.sub(r'\s(width|height)="[\d.]+pt"', "", svg, count=2)
    from html import escape

    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" class="chart" ', 1)


def grade_histogram(grades: Sequence[float], target: float | None) -> str:
    import matplotlib

    with matplotlib.rc_context(_rc()):
        fig = _figure(6.4, 3.0)
        ax = fig.add_subplot()
        if grades:
            lo, hi = min(grades), max(grades)
            bins = max(5, min(40, int(hi - lo) * 2 + 1))
            ax.hist(grades, bins=bins, color=_INK, edgecolor="white")
        if target is not None:
            ax.axvline(target, color=_ACCENT, linestyle="--", linewidth=1.2, label=f"target {target:g}")
            ax.legend(frameon=False, loc="upper right")
        _integer_ticks(ax.yaxis)
        ax.set_xlabel("Flesch-Kincaid grade")
        ax.set_ylabel("files")
        ax.set_title("Grade distribution")
    return to_svg(fig, "Grade distribution")


def register_histogram(scores: Sequence[float]) -> str:
    """Register scores (0 plain .. 100 inflated) of the checked files, in bins of 5."""
    import matplotlib

    with matplotlib.rc_context(_rc()):
        fig = _figure(6.4, 3.0)
        ax = fig.add_subplot()
        if scores:
            ax.hist(scores, bins=[i * 5 for i in range(21)], color=_INK, edgecolor="white")
        ax.set_xlim(0, 100)
        _integer_ticks(ax.yaxis)
        ax.set_xlabel("register score (0 plain, 100 inflated)")
        ax.set_ylabel("files")
        ax.set_title("Register distribution")
    return to_svg(fig, "Register distribution")


def family_bars(by_family: Mapping[str, int], names: Mapping[str, str]) -> str:
    import matplotlib

    items = sorted(by_family.items(), key=lambda kv: (-kv[1], kv[0]))
    with matplotlib.rc_context(_rc()):
        fig = _figure(6.4, 0.9 + 0.32 * max(1, len(items)))
        ax = fig.add_subplot()
        labels = [label(f"{k} {names.get(k, '')}".strip(), 40) for k, _ in items][::-1]
        values = [v for _, v in items][::-1]
        ax.barh(labels, values, color=_INK)
        for y, v in enumerate(values):
            ax.annotate(f"{v:,}", (v, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
        _integer_ticks(ax.xaxis)
        ax.set_xlabel("findings")
        ax.set_title("Findings by family")
    return to_svg(fig, "Findings by family")


def expression_bars(top: Sequence[Mapping[str, Any]]) -> str:
    import matplotlib

    with matplotlib.rc_context(_rc()):
        fig = _figure(6.4, 0.9 + 0.26 * max(1, len(top)))
        ax = fig.add_subplot()
        labels = [label(f"“{e['text']}” {e['code']}", 44) for e in top][::-1]
        values = [int(e["count"]) for e in top][::-1]
        ax.barh(labels, values, color=_INK)
        _integer_ticks(ax.xaxis)
        ax.set_xlabel("times flagged")
        ax.set_title(f"Top {len(top)} flagged expressions")
    return to_svg(fig, "Top flagged expressions")


def worst_file_bars(worst: Sequence[Mapping[str, Any]], target: float | None) -> str:
    import matplotlib

    with matplotlib.rc_context(_rc()):
        fig = _figure(6.4, 0.9 + 0.26 * max(1, len(worst)))
        ax = fig.add_subplot()
        labels = [label(w["path"], 44) for w in worst][::-1]
        values = [float(w["grade"]) for w in worst][::-1]
        ax.barh(labels, values, color=_ACCENT)
        if target is not None:
            ax.axvline(target, color=_INK, linestyle="--", linewidth=1.0)
        ax.set_xlabel("Flesch-Kincaid grade")
        ax.set_title(f"Worst {len(worst)} files by grade")
    return to_svg(fig, "Worst files by grade")


__all__ = ["INSTALL_HINT", "ChartsUnavailable", "expression_bars", "family_bars", "grade_histogram", "label",
           "require_matplotlib", "worst_file_bars"]
