"""The rewriter: apply fixes by applicability, guard meaning, re-check until stable.

Only edits chosen by applicability (or accepted by an editor) are applied; every other fixable
finding is returned in ``Rewrite.skipped`` with the reason. Protected regions are never edited,
and every number, proper name and quotation of the original must still be in the rewrite.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rewriter.candidate import sentence_problem
from rewriter.config import Config
from rewriter.document import Document, overlaps_any
from rewriter.engine import analyze
from rewriter.grammar_guard import grammar_guard
from rewriter.model import Applicability, Edit, Finding, Report

MAX_ITERATIONS = 4

# (sentence before, sentence after) -> a reason to refuse the edit, or None
Guard = Callable[[str, str], "str | None"]


@dataclass(frozen=True)
class Skipped:
    finding: Finding
    reason: str


@dataclass(frozen=True)
class Rewrite:
    original: str
    text: str
    applied: tuple[Finding, ...]
    skipped: tuple[Skipped, ...]
    before: Mapping[str, Any]
    after: Mapping[str, Any]
    iterations: int = 0
    report: Report | None = None  # the final check of the rewritten text
    edits: tuple[Edit, ...] = field(default=())  # first-pass edits, in offsets of the original

    @property
    def changed(self) -> bool:
        return self.text != self.original


def finding_key(f: Finding) -> str:
    """A stable id for a finding in one text (the UI keys its accept boxes by it)."""
    return f"{f.code}:{f.start}:{f.end}"


def rewrite(
    text: str,
    unsafe: bool | None = None,
    config: Config | None = None,
    *,
    path: str = "<stdin>",
    accept: Collection[str] | None = None,
    choices: Mapping[str, str] | None = None,
    guards: Sequence[Guard] = (),
    report: Report | None = None,
) -> Rewrite:
    """Rewrite ``text`` with its fixes.

    By default safe fixes apply (``unsafe=True`` adds unsafe ones) and the text is re-checked
    until nothing more applies. With ``accept`` (finding keys, see :func:`finding_key`) exactly
    those findings are applied in one pass, as an editor chose them; ``choices`` maps a key to
    one of the finding's alternatives."""
    config = config or Config()
    if unsafe is None:
        unsafe = config.unsafe_fixes
    grammar = grammar_guard(config.languagetool, config)  # None when LanguageTool is off
    if grammar is not None:
        guards = (*guards, grammar)
    required = Applicability.UNSAFE if unsafe else Applicability.SAFE
    first = report if report is not None and report.text == text else analyze(text, config, path)
    current, current_report = text, first
    applied: list[Finding] = []
    skipped: dict[str, Skipped] = {}
    first_edits: tuple[Edit, ...] = ()
    iterations = 0
    original_document = Document.from_text(text)
    protected_strings = meaning_strings(original_document, first.names)
    # edits a check turned down, by what they change: the next pass offers what they overlapped
    # (a cut that would lose a name no longer hides the word swap inside it)
    rejected: set[tuple[str, str, str]] = set()
    while iterations < (1 if accept is not None else MAX_ITERATIONS):
        iterations += 1
        known = len(rejected)
        picked, skip = choose(_without(current_report, rejected), required, accept, choices)
        document = original_document if current is text else Document.from_text(current)
        edits = _guarded(document, picked, guards, skip, rejected)
        for s in skip:
            key = finding_key(s.finding) if iterations == 1 else f"{iterations}:{finding_key(s.finding)}"
            skipped.setdefault(key, s)
        # the sentence check turns an edit down for the others beside it: it is tried afresh next pass
        edits = _sentence_checked(current, edits, skipped, iterations)
        edits = _meaning_kept(current, edits, protected_strings, skipped, rejected)
        new_text = apply_edits(current, [e for _, e in edits])
        if not edits:
            if len(rejected) > known and accept is None:
                continue  # try again without what was turned down
            break
        if iterations == 1:
            first_edits = tuple(e for _, e in edits)
        applied.extend(f for f, _ in edits)
        current = new_text
        current_report = edited_splits(analyze(current, config, path), text)
    if current_report.text != current:
        current_report = analyze(current, config, path)
    # what still could be fixed but was not chosen stays listed with a reason
    applied_keys = {finding_key(f) for f in applied}
    return Rewrite(
        original=text, text=current, applied=tuple(applied),
        skipped=tuple(s for k, s in skipped.items() if k not in applied_keys),
        before=first.metrics, after=current_report.metrics, iterations=iterations,
        report=current_report, edits=first_edits,
    )


