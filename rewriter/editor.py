"""What the web editor shows and decides, as plain data (no Streamlit here, so it is testable).

- :func:`suggestions`: the edits an editor can accept or reject, one per fixable finding.
- :class:`EditorState`: the editor's decisions (accept, reject, the alternative picked, words
  ignored), keyed by what each is about (:class:`Subject`), not by offsets.
- :func:`selection`: which of them "accept all safe" / "accept all" / "reject all" tick.
- :func:`metric_rows`: readability before and after, the way the editor shows it.
- :func:`editor_config`: a Config from the sidebar's choices on top of the file's configuration.
- :func:`read_upload` / :func:`download_bytes`: drafts in and out, in the format they came in.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rewriter.config import Config, rule_enabled
from rewriter.document import LineIndex
from rewriter.fix import Rewrite, finding_key
from rewriter.model import Applicability, Report
from rewriter.textio import InputError, decode

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_CHARS = 400_000  # about 60,000 words: the most the editor takes in one draft
UPLOAD_TYPES = ("txt", "md", "markdown", "docx")
SEED_NAME = "000_2848cd7d85c6065c.txt"


CONTEXT_WORDS = 3  # words either side that tell two occurrences of the same flag apart
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


@dataclass(frozen=True)
class Subject:
    """What a suggestion is about, without offsets: the rule, the words it flags, the default
    replacement, and up to :data:`CONTEXT_WORDS` words either side on the same line (all lower
    case). An edit elsewhere in the draft leaves it unchanged; changing the flagged word changes it."""

    code: str
    observed: str
    replacement: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()

    @property
    def what(self) -> tuple[str, str, str]:
        return (self.code, self.observed, self.replacement)

    def near(self, other: Subject) -> bool:
        """The same flag where the words on one side are unchanged and the nearest word on the other
        side is too ("The harbinger of" after "Today, " is prepended: "Today, the harbinger of")."""
        if self.what != other.what:
            return False
        left = self.before[-1:] == other.before[-1:]
        right = self.after[:1] == other.after[:1]
        return (self.before == other.before and right) or (self.after == other.after and left)


def subject_of(text: str, start: int, end: int, code: str, replacement: str) -> Subject:
    """The :class:`Subject` of an edit of ``text[start:end]``."""
    left = text[max(0, start - 120) : start]
    left = left[left.rfind("\n") + 1 :]
    right = text[end : end + 120]
    cut = right.find("\n")
    if cut >= 0:
        right = right[:cut]
    before = tuple(w.lower() for w in _WORD.findall(left))[-CONTEXT_WORDS:] if CONTEXT_WORDS else ()
    after = tuple(w.lower() for w in _WORD.findall(right))[:CONTEXT_WORDS]
    return Subject(code, text[start:end].lower(), replacement.lower(), before, after)


@dataclass(frozen=True)
class Suggestion:
    """One edit the editor can accept: a finding with a fix that changes the text."""

    key: str  # finding_key(f): what ``rewrite(accept=...)`` takes, valid for this text only
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
    subject: Subject = field(default_factory=lambda: Subject("", "", ""))
    id: str = ""  # stable across edits elsewhere: widgets are keyed ``accept_<id>``, ``choice_<id>``

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    @property
    def label(self) -> str:
        return self.label_for(self.replacement)

    def label_for(self, replacement: str) -> str:
        """The label with ``replacement`` (the alternative picked) as the new text."""
        new = f"'{replacement}'" if replacement else "(cut)"
        return f"line {self.line} · {self.code} · '{self.observed}' → {new} · {self.applicability.label}"


def suggestions(report: Report, *, unsafe: bool = True) -> list[Suggestion]:
    """The fixable findings in text order. Safe fixes always; unsafe and display-only fixes (which
    an editor, being a person, may still take) only with ``unsafe``."""
    lines = LineIndex(report.text)
    out = []
    seen: dict[Subject, int] = {}
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
        subject = subject_of(report.text, edit.start, edit.end, f.code, default)
        n = seen[subject] = seen.get(subject, 0) + 1
        digest = zlib.crc32(repr(subject).encode("utf-8"))
        out.append(Suggestion(
            key=finding_key(f), code=f.code, family=f.family, start=f.start, end=f.end,
            line=lines.line_col(f.start)[0], observed=observed, replacement=default, options=options,
            applicability=f.fix.applicability, message=f.message, subject=subject,
            id=f"{f.code}-{digest:08x}-{n}",
        ))
    return out


def selection(items: Iterable[Suggestion], mode: str) -> dict[str, bool]:
    """The accept boxes after a button: ``safe`` ticks exactly the safe edits, ``all`` every
    edit, ``none`` none."""
    if mode not in ("safe", "all", "none"):
        raise ValueError(f"unknown selection {mode!r}")
    return {s.id: mode == "all" or (mode == "safe" and s.safe) for s in items}


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


# ---- decisions -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    """An editor's answer to one suggestion: accepted or not, and the alternative picked ("": the
    default). ``by`` says who decided: ``"editor"`` (a tick, a pick, a button) or ``"opened"``
    (ticked when the draft was opened, see :meth:`EditorState.open`)."""

    accepted: bool
    choice: str = ""
    by: str = "editor"


@dataclass
class _Record:
    subject: Subject
    decision: Decision


class EditorState:
    """Every decision taken on one draft, testable without Streamlit.

    Decisions are keyed by :class:`Subject` (rule, flagged words, default replacement, nearby
    words), never by offsets. After each check, :meth:`sync` matches the new suggestions to the
    decisions: first exactly (an edit elsewhere, a settings change), then :meth:`Subject.near` (an
    edit next to the flag). A decision whose suggestion is gone (unsafe edits switched off, a
    family off, the sentence deleted) is kept and comes back with it; a decision is never carried
    to a different word, rule or replacement. Undecided suggestions follow the default: safe ones
    ticked, the rest not."""

    def __init__(self) -> None:
        self._records: list[_Record] = []
        self._bound: dict[str, _Record] = {}  # suggestion id -> its record, as of the last sync
        self._items: dict[str, Suggestion] = {}
        self._opening: str | None = None
        self.ignored: set[tuple[str, str]] = set()  # (code, observed lower case): "ignore in this draft"

    # -- the draft ------------------------------------------------------------------------------
    def open(self, mode: str = "safe") -> None:
        """A new draft: forget every decision. ``mode`` ("safe" or "all") ticks the suggestions
        of its first check as :func:`selection` would, recorded as decided ``"opened"``."""
        if mode not in ("safe", "all", "none"):
            raise ValueError(f"unknown selection {mode!r}")
        self._records.clear()
        self._bound.clear()
        self._items.clear()
        self.ignored.clear()
        self._opening = mode

    def sync(self, items: Sequence[Suggestion]) -> list[Suggestion]:
        """Bind the suggestions of a new check to the decisions; returns those not ignored."""
        # each suggestion takes the first free record (in the order decided) with its subject, then
        # the first that is near it; records are looked up by subject and by what, not scanned
        free: dict[Subject, list[_Record]] = {}
        for r in self._records:
            free.setdefault(r.subject, []).append(r)
        bound: dict[str, _Record] = {}
        moved: list[tuple[_Record, Subject]] = []
        taken: set[int] = set()
        rest = []
        for s in items:
            same = free.get(s.subject)
            if not same:
                rest.append(s)
                continue
            rec = same.pop(0)
            taken.add(id(rec))
            bound[s.id] = rec
            moved.append((rec, s.subject))
        by_what: dict[tuple[str, str, str], list[_Record]] = {}
        for r in self._records:
            if id(r) not in taken:
                by_what.setdefault(r.subject.what, []).append(r)
        pending: list[Suggestion] = []
        for s in rest:
            group = by_what.get(s.subject.what, [])
            near = next((r for r in group if r.subject.near(s.subject)), None)
            if near is None:
                pending.append(s)
                continue
            group.remove(near)
            bound[s.id] = near
            moved.append((near, s.subject))
        for rec, subject in moved:  # a record follows its suggestion (an edit next to the flag)
            rec.subject = subject
        if self._opening is not None:
            for s in pending:
                rec = _Record(s.subject, Decision(self._opening == "all" or (self._opening == "safe" and s.safe),
                                                  by="opened"))
                self._records.append(rec)
                bound[s.id] = rec
            self._opening = None
        self._bound = bound
        self._items = {s.id: s for s in items}
        return self.visible(items)

    def visible(self, items: Iterable[Suggestion]) -> list[Suggestion]:
        return [s for s in items if (s.code, s.subject.observed) not in self.ignored]

    def current(self) -> list[Suggestion]:
        """The suggestions of the last :meth:`sync`, not ignored, in text order."""
        return self.visible(self._items.values())

    def item(self, sid: str) -> Suggestion | None:
        """A suggestion of the last :meth:`sync` by id (for widget callbacks)."""
        return self._items.get(sid)

    # -- reading --------------------------------------------------------------------------------
    def decision(self, s: Suggestion) -> Decision | None:
        rec = self._bound.get(s.id)
        return rec.decision if rec is not None else None

    def accepted(self, s: Suggestion) -> bool:
        d = self.decision(s)
        if (s.code, s.subject.observed) in self.ignored:
            return False
        return d.accepted if d is not None else s.safe

    def choice(self, s: Suggestion) -> str:
        """The replacement that applies if ``s`` is accepted (the default unless one was picked)."""
        d = self.decision(s)
        if d is not None and d.choice in s.options:
            return d.choice
        return s.replacement

    def label(self, s: Suggestion) -> str:
        return s.label_for(self.choice(s))

    def accept_keys(self, items: Iterable[Suggestion]) -> tuple[str, ...]:
        """The finding keys to pass to ``rewrite(accept=...)``."""
        return tuple(s.key for s in items if self.accepted(s))

    def choices(self, items: Iterable[Suggestion]) -> dict[str, str]:
        """``rewrite(choices=...)``: finding key -> alternative, where one other than the default was picked."""
        return {s.key: self.choice(s) for s in items if self.choice(s) != s.replacement}

    # -- deciding -------------------------------------------------------------------------------
    def _set(self, s: Suggestion, decision: Decision) -> None:
        rec = self._bound.get(s.id)
        if rec is None:
            rec = _Record(s.subject, decision)
            self._records.append(rec)
            self._bound[s.id] = rec
        rec.decision = decision

    def decide(self, s: Suggestion, accepted: bool) -> None:
        d = self.decision(s)
        self._set(s, Decision(bool(accepted), d.choice if d else ""))

    def pick(self, s: Suggestion, choice: str) -> None:
        """Pick an alternative (which ticks the suggestion)."""
        if choice not in s.options:
            raise ValueError(f"{choice!r} is not an option for {s.observed!r}")
        self._set(s, Decision(True, "" if choice == s.replacement else choice))

    def select(self, items: Iterable[Suggestion], mode: str) -> None:
        """The accept-all buttons: ``safe`` ticks exactly the safe edits, ``all`` every one, ``none`` none."""
        items = list(items)
        ticks = selection(items, mode)
        for s in items:
            self.decide(s, ticks[s.id])

    def ignore(self, s: Suggestion) -> None:
        """Ignore this word for this rule in this draft (every occurrence); it is no longer suggested."""
        self.ignored.add((s.code, s.subject.observed))

    def unignore_all(self) -> None:
        self.ignored.clear()

    def act(self, event: Mapping[str, Any]) -> bool:
        """An action from the card of a highlight: ``{"action": "accept" | "reject" | "pick" |
        "ignore", "id": suggestion id (of the last sync), "choice": an option}``. False when it
        names no suggestion of the last check (a stale click) or is not understood."""
        s = self.item(str(event.get("id", "")))
        action = event.get("action")
        if s is None:
            return False
        choice = str(event.get("choice") or "")
        if action == "accept":
            self.pick(s, choice if choice in s.options else self.choice(s))
        elif action == "pick" and choice in s.options:
            self.pick(s, choice)
        elif action == "reject":
            self.decide(s, False)
        elif action == "ignore":
            self.ignore(s)
        else:
            return False
        return True

    def card_items(self, items: Iterable[Suggestion], report: Report) -> dict[str, dict[str, Any]]:
        """What the card of each highlight shows, by suggestion id (plain JSON for the component)."""
        from rewriter.htmlview import family_label

        reasons = {finding_key(f): str(f.data.get("reason") or "") for f in report.findings if f.data}
        labels = {fc: family_label(*fc) for fc in {(f.family, f.category) for f in report.findings}}
        names = {finding_key(f): labels[(f.family, f.category)] for f in report.findings}
        return {s.id: {"family": names.get(s.key, s.family), "observed": s.observed, "message": s.message,
                       "why": reasons.get(s.key, ""), "options": list(s.options), "choice": self.choice(s),
                       "accepted": self.accepted(s), "safe": s.safe} for s in items}

    def rows(self, items: Iterable[Suggestion]) -> list[dict[str, Any]]:
        """The decision on each suggestion, for the findings JSON."""
        out = []
        for s in items:
            d = self.decision(s)
            ignored = (s.code, s.subject.observed) in self.ignored
            out.append({"start": s.start, "end": s.end, "code": s.code, "text": s.observed,
                        "accepted": self.accepted(s), "replacement": self.choice(s) if self.accepted(s) else None,
                        "suggested": s.replacement, "alternatives": list(s.options),
                        "applicability": s.applicability.label,
                        "decided_by": "ignored" if ignored else (d.by if d is not None else "default")})
        return out


def findings_json(report: Report, state: EditorState, items: Sequence[Suggestion], *,
                  unsafe: bool = True, rewritten: str | None = None) -> str:
    """``check --format json`` of ``report`` (version 1, keys only added), with the editor's work:
    each finding that had a suggestion gets ``"decision"`` (accepted or not, the replacement
    chosen, who decided: ``editor``, ``opened``, ``default`` or ``ignored``), and the file gets
    ``"editor"`` (counts, whether unsafe edits were proposed, the rewritten text)."""
    from rewriter.render.json import VERSION, file_dict

    entry = file_dict(report)  # what render_json writes for the file, as a dict
    payload = {"version": VERSION, "files": [entry]}
    rows = {(r["code"], r["start"], r["end"]): r for r in state.rows(items)}
    for f in entry["findings"]:
        row = rows.get((f["code"], f["start"], f["end"]))
        if row is not None:
            f["decision"] = {k: row[k] for k in ("accepted", "replacement", "decided_by")}
    accepted = sum(1 for r in rows.values() if r["accepted"])
    entry["editor"] = {"suggestions": len(rows), "accepted": accepted, "rejected": len(rows) - accepted,
                       "unsafe_proposed": bool(unsafe),
                       "ignored": sorted(f"{code} {word}" for code, word in state.ignored)}
    if rewritten is not None:
        entry["editor"]["rewrite"] = rewritten
    return dumps_json(payload) + "\n"


def dumps_json(value: Any, depth: int = 0, inline: int = 4) -> str:
    """JSON of ``value`` indented two spaces a level down to ``inline`` levels, and each value
    there on one line (in the findings JSON: one finding a line). The same data as
    ``json.dumps(value, indent=2)``, many times faster on a long draft (``indent`` takes Python's
    own encoder, one line each takes the C one)."""
    import json

    if depth >= inline or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=False)
    pad, end = "  " * (depth + 1), "  " * depth
    if isinstance(value, dict):
        parts = [f"{pad}{json.dumps(str(k), ensure_ascii=False)}: {dumps_json(v, depth + 1, inline)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(parts) + f"\n{end}}}"
    return "[\n" + ",\n".join(f"{pad}{dumps_json(v, depth + 1, inline)}" for v in value) + f"\n{end}]"


def is_new_draft(old: str, new: str) -> bool:
    """Whether ``new`` is another draft (pasted over ``old``) rather than ``old`` edited: fewer than
    half of its paragraphs (non-blank lines) are in ``old``."""
    lines = [ln.strip() for ln in new.splitlines() if ln.strip()]
    if not lines:
        return False
    if not old.strip():
        return True
    kept = {ln.strip() for ln in old.splitlines() if ln.strip()}
    return sum(1 for ln in lines if ln in kept) * 2 < len(lines)


# ---- readability -----------------------------------------------------------------------------

@dataclass(frozen=True)
class MetricRow:
    key: str
    label: str
    before: float
    after: float
    lower_is_better: bool
    fmt: str  # "grade" | "score" | "seconds" | "count"
    note: str = ""  # why the change is shown without good/bad colour, when it is

    @property
    def delta_color(self) -> Literal["normal", "inverse", "off"]:
        """Streamlit's colouring of the change: green when it went the right way, red when the
        wrong way, grey ("off") when the change is not a judgement (see ``note``)."""
        if self.note:
            return "off"
        return "inverse" if self.lower_is_better else "normal"

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def change(self) -> str:
        """``before → after`` as shown (one value when they show the same)."""
        a, b = self.show(self.before), self.show(self.after)
        if a != b and self.fmt == "seconds":  # short enough for a metric box: 1:40 → 1:29
            a, b = (f"{round(v) // 60}:{round(v) % 60:02d}" for v in (self.before, self.after))
        return a if a == b else f"{a} → {b}"

    @property
    def delta_text(self) -> str | None:
        """The change as shown, signed (``-1 min 05 s``, ``+2.3``), or None when it shows as no change."""
        if self.show(self.before) == self.show(self.after):
            return None
        magnitude = self.show(abs(self.delta))
        if magnitude in ("0", "0.0", "0 s"):
            return None
        return f"{'+' if self.delta > 0 else '-'}{magnitude}"

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
            rows.append(MetricRow(key, label, float(before[key]), float(after[key]), lower, fmt,
                                  note=_hard_note(key, before, after)))
    return rows


def _hard_note(key: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """More hard sentences is no loss when they are very hard ones made easier: the sentences
    that are hard or very hard did not grow. Say so instead of showing a red rise."""
    if key != "hard_sentences":
        return ""
    counts = [(float(m.get("hard_sentences", 0)), float(m.get("very_hard_sentences", 0))) for m in (before, after)]
    (hard0, very0), (hard1, very1) = counts
    if hard1 > hard0 and very1 < very0 and hard1 + very1 <= hard0 + very0:
        return "Very hard sentences became hard ones; no sentence became harder."
    return ""


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


__all__ = ["MAX_CHARS", "MAX_UPLOAD_BYTES", "Decision", "Draft", "EditorState", "MetricRow", "Subject",
           "Suggestion", "as_format", "choices_for", "download_bytes", "dumps_json", "editor_config", "find_seeds",
           "finding_rows", "findings_json", "is_new_draft", "metric_rows", "read_path", "read_upload", "reading_time",
           "refused", "rule_families", "selection", "subject_of", "suggestions"]
