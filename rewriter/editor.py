"""What the web editor shows and decides, as plain data (no Streamlit here, so it is testable).

- :func:`suggestions`: the edits an editor can accept or reject, one per fixable finding.
- :func:`selection`: which of them "accept all safe" / "accept all" / "reject all" tick.
- :func:`metric_rows`: readability before and after, the way the editor shows it.
- :func:`editor_config`: a Config from the sidebar's choices on top of the file's configuration.
- :func:`read_upload` / :func:`download_bytes`: drafts in and out, in the format they came in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rewriter.config import Config, rule_enabled
from rewriter.document import LineIndex
from rewriter.fix import Rewrite, finding_key
from rewriter.model import Applicability, Report
from rewriter.textio import InputError, decode

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_CHARS = 400_000  # about 60,000 words: the most the editor takes in one draft
UPLOAD_TYPES = ("txt", "md", "markdown", "docx")
SEED_NAME = "000_2848cd7d85c6065c.txt"


@dataclass(frozen=True)
class Suggestion:
    """One edit the editor can accept: a finding with a fix that changes the text."""

    key: str  # finding_key(f): the accept box is ``accept_<key>``
    code: str
    family: str
    start: int
    end: int
    line: int
    observed: str
    replacement: str  # the default, already inflected and cased
    options: tuple[str, ...]  # the default first, then the other alternatives
    applicability: Applicability
    message: str

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    @property
    def label(self) -> str:
        new = f"'{self.replacement}'" if self.replacement else "(cut)"
        return f"line {self.line} · {self.code} · '{self.observed}' → {new} · {self.applicability.label}"


def suggestions(report: Report, *, unsafe: bool = True) -> list[Suggestion]:
    """The fixable findings in text order. Safe fixes always; unsafe and display-only fixes (which
    an editor, being a person, may still take) only with ``unsafe``."""
    lines = LineIndex(report.text)
    out = []
    for f in report.findings:
        if f.fix is None or len(f.fix.edits) != 1:
            continue
        if not unsafe and f.fix.applicability is not Applicability.SAFE:
            continue
        edit = f.fix.edits[0]
        observed = report.text[edit.start : edit.end]
        if observed == edit.replacement:
            continue
        default = edit.replacement
        others = [a for a in f.fix.alternatives if a.lower() != default.lower() and a.lower() != observed.lower()]
        options = tuple(dict.fromkeys([default, *others]))
        out.append(Suggestion(
            key=finding_key(f), code=f.code, family=f.family, start=f.start, end=f.end,
            line=lines.line_col(f.start)[0], observed=observed, replacement=default, options=options,
            applicability=f.fix.applicability, message=f.message,
        ))
    return out


def selection(items: Iterable[Suggestion], mode: str) -> dict[str, bool]:
    """The accept boxes after a button: ``safe`` ticks exactly the safe edits, ``all`` every
    edit, ``none`` none."""
    if mode not in ("safe", "all", "none"):
        raise ValueError(f"unknown selection {mode!r}")
    return {s.key: mode == "all" or (mode == "safe" and s.safe) for s in items}


def choices_for(items: Iterable[Suggestion], picked: Mapping[str, str]) -> dict[str, str]:
    """Alternatives the editor picked, for ``rewrite(choices=...)``. The default (first) option
    is left out so the fix keeps its inflected, article-corrected form."""
    out = {}
    for s in items:
        choice = picked.get(s.key)
        if choice and choice != s.options[0] and choice in s.options:
            out[s.key] = choice
    return out


def refused(result: Rewrite, accepted: Iterable[str]) -> list[str]:
    """Why accepted edits were not applied (a protected region, a number or name that would be
    lost, an overlap), one line each, so that a ticked box that changes nothing says why."""
    wanted = set(accepted)
    lines = LineIndex(result.original)
    out = []
    for s in result.skipped:
        f = s.finding
        if finding_key(f) in wanted and s.reason != "not accepted":
            observed = result.original[f.start : f.end]
            out.append(f"line {lines.line_col(f.start)[0]}, {f.code} '{observed}': {s.reason}")
    return out


# ---- readability -----------------------------------------------------------------------------

@dataclass(frozen=True)
class MetricRow:
    key: str
    label: str
    before: float
    after: float
    lower_is_better: bool
    fmt: str  # "grade" | "score" | "seconds" | "count"

    @property
    def delta(self) -> float:
        return self.after - self.before

    def show(self, value: float) -> str:
        if self.fmt == "seconds":
            return reading_time(value)
        if self.fmt == "count":
            return str(int(value))
        return f"{value:.1f}"


_METRICS = (
    ("flesch_kincaid_grade", "Grade (Flesch-Kincaid)", True, "grade"),
    ("flesch_reading_ease", "Reading ease", False, "score"),
    ("register_score", "Register (0 plain, 100 inflated)", True, "score"),
    ("reading_time_seconds", "Reading time", True, "seconds"),
    ("hard_sentences", "Hard sentences", True, "count"),
    ("very_hard_sentences", "Very hard sentences", True, "count"),
)


def metric_rows(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[MetricRow]:
    rows = []
    for key, label, lower, fmt in _METRICS:
        if key in before and key in after:
            rows.append(MetricRow(key, label, float(before[key]), float(after[key]), lower, fmt))
    return rows


def reading_time(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"


# ---- settings ----------------------------------------------------------------------------------

def rule_families(config: Config) -> dict[str, bool]:
    """Each rule family (code prefix), in code order, and whether ``config`` enables any of its rules."""
    from rewriter.rules import all_rules

    out: dict[str, bool] = {}
    for info in all_rules(config.extra_lexicons):
        on = rule_enabled(info.code, config, info.default_enabled)
        out[info.family] = out.get(info.family, False) or on
    return out


def editor_config(base: Config, *, families: Sequence[str] | None = None, target_grade: float | None = None,
                  flag_quotes: bool | None = None, unsafe: bool | None = None) -> Config:
    """``base`` with the sidebar's choices: families switched off are ignored, families switched
    on that ``base`` leaves off are selected; the other rules keep their defaults."""
    changes: dict[str, Any] = {}
    if families is not None:
        known = rule_families(base)
        wanted = set(families)
        off = tuple(f for f, on in known.items() if on and f not in wanted)
        on = tuple(f for f, was in known.items() if not was and f in wanted)
        # a family switched on: drop the ignores inside it, and select it if it is off by default
        ignore = tuple(i for i in base.ignore if not any(i.startswith(f) for f in on))
        changes["ignore"] = ignore + off
        changes["extend_select"] = base.extend_select + on
    if target_grade is not None:
        changes["target_grade"] = float(target_grade)
    if flag_quotes is not None:
        changes["quotes"] = "flag" if flag_quotes else "skip"
    if unsafe is not None:
        changes["unsafe_fixes"] = bool(unsafe)
    return base.replace(**changes)


# ---- drafts in and out -------------------------------------------------------------------------

@dataclass(frozen=True)
class Draft:
    """A draft as the editor holds it: text with ``\\n`` newlines, and how to give it back."""

    name: str
    text: str
    kind: str = "txt"  # txt | md | docx
    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"
    docx: bytes | None = None  # the uploaded .docx, to write the rewrite back into
    docx_text: str = ""  # the text read from it (a rewrite of this text keeps its styles)


def read_upload(name: str, data: bytes, limit: int = MAX_UPLOAD_BYTES) -> Draft:
    """A draft from uploaded bytes (.txt, .md, .docx); InputError says why it cannot be read."""
    if len(data) > limit:
        raise InputError(f"{name} is {len(data) / (1024 * 1024):.1f} MB; the limit is "
                         f"{limit / (1024 * 1024):.0f} MB. Split the draft, or paste part of it.")
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix == "docx":
        from rewriter.docxio import read_docx

        doc = read_docx(data, name)
        return _check_length(Draft(name, doc.text, "docx", docx=data, docx_text=doc.text))
    if suffix not in UPLOAD_TYPES:
        raise InputError(f"{name}: not a draft this editor reads (.txt, .md or .docx)")
    src = decode(data, name)
    newline = src.newline
    text = src.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return _check_length(Draft(name, text, "md" if suffix in ("md", "markdown") else "txt", src.encoding, src.bom,
                               newline))


def _check_length(draft: Draft) -> Draft:
    if len(draft.text) > MAX_CHARS:
        raise InputError(f"{draft.name} has {len(draft.text):,} characters; the editor takes up to {MAX_CHARS:,} "
                         "(about 60,000 words). Split the draft, or check it with `rewriter check`.")
    return draft


def read_path(path: str | Path) -> Draft:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return read_upload(p.name, data, limit=max(MAX_UPLOAD_BYTES, len(data)) if p.is_file() else MAX_UPLOAD_BYTES)


def download_name(name: str) -> str:
    p = Path(name or "draft.txt")
    suffix = p.suffix or ".txt"
    return f"{p.stem}.rewritten{suffix}"


def download_bytes(draft: Draft, text: str) -> tuple[bytes, str, str]:
    """(content, file name, MIME type) of the rewritten draft, in the format it came in. A .docx
    draft whose text was not edited in the editor gets the rewrite written back into it paragraph by
    paragraph (styles kept); otherwise a new .docx with one paragraph per block."""
    name = download_name(draft.name)
    if draft.kind == "docx":
        from rewriter.docxio import docx_from_text, read_docx, write_docx

        mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if draft.docx is not None:
            original = read_docx(draft.docx, draft.name)
            try:
                return write_docx(original, text), name, mime
            except InputError:
                pass
        return docx_from_text(text), name, mime
    out = text.replace("\n", draft.newline) if draft.newline != "\n" else text
    try:
        data = draft.bom + out.encode(draft.encoding)
    except UnicodeEncodeError:
        data = out.encode("utf-8")
    mime = "text/markdown" if draft.kind == "md" else "text/plain"
    return data, name, mime


def as_format(draft: Draft, fmt: str) -> Draft:
    """``draft`` to be downloaded as ``fmt`` (txt, md, docx) instead of the format it came in."""
    if fmt == draft.kind:
        return draft
    stem = Path(draft.name or "draft").stem
    return Draft(f"{stem}.{fmt}", "", fmt)


def finding_rows(report: Report) -> list[dict[str, Any]]:
    """One row per finding for a table: where, what, and the suggested replacement."""
    lines = LineIndex(report.text)
    rows = []
    for f in report.findings:
        line, col = lines.line_col(f.start)
        suggestion = ""
        if f.fix is not None and f.fix.edits:
            suggestion = f.fix.edits[0].replacement or "(cut)"
        rows.append({"line": line, "column": col, "code": f.code, "message": f.message,
                     "suggestion": suggestion, "fix": f.fix.applicability.label if f.fix else ""})
    return rows


def find_seeds(*extra: str | Path) -> list[Path]:
    """Sample drafts: ``seeds/`` in the given folders, the working folder, or beside the package
    (an editable install); the seed draft first."""
    roots = [Path(e) for e in extra if e]
    roots += [Path.cwd() / "seeds", Path(__file__).resolve().parent.parent / "seeds"]
    for root in roots:
        if root.is_dir():
            files = sorted(p for p in root.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".md", ".docx"))
            if files:
                return sorted(files, key=lambda p: (p.name != SEED_NAME, p.name))
    return []


__all__ = ["MAX_CHARS", "MAX_UPLOAD_BYTES", "Draft", "MetricRow", "Suggestion", "as_format", "choices_for",
           "download_bytes", "editor_config", "find_seeds", "finding_rows", "metric_rows", "read_path",
           "read_upload", "reading_time", "refused", "rule_families", "selection", "suggestions"]