def _guarded(document: Document, picked: list[tuple[Finding, Edit]], guards: Sequence[Guard],
             skip: list[Skipped], rejected: set[tuple[str, str, str]]) -> list[tuple[Finding, Edit]]:
    """The picked edits that touch no protected region, drop no number and pass every guard; the
    others go to ``skip`` with the reason and to ``rejected``."""
    text = document.text
    edits: list[tuple[Finding, Edit]] = []
    for f, edit in picked:
        reason = guard_edit(document, edit)
        if reason is None:
            reason = _guards(text, edit, guards)
        if reason is not None:
            skip.append(Skipped(f, reason))
            rejected.add(_signature(text, f, edit))
            continue
        edits.append((f, edit))
    return edits


def _meaning_kept(text: str, edits: list[tuple[Finding, Edit]], protected: Counter[str],
                  skipped: dict[str, Skipped], rejected: set[tuple[str, str, str]]) -> list[tuple[Finding, Edit]]:
    """``edits`` less those that would lose a number, quotation or name of the original."""
    lost = missing_meaning(protected, apply_edits(text, [e for _, e in edits])) if edits else None
    if not lost:
        return edits
    keep = []
    for f, e in edits:
        if any(_touches(text, s, e) for s in lost):
            skipped[finding_key(f)] = Skipped(f, f"would lose '{sorted(lost)[0]}' from the original")
            rejected.add(_signature(text, f, e))
        else:
            keep.append((f, e))
    return keep


def _signature(text: str, f: Finding, edit: Edit) -> tuple[str, str, str]:
    return f.code, text[edit.start : edit.end], edit.replacement


def _without(report: Report, rejected: set[tuple[str, str, str]]) -> Report:
    """``report`` less the findings whose edit was turned down in an earlier pass."""
    if not rejected:
        return report
    text = report.text
    keep = tuple(f for f in report.findings
                 if not (f.fix is not None and len(f.fix.edits) == 1
                         and _signature(text, f, f.fix.edits[0]) in rejected))
    return report if len(keep) == len(report.findings) else replace(report, findings=keep)


def choose(
    report: Report, required: Applicability, accept: Collection[str] | None, choices: Mapping[str, str] | None
) -> tuple[list[tuple[Finding, Edit]], list[Skipped]]:
    """Pick non-overlapping edits: longest first, then earliest (deterministic). Near-linear in the
    number of findings (a long draft's tick chooses among hundreds of edits)."""
    candidates, skipped = fix_candidates(report, required, accept, choices)
    taken = _Taken() if all(e.start <= e.end for _, e in candidates) else _TakenScan()
    picked = []
    for f, e in candidates:
        if taken.overlaps(e):
            skipped.append(Skipped(f, "overlaps a longer fix"))
            continue
        taken.add(e)
        picked.append((f, e))
    picked.sort(key=lambda fe: fe[1].start)
    return picked, skipped


def fix_candidates(
    report: Report, required: Applicability, accept: Collection[str] | None, choices: Mapping[str, str] | None
) -> tuple[list[tuple[Finding, Edit]], list[Skipped]]:
    """The edit each finding would make (the accepted or chosen alternative, or its one edit when
    it is at least ``required``), longest first, then earliest; and the findings skipped, with why."""
    candidates: list[tuple[Finding, Edit]] = []
    skipped: list[Skipped] = []
    if accept is not None and not isinstance(accept, (set, frozenset, dict)):
        accept = frozenset(accept)  # a tuple or list: one lookup per finding must not scan it
    for f in report.findings:
        if f.fix is None:
            continue
        key = finding_key(f)
        if accept is not None:
            if key not in accept:
                skipped.append(Skipped(f, "not accepted"))
                continue
            edit = _chosen_edit(f, (choices or {}).get(key))
            if edit is None:
                skipped.append(Skipped(f, "no replacement to apply"))
                continue
        else:
            if f.fix.applicability < required:
                if f.fix.applicability is Applicability.DISPLAY_ONLY:
                    reason = f"needs a person: {f.fix.why_not}" if f.fix.why_not else "needs a person (display-only)"
                else:
                    reason = "unsafe fix; use --unsafe-fixes or accept it"
                skipped.append(Skipped(f, reason))
                continue
            if len(f.fix.edits) != 1:
                skipped.append(Skipped(f, "multi-edit fixes need a person"))
                continue
            edit = f.fix.edits[0]
        candidates.append((f, edit))
    candidates.sort(key=lambda fe: (-(fe[1].end - fe[1].start), fe[1].start, fe[0].code))
    return candidates, skipped


