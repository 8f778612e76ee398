"""The HTML report: one self-contained file (inline CSS, inline SVG charts, a small inline script).

Nothing is loaded from elsewhere: it opens offline from an e-mail attachment. Every piece of
draft text, path and message is HTML-escaped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any, TextIO

from rewriter.batch import BatchResult, Record, Row
from rewriter.reporting import charts as ch
from rewriter.reporting import families_of, per_1000, worst_files

MAX_FINDINGS_SHOWN = 60  # per file; the JSON report has them all
MAX_DETAILED_FILES = 1000  # files with a findings section (the hardest ones when there are more)
MAX_FLAGGED_TEXT = 240

CSS = """
:root{--ink:#1b2733;--muted:#5b6770;--line:#d8dee4;--bg:#f6f8fa;--accent:#1f4e79;--warn:#c0504d}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);margin:0 auto;
max-width:1180px;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid var(--line)}
.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:.8rem;margin:1rem 0}
.card{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.card b{display:block;font-size:1.35rem}.card span{color:var(--muted);font-size:.85rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:1rem}
figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:.4rem}
svg.chart{width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid var(--line);padding:.25rem .4rem;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left;white-space:normal;overflow-wrap:anywhere;min-width:16rem}
th{background:var(--bg);position:sticky;top:0;cursor:pointer;user-select:none}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.scroll{max-height:34rem;overflow:auto;border:1px solid var(--line)}
details{border:1px solid var(--line);border-radius:6px;margin:.5rem 0;padding:.3rem .7rem}
summary{cursor:pointer;font-weight:600}
ol.findings{padding-left:1.4rem}ol.findings li{margin:.35rem 0}
code{background:var(--bg);padding:0 .25rem;border-radius:3px}
.sev-warning{color:#8a5a00}.sev-error{color:var(--warn)}.sev-info{color:var(--muted)}
.ctx{display:block;color:var(--muted)}mark{background:#ffe58f;color:var(--ink)}
.sugg{color:#1a6e2e}
.ba{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}.ba div{background:var(--bg);padding:.5rem;border-radius:4px;
white-space:pre-wrap}
del{background:#ffd7d5;text-decoration:line-through}ins{background:#ccf2d1;text-decoration:none}
.errors li{font-family:ui-monospace,monospace;font-size:.85rem}
"""

SORT_JS = """
document.querySelectorAll("table.sortable").forEach(function(t){
  var hs=t.tHead.rows[0].cells;
  Array.prototype.forEach.call(hs,function(h,i){h.addEventListener("click",function(){
    var asc=h.getAttribute("aria-sort")!=="ascending";
    Array.prototype.forEach.call(hs,function(o){o.removeAttribute("aria-sort")});
    h.setAttribute("aria-sort",asc?"ascending":"descending");
    var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);
    rows.sort(function(x,y){
      var a=x.cells[i].getAttribute("data-v"),c=y.cells[i].getAttribute("data-v");
      if(a===null){a=x.cells[i].textContent;c=y.cells[i].textContent;return asc?a.localeCompare(c):c.localeCompare(a)}
      return asc?a-c:c-a});
    rows.forEach(function(r){b.appendChild(r)});
  })});
});
"""


def _num_cell(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return '<td data-v="-1">–</td>'
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.{digits}f}"
    return f'<td data-v="{value}">{text}</td>'


def _card(value: str, caption: str) -> str:
    return f'<div class="card"><b>{escape(value)}</b><span>{escape(caption)}</span></div>'


def _fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def suggestion(finding: Mapping[str, Any]) -> str:
    """A short, plain description of a finding's fix (escaped HTML)."""
    fix = finding.get("fix")
    if not fix:
        return ""
    edits = fix.get("edits") or []
    title = str(fix.get("title", ""))
    options: list[str] = []
    if title.startswith("Cut"):
        options.append("cut it")
    elif len(edits) == 1 and (edits[0]["start"], edits[0]["end"]) == (finding.get("start"), finding.get("end")):
        rep = edits[0]["replacement"].strip()
        options.append(f"“{rep}”" if rep else "cut it")
    for alt in fix.get("alternatives") or []:
        quoted = f"“{alt.strip()}”" if alt.strip() else "cut it"
        if quoted.lower() not in (o.lower() for o in options):
            options.append(quoted)
    if not options:
        options.append(title)
    label = {"safe": "safe fix", "unsafe": "unsafe fix", "display-only": "suggestion"}.get(fix.get("applicability"), "")
    return (f'<span class="sugg">→ {escape(" / ".join(options))}</span>'
            + (f' <span class="muted">({escape(label)})</span>' if label else ""))


def diff_html(before: str, after: str) -> tuple[str, str]:
    """Word-level marked-up before and after (escaped; <del> and <ins> for what changed)."""
    a = re.split(r"(\s+)", before)
    b = re.split(r"(\s+)", after)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(old)
            right.append(new)
            continue
        if old:
            left.append(f"<del>{old}</del>")
        if new:
            right.append(f"<ins>{new}</ins>")
    return "".join(left), "".join(right)


def _flagged(finding: Mapping[str, Any], context: Sequence[str] | None) -> str:
    text = str(finding.get("text", ""))
    if not text:
        return ""
    if len(text) > MAX_FLAGGED_TEXT:
        text = text[:MAX_FLAGGED_TEXT].rsplit(" ", 1)[0] + " …"
    left, right = (context or ("", ""))[:2]
    return f'<span class="ctx">{escape(left)}<mark>{escape(text)}</mark>{escape(right)}</span>'


def file_section(record: Record, row: Row) -> str:
    path = str(record["path"])
    m = record["metrics"]
    findings = record["findings"]
    contexts: list[Any] = record.get("context") or [None] * len(findings)
    out = [f'<details id="f{row.index}"><summary>{escape(path)} '
           f'<span class="muted">grade {_fmt(row.grade)} · {len(findings):,} findings</span></summary>']
    out.append(f'<p class="muted">{int(m.get("words", 0)):,} words, {int(m.get("sentences", 0)):,} sentences, '
               f'Flesch reading ease {_fmt(m.get("flesch_reading_ease"))}, '
               f'{int(m.get("hard_sentences", 0))} hard and {int(m.get("very_hard_sentences", 0))} very hard '
               "sentences.</p>")
    for note in record.get("notes") or ():
        out.append(f'<p class="muted">Note: {escape(str(note))}</p>')
    sr = record.get("safe_rewrite")
    if sr:
        if sr.get("applied"):
            out.append(f"<p><b>Safe rewrite</b>: {int(sr['applied'])} fixes applied; grade "
                       f"{_fmt(sr.get('grade_before'))} → {_fmt(sr.get('grade_after'))}.</p>")
            before, after = diff_html(str(sr.get("before", "")), str(sr.get("after", "")))
            out.append(f'<div class="ba"><div><b>Before</b><br>{before}</div><div><b>After</b><br>{after}</div></div>')
        else:
            out.append('<p class="muted">No safe fix applies.</p>')
    if findings:
        out.append('<ol class="findings">')
        for f, ctx in list(zip(findings, contexts, strict=False))[:MAX_FINDINGS_SHOWN]:
            sev = escape(str(f.get("severity", "")))
            out.append(f'<li><code>{escape(str(f["code"]))}</code> <span class="sev-{sev}">{sev}</span> '
                       f'<span class="muted">{int(f.get("line", 0))}:{int(f.get("column", 0))}</span> '
                       f'{escape(str(f.get("message", "")))} {suggestion(f)}{_flagged(f, ctx)}</li>')
        out.append("</ol>")
        if len(findings) > MAX_FINDINGS_SHOWN:
            out.append(f'<p class="muted">… and {len(findings) - MAX_FINDINGS_SHOWN:,} more '
                       "(the JSON report lists them all).</p>")
    out.append("</details>")
    return "\n".join(out)


def write_html(result: BatchResult, summary: dict[str, Any], out: TextIO, *, title: str = "Plain-language report",
               known_families: Sequence[str] = (), family_names: Mapping[str, str] | None = None,
               generated: str = "") -> None:
    ch.require_matplotlib()
    rows = result.checked
    out.write('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
              '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n")
    out.write(f"<header><h1>{escape(title)}</h1><p class=\"muted\">{escape(generated)}</p></header>\n")
    out.write(_summary_section(summary))
    out.write(_charts_section(summary, rows, dict(family_names or {})))
    detailed = _detailed(rows)
    out.write(_files_section(rows, families_of(result, known_families), detailed))
    out.write('<section id="details"><h2>Findings by file</h2>\n')
    if len(detailed) < len(rows):
        out.write(f'<p class="muted">The {len(detailed):,} hardest files of {len(rows):,} (by grade); the JSON '
                  "report has the findings of every file.</p>\n")
    for row in rows:
        if row.index not in detailed:
            continue
        out.write(file_section(result.record(row), row))
        out.write("\n")
    out.write("</section>\n")
    errors = result.errors
    if errors:
        out.write(f'<section id="errors"><h2>Could not check ({len(errors):,})</h2><ul class="errors">')
        for r in errors:
            out.write(f"<li>{escape(r.error or r.path)}</li>")
        out.write("</ul></section>\n")
    out.write(f"<script>{SORT_JS}</script>\n</body>\n</html>\n")


def _summary_section(s: dict[str, Any]) -> str:
    g = s["grade"]
    target = s["target_grade"]
    out = ['<section id="summary"><h2>Summary</h2><div class="cards">']
    failed = f" ({s['files_failed']:,} failed)" if s["files_failed"] else ""
    out.append(_card(f"{s['files_checked']:,}", "files checked" + failed))
    out.append(_card(f"{s['words']:,}", "words"))
    out.append(_card(_fmt(g["mean"]), f"mean grade (sd {_fmt(g['stdev'])})"))
    out.append(_card(f"{_fmt(g['p10'])}–{_fmt(g['p90'])}", "grade, 10th–90th percentile"))
    if target is not None:
        out.append(_card(f"{s['files_above_target']:,}", f"files above target grade {target:g}"))
    out.append(_card(f"{s['findings_per_1000_words']:.1f}", f"findings per 1,000 words ({s['findings']:,} in all)"))
    out.append(_card(f"{s['hard_sentence_share'] * 100:.0f}%", "hard or very hard sentences"))
    sr = s["safe_rewrite"]
    files_changed = sr["files_changed"]
    plural = "" if files_changed == 1 else "s"
    out.append(_card(f"{sr['fixes_applied']:,}", f"safe fixes in {files_changed:,} file{plural} "
                                                  f"(mean grade after {_fmt(sr['grade_mean_after'])})"))
    out.append("</div></section>\n")
    return "".join(out)


def _charts_section(s: dict[str, Any], rows: Sequence[Row], names: Mapping[str, str]) -> str:
    target = s["target_grade"]
    grades = [r.grade for r in rows if r.words]
    figures = [ch.grade_histogram(grades, target)]
    registers = [float(r.metrics["register_score"]) for r in rows if r.words and "register_score" in r.metrics]
    if registers:
        figures.append(ch.register_histogram(registers))
    if s["by_family"]:
        figures.append(ch.family_bars(s["by_family"], dict(names)))
    if s["top_expressions"]:
        figures.append(ch.expression_bars(s["top_expressions"]))
    if s["worst_files"]:
        figures.append(ch.worst_file_bars(s["worst_files"], target))
    return ('<section id="charts"><h2>Charts</h2><div class="charts">\n'
            + "".join(f"<figure>{svg}</figure>\n" for svg in figures) + "</div></section>\n")


def _detailed(rows: Sequence[Row]) -> set[int]:
    """The files whose findings the page lists: all, or the hardest MAX_DETAILED_FILES."""
    if len(rows) > MAX_DETAILED_FILES:
        ranked = worst_files(list(rows), MAX_DETAILED_FILES)
        return {r.index for r in ranked} if len(ranked) == MAX_DETAILED_FILES else {r.index for r in rows}
    return {r.index for r in rows}


def _files_section(rows: Sequence[Row], families: Sequence[str], detailed: set[int]) -> str:
    out = ['<section id="files"><h2>Files</h2><p class="muted">Click a column to sort; click a file for its '
           'findings.</p><div class="scroll"><table class="sortable"><thead><tr>']
    heads = ["File", "Words", "Grade", "After safe fixes", "Reading ease", "Register", "Hard", "Very hard",
             "Findings", "per 1,000 words", *families]
    out.append("".join(f"<th>{escape(h)}</th>" for h in heads))
    out.append("</tr></thead><tbody>\n")
    for r in rows:
        name = f'<a href="#f{r.index}">{escape(r.path)}</a>' if r.index in detailed else escape(r.path)
        cells = [f"<td>{name}</td>", _num_cell(r.words), _num_cell(r.grade),
                 _num_cell(r.grade_after), _num_cell(r.metrics.get("flesch_reading_ease")),
                 _num_cell(r.metrics.get("register_score")),
                 _num_cell(int(r.metrics.get("hard_sentences", 0))),
                 _num_cell(int(r.metrics.get("very_hard_sentences", 0))), _num_cell(r.findings),
                 _num_cell(per_1000(r.findings, r.words))]
        cells += [_num_cell(int(r.counts.get(f, 0))) for f in families]
        out.append("<tr>" + "".join(cells) + "</tr>\n")
    out.append("</tbody></table></div></section>\n")
    return "".join(out)


__all__ = ["diff_html", "file_section", "suggestion", "write_html"]
