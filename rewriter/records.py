"""The per-file work of a batch run, and the types both sides share: a :class:`Task` goes to a
worker (a local process, or a Dask worker: :mod:`rewriter.batch`, :mod:`rewriter.batch_dask`),
a :class:`Record` comes back. A record is JSON-ready; it never raises its way back (a file that
cannot be read or checked becomes an error record)."""

from __future__ import annotations

import contextlib
import difflib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final, TypedDict, cast

from rewriter.config import Config

CHUNK_SIZE = 4  # files per task sent to a worker
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker before the next is submitted
CONTEXT_CHARS = 70  # characters of context either side of a flagged expression
EXCERPT_CHARS = 360  # longest before/after excerpt of the safe rewrite
WARM_UP_TEXT = "The committee was told in order to begin. It met on Monday."
DIGEST_KEY: Final = "_text_sha256"  # in a record on its way to the collecting side only


@dataclass(frozen=True)
class Task:
    """One file to check. ``data`` carries the file's bytes when the worker cannot read the path."""

    index: int
    path: str
    config: Config
    data: bytes | None = None
    digest: str = ""  # SHA-256 of the text the result cache looked up; the record echoes the worker's


class SafeRewrite(TypedDict):
    """What a record says of its file's safe rewrite."""

    grade_before: float
    grade_after: float
    words_after: int
    applied: int
    changed: bool
    before: str  # the first changed paragraph, cut to about EXCERPT_CHARS
    after: str


class Record(TypedDict, total=False):
    """One file's result as it travels from a worker to the report, and is spooled and cached: the
    version-1 ``file_dict`` (path, metrics, findings, notes) plus ``counts`` per family, a
    ``context`` excerpt per finding, the ``safe_rewrite`` and the file's ``index`` in the run; or,
    for a file that could not be checked, only ``index``, ``path`` and ``error``."""

    index: int
    path: str
    error: str
    metrics: dict[str, Any]
    findings: list[dict[str, Any]]
    notes: list[str]
    counts: dict[str, int]
    context: list[list[str]]
    safe_rewrite: SafeRewrite | None
    _text_sha256: str  # DIGEST_KEY: on its way to the collecting side only


Sink = Callable[[Record], None]
Worker = Callable[[list[Task]], list[Record]]


# ---------------------------------------------------------------- the per-file work (in a worker)


def warm_up(config: Config | None = None) -> None:
    """Load the pipeline and the lexicons for ``config`` in this process (a worker's initializer),
    and the inflection tables that the first inflected fix would otherwise load mid-run."""
    from rewriter.engine import analyze
    from rewriter.inflect import inflect, tags_of_form

    analyze(WARM_UP_TEXT, config or Config())
    tags_of_form("sign", "signs")
    inflect("show", "VBG")


def init_worker(config: Config | None) -> None:
    with contextlib.suppress(Exception):  # the first file reports the problem as its error record
        warm_up(config)


def check_chunk(tasks: list[Task]) -> list[Record]:
    return [check_task(t) for t in tasks]


def check_task(task: Task) -> Record:
    """The record for one file; never raises (failures become error records)."""
    from rewriter.textio import InputError, decode, read_source

    try:
        src = decode(task.data, task.path) if task.data is not None else read_source(task.path)
    except InputError as exc:
        return error_record(task.index, task.path, str(exc))
    except Exception as exc:  # pragma: no cover - defensive
        return error_record(task.index, task.path, f"{task.path}: cannot read ({type(exc).__name__}: {exc})")
    if not src.text.strip():
        return error_record(task.index, task.path, f"{task.path}: empty file; nothing to check")
    try:
        record = check_text(src.text, task.config, task.path, task.index)
        if task.digest:  # the collecting side caches the record only if it is of the text it looked up
            record[DIGEST_KEY] = text_digest(src.text)
        return record
    except Exception as exc:
        return error_record(task.index, task.path,
                            f"{task.path}: internal error while checking ({type(exc).__name__}: {exc})")


def check_text(text: str, config: Config, path: str, index: int = 0, *, safe_rewrite: bool = True) -> Record:
    """Check ``text`` and rewrite it with its safe fixes; return the compact record."""
    from rewriter.engine import analyze
    from rewriter.fix import rewrite

    report = analyze(text, config, path)
    record = make_record(report, index)
    if not safe_rewrite:
        return record
    try:
        result = rewrite(text, unsafe=False, config=config, path=path, report=report)
    except Exception as exc:
        record["safe_rewrite"] = None
        record["notes"].append(f"safe rewrite failed ({type(exc).__name__}: {exc})")
        return record
    before, after = change_excerpt(text, result.text)
    record["safe_rewrite"] = {
        "grade_before": _grade(result.before),
        "grade_after": _grade(result.after),
        "words_after": int(result.after.get("words", 0)),
        "applied": len(result.applied),
        "changed": result.changed,
        "before": before,
        "after": after,
    }
    return record


def text_digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def make_record(report: Any, index: int = 0) -> Record:
    """``file_dict(report)`` plus ``counts`` (per family), ``context`` (per finding) and ``index``."""
    from rewriter.render.json import file_dict

    record = cast(Record, file_dict(report))
    record["counts"] = dict(sorted(Counter(f.family for f in report.findings).items()))
    record["context"] = [finding_context(report.text, f.start, f.end) for f in report.findings]
    record["index"] = index
    return record


def error_record(index: int, path: str, message: str) -> Record:
    return {"index": index, "path": path, "error": message}


def _grade(metrics: Any) -> float:
    return float(metrics.get("flesch_kincaid_grade", 0.0)) if metrics else 0.0


def finding_context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> list[str]:
    """Up to ``width`` characters of the same line either side of ``text[start:end]``."""
    if start == end:
        return ["", ""]
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    ends = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    line_end = min(ends) if ends else len(text)
    lo = max(line_start, start - width)
    hi = min(line_end, end + width)
    left = text[lo:start]
    right = text[end:hi]
    if lo > line_start:
        cut = left.find(" ")
        left = "…" + (left[cut + 1 :] if 0 <= cut < len(left) - 1 else left)
    if hi < line_end:
        cut = right.rfind(" ")
        right = (right[:cut] if cut > 0 else right) + "…"
    return [left, right]


def change_excerpt(before: str, after: str, limit: int = EXCERPT_CHARS) -> tuple[str, str]:
    """The first changed paragraph before and after a rewrite, cut to about ``limit`` characters."""
    if before == after:
        return "", ""
    a, b = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old = "\n".join(a[i1:i2])
        new = "\n".join(b[j1:j2])
        return _window(old, new, limit)
    return "", ""  # pragma: no cover - texts differ, so some opcode is not "equal"


def _window(old: str, new: str, limit: int) -> tuple[str, str]:
    if len(old) <= limit and len(new) <= limit:
        return old, new
    prefix = 0
    for x, y in zip(old, new, strict=False):
        if x != y:
            break
        prefix += 1
    lo = max(0, prefix - limit // 3)
    if lo:
        space = old.find(" ", lo)
        lo = space + 1 if 0 <= space < prefix else lo
    def cut(s: str) -> str:
        piece = s[lo : lo + limit]
        if lo + limit < len(s):
            space = piece.rfind(" ")
            piece = (piece[:space] if space > limit // 2 else piece) + "…"
        return ("…" if lo else "") + piece
    return cut(old), cut(new)


def chunked(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