class _Taken:
    """Edits taken so far (pairwise not :func:`_overlap`-ing), searched by bisection: whether a new
    edit overlaps one of them in O(log n). Ranges of text (start < end) do not overlap each other,
    so sorted by start they are sorted by end too; insertions (start == end) are kept apart."""

    def __init__(self) -> None:
        self.starts: list[int] = []  # ranges' starts, sorted
        self.ends: list[int] = []  # their ends, in the same order (so sorted too)
        self.points: list[int] = []  # insertions' positions, sorted

    def overlaps(self, e: Edit) -> bool:
        s, t = e.start, e.end
        if s < t:
            i = bisect_left(self.starts, t) - 1  # the range starting last before t
            if i >= 0 and self.ends[i] > s:
                return True
            j = bisect_left(self.points, s)  # an insertion at s..t (touching counts)
            return j < len(self.points) and self.points[j] <= t
        i = bisect_right(self.starts, s) - 1  # the range starting last at or before s
        if i >= 0 and self.ends[i] >= s:
            return True
        j = bisect_left(self.points, s)
        return j < len(self.points) and self.points[j] == s

    def add(self, e: Edit) -> None:
        if e.start < e.end:
            i = bisect_left(self.starts, e.start)
            self.starts.insert(i, e.start)
            self.ends.insert(i, e.end)
        else:
            insort(self.points, e.start)


class _TakenScan:
    """:class:`_Taken` by scanning every edit taken (for edits whose end comes before their start)."""

    def __init__(self) -> None:
        self.taken: list[Edit] = []

    def overlaps(self, e: Edit) -> bool:
        return any(_overlap(e, t) for t in self.taken)

    def add(self, e: Edit) -> None:
        self.taken.append(e)


def _chosen_edit(f: Finding, choice: str | None) -> Edit | None:
    assert f.fix is not None
    base = f.fix.edits[0] if f.fix.edits else None
    if base is None:
        return None
    if choice is None or choice == base.replacement:
        return base
    if choice not in f.fix.alternatives:
        return None
    k = f.fix.alternatives.index(choice)
    # shaped by the rule like the default (case, "a"/"an", a clean cut): every rule that offers
    # alternatives gives each its edit
    return f.fix.option_edits[k] if k < len(f.fix.option_edits) else None


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def edited_splits(report: Report, original: str) -> Report:
    """``report`` on a rewrite of ``original``, with the splits of plain sentences (SEN001, made
    display-only by :func:`rewriter.rules.structure.plain_long_sentences`) offered again where the
    sentence is not in the original: the rewriter already cut inflated wording from it."""
    findings = list(report.findings)
    changed = False
    for k, f in enumerate(findings):
        if (f.code == "SEN001" and f.fix is not None and f.fix.applicability is Applicability.DISPLAY_ONLY
                and report.text[f.start : f.end] not in original):
            findings[k] = replace(f, fix=replace(f.fix, applicability=Applicability.UNSAFE, why_not=""))
            changed = True
    return replace(report, findings=tuple(findings)) if changed else report


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits; mend the seams (no doubled spaces, no space before , . ; :)."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start}")
        left = text[pos : e.start]
        out.append(left)
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    # mend the seams only where an edit happened
    result: list[str] = []
    for piece in out:
        last = next((k for k in range(len(result) - 1, -1, -1) if result[k]), None)
        tail = result[last][-1] if last is not None else ""
        if tail and piece:
            if tail in " \t" and piece[0] in " \t":
                piece = piece.lstrip(" \t")
            if tail == " " and piece[:1] in (",", ".", ";", ":", "!", "?") and last is not None:
                result[last] = result[last].rstrip(" ")
        result.append(piece)
    return "".join(result)


_NUMBER = re.compile(r"\d[\d,.:/%-]*")


def meaning_strings(document: Document, names: Iterable[str] | None = None) -> Counter[str]:
    """Numbers, quotations and proper names of a text, which a rewrite must keep verbatim.
    ``names`` come from the pipeline (Report.names); without them, capitalised words inside a
    sentence stand in."""
    text = document.text
    out: Counter[str] = Counter()
    for m in _NUMBER.finditer(text):
        out[m.group().rstrip(",.:-")] += 1
    for q in document.quotes:
        out[text[q.start : q.end]] += 1
    if names is not None:
        for name in names:
            out[name] = max(out[name], name_count(text, name))
        return out
    for block in document.blocks:
        seg = text[block.start : block.end]
        for m in re.finditer(r"(?<=[a-z] )[A-Z][\w\u2019'-]+(?: [A-Z][\w\u2019'-]+)*", seg):
            out[m.group()] += 1
    return out


def _touches(text: str, s: str, e: Edit) -> bool:
    """Whether edit ``e`` overlaps an occurrence of ``s`` in ``text``."""
    i = text.find(s)
    while i >= 0:
        if i < e.end and e.start < i + len(s):
            return True
        i = text.find(s, i + 1)
    return False


def _at_sentence_start(text: str, i: int) -> bool:
    k = i
    while k > 0 and text[k - 1] in "'\"\u2018\u201c(":
        k -= 1
    if k == 0:
        return True
    if text[k - 1] not in " \t\r\n":
        return False
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or text[k - 1] in "\r\n":
        return True
    while k > 0 and text[k - 1] in "'\"\u2019\u201d)":
        k -= 1
    return k > 0 and text[k - 1] in ".!?:"


def name_count(text: str, name: str) -> int:
    """How often ``name`` occurs in ``text``; a one-word name at the start of a sentence ("Notably,
    ...") is not counted, since there a capital says nothing about being a name, and a fix that
    cuts such a word must be judged the same whatever the parse guessed elsewhere. An acronym
    ("US") counts wherever it stands: a split may move it to the front of a sentence."""
    if name.startswith("the ") and name[4:5].isupper():
        # "the Environment Agency" may open a sentence after a split: "The Environment Agency"
        return text.count(name) + text.count("The " + name[4:])
    if " " in name or not name[:1].isupper() or (len(name) > 1 and name.isupper()):
        # an acronym ("US", "NATO") is a name wherever it stands
        return text.count(name)
    n = 0
    i = text.find(name)
    while i >= 0:
        if not _at_sentence_start(text, i):
            n += 1
        i = text.find(name, i + 1)
    return n


def missing_meaning(original: Counter[str], text: str) -> set[str]:
    """The numbers, quotations and names of ``original`` that ``text`` has fewer of. A one-word name
    that a cut moved to the front of a sentence ("In a pivotal move, Pakistan ..." -> "Pakistan
    ...") is still there: in ``text`` it counts wherever it stands (in the original, only where a
    capital shows it is a name)."""
    return {s for s, n in original.items() if name_count(text, s) < n and text.count(s) < n}


def guard_edit(document: Document, edit: Edit) -> str | None:
    """Refuse edits that touch a protected region or drop a number or a name."""
    for r in document.protected(include_quotes=True):
        if r.start < edit.end and edit.start < r.end:
            return f"touches a protected region ({r.kind})"
        if r.start >= edit.end:
            break
    removed = document.text[edit.start : edit.end]
    for m in _NUMBER.finditer(removed):
        number = m.group().rstrip(",.:-")
        if number not in edit.replacement:
            return f"would remove the number '{number}'"
    return None


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start),
             text.rfind("! ", 0, start))
    lo = 0 if lo < 0 else lo + 1
    ends = (text.find(". ", end), text.find("\n", end), text.find("? ", end), text.find("! ", end))
    his = [i for i in ends if i >= 0]
    hi = min(his) + 1 if his else len(text)
    return lo, hi


def _sentence_checked(text: str, edits: list[tuple[Finding, Edit]], skipped: dict[str, Skipped],
                      iteration: int) -> list[tuple[Finding, Edit]]:
    """Keep the edits that leave their sentence no worse as text (see
    :func:`rewriter.candidate.sentence_problem`), taking each sentence's edits in order, so that two
    edits that are fine alone but clash together ("changing ... changing") keep only the first."""
    kept: list[tuple[Finding, Edit]] = []
    by_sentence: dict[tuple[int, int], list[Edit]] = {}
    for f, e in edits:
        lo, hi = _sentence_around(text, e.start, e.end)
        lo, hi = min(lo, e.start), max(hi, e.end)
        done = by_sentence.setdefault((lo, hi), [])
        before = apply_edits(text[lo:hi], [Edit(d.start - lo, d.end - lo, d.replacement) for d in done])
        after = apply_edits(text[lo:hi], [Edit(d.start - lo, d.end - lo, d.replacement) for d in [*done, e]])
        reason = sentence_problem(before.strip(), after.strip(), repeats=f.family in ("SEN", "SPL"))
        if reason is not None:
            key = finding_key(f) if iteration == 1 else f"{iteration}:{finding_key(f)}"
            skipped.setdefault(key, Skipped(f, reason))
            continue
        done.append(e)
        kept.append((f, e))
    return kept


def _guards(text: str, edit: Edit, guards: Sequence[Guard]) -> str | None:
    if not guards:
        return None
    lo, hi = _sentence_around(text, edit.start, edit.end)
    before = text[lo:hi].strip()
    after = (text[lo : edit.start] + edit.replacement + text[edit.end : hi]).strip()
    for guard in guards:
        reason = guard(before, after)
        if reason:
            return reason
    return None


__all__ = ["Guard", "Rewrite", "Skipped", "apply_edits", "finding_key", "overlaps_any", "rewrite"]
