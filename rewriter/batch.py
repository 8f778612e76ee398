"""Check many files at once and stream compact per-file records into a spool.

Each file becomes one JSON-ready *record* (its version-1 ``file_dict`` plus counts per family,
a context excerpt per finding and the safe rewrite's before/after), or an *error record* when it
cannot be read or checking it fails; one bad file never stops the run.

Local runs use a process pool (``jobs`` processes; each loads the spaCy pipeline once in its
initializer). Work is submitted in chunks with a bounded number in flight, so neither the texts
nor the results pile up in memory: records go to a temporary spool file as they complete and only
a small :class:`Row` per file stays in memory. ``jobs=1`` runs in this process. A worker that dies
(a crash, the OOM killer) breaks the pool; its chunk's files are then retried one at a time in a
fresh pool, and the file that kills a worker again becomes an error record.

The per-file work and the record's type are :mod:`rewriter.records`; a Dask cluster runs the same
per-file function (see :mod:`rewriter.batch_dask`).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, cast

from rewriter.config import Config
from rewriter.records import (
    CHUNK_SIZE,
    DIGEST_KEY,
    IN_FLIGHT_PER_WORKER,
    Record,
    Sink,
    Task,
    change_excerpt,
    check_chunk,
    check_task,
    check_text,
    chunked,
    error_record,
    finding_context,
    init_worker,
    make_record,
    text_digest,
    warm_up,
)
from rewriter.rules import family as rule_family

MAX_POOL_RESTARTS = 8


# ---------------------------------------------------------------- the collecting side


@dataclass
class Row:
    """What stays in memory per file: enough for the summary, the charts, the table and the CSV."""

    index: int
    path: str
    error: str | None = None
    words: int = 0
    sentences: int = 0
    grade: float = 0.0
    metrics: dict[str, float] = field(default_factory=dict)  # scalar metrics only
    findings: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    grade_after: float | None = None
    applied: int = 0
    offset: int = -1  # of the record in the spool
    length: int = 0


class BatchResult:
    """Records spooled to a temporary file as they arrive; rows, errors and tallies in memory."""

    def __init__(self) -> None:
        self._spool = tempfile.TemporaryFile(prefix="rewriter-report-", suffix=".jsonl")  # noqa: SIM115
        self._rows: dict[int, Row] = {}
        self.expressions: Counter[tuple[str, str]] = Counter()  # (code, lowercased text) -> count
        self.by_family: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()
        self.notes: Counter[str] = Counter()

    def __enter__(self) -> BatchResult:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._spool.close()

    def add(self, record: Record) -> Row:
        index = int(record.get("index", len(self._rows)))
        path = str(record["path"])
        if "error" in record:
            row = Row(index, path, error=str(record["error"]))
            self._rows[index] = row
            return row
        metrics = record["metrics"]
        scalars = {k: float(v) for k, v in metrics.items() if isinstance(v, int | float) and not isinstance(v, bool)}
        rewrite: Mapping[str, Any] = record.get("safe_rewrite") or {}
        row = Row(index, path, words=int(metrics.get("words", 0)), sentences=int(metrics.get("sentences", 0)),
                  grade=float(metrics.get("flesch_kincaid_grade", 0.0)), metrics=scalars,
                  findings=len(record["findings"]), counts=dict(record.get("counts", {})),
                  grade_after=rewrite.get("grade_after"), applied=int(rewrite.get("applied", 0)))
        for f in record["findings"]:
            family = rule_family(f["code"])
            self.by_family[family.prefix] += 1
            self.by_severity[f["severity"]] += 1
            if family.scope == "word" and f["text"]:  # sentence-wide findings are no "expressions"
                self.expressions[(f["code"], " ".join(f["text"].lower().split()))] += 1
        for note in record.get("notes", ()):
            self.notes[note] += 1
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        self._spool.seek(0, os.SEEK_END)
        row.offset = self._spool.tell()
        row.length = len(data)
        self._spool.write(data)
        self._spool.write(b"\n")
        self._rows[index] = row
        return row

    @property
    def rows(self) -> list[Row]:
        """Every file, checked or failed, in input order."""
        return [self._rows[i] for i in sorted(self._rows)]

    @property
    def checked(self) -> list[Row]:
        return [r for r in self.rows if r.error is None]

    @property
    def errors(self) -> list[Row]:
        return [r for r in self.rows if r.error is not None]

    def record(self, row: Row) -> Record:
        """Read one file's full record back from the spool."""
        if row.error is not None:
            return error_record(row.index, row.path, row.error)
        self._spool.seek(row.offset)
        return json.loads(self._spool.read(row.length))  # type: ignore[no-any-return]

    def records(self, rows: Iterable[Row] | None = None) -> Iterator[Record]:
        """Full records of checked files (input order unless ``rows`` says otherwise), one at a time."""
        for row in self.checked if rows is None else rows:
            if row.error is None:
                yield self.record(row)


# ---------------------------------------------------------------- running


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def run(
    tasks: Iterable[Task],
    *,
    jobs: int | None = None,
    scheduler: Any = None,
    total: int | None = None,
    progress: bool | None = None,
    result: BatchResult | None = None,
    chunk_size: int = CHUNK_SIZE,
    cache: bool = False,
) -> BatchResult:
    """Check every task and return the spooled result (the caller closes it).

    ``scheduler``: a Dask scheduler address (or a ``distributed.Client``) to run on a cluster;
    otherwise ``jobs`` local processes (default: all cores; 1 runs in this process).
    ``progress``: a rich progress bar on stderr (default: when stderr is a terminal).
    ``cache``: read records from the result cache here, before any worker starts, and store the
    new ones as they arrive (so that an unchanged re-run starts no worker and loads no model)."""
    result = result if result is not None else BatchResult()
    if progress is None:
        progress = sys.stderr.isatty()
    with _progress(progress, total) as advance:
        stored = _CacheSide() if cache else None

        def sink(record: Record) -> None:
            if stored is not None:
                stored.put(record)
            result.add(record)
            advance()

        if stored is not None:
            tasks = stored.misses(tasks, sink)

        if scheduler is not None:
            from rewriter.batch_dask import run_dask

            run_dask(tasks, scheduler, sink, chunk_size=chunk_size)
        else:
            jobs = jobs or default_jobs()
            if jobs <= 1:
                run_serial(tasks, sink)
            else:
                LocalRunner(jobs, chunk_size=chunk_size).run(tasks, sink)
    return result


class _CacheSide:
    """The result cache as the collecting process sees it: hits go straight to the sink, misses
    on to the workers, and their records into the cache when they come back."""

    def __init__(self) -> None:
        from rewriter.cache import Caches

        self.caches = Caches()
        self.pending: dict[int, tuple[Any, str, str]] = {}  # index -> (cache, key, text digest)

    def misses(self, tasks: Iterable[Task], sink: Sink) -> Iterator[Task]:
        import dataclasses

        from rewriter.cache import key
        from rewriter.textio import InputError, decode, read_source

        for t in tasks:
            cache = self.caches.for_config(t.config)
            if cache is None:
                yield t
                continue
            try:
                text = (decode(t.data, t.path) if t.data is not None else read_source(t.path)).text
            except InputError:
                yield t  # the worker reports why
                continue
            k = key("record", text, t.config, t.path)
            record = cache.get(k)
            if isinstance(record, dict) and "metrics" in record and "findings" in record:
                sink(cast(Record, dict(record, index=t.index, path=t.path)))
                continue
            digest = text_digest(text)
            self.pending[t.index] = (cache, k, digest)
            yield dataclasses.replace(t, digest=digest)

    def put(self, record: Record) -> None:
        digest = record.pop(DIGEST_KEY, None)
        held = self.pending.pop(int(record.get("index", -1)), None)
        if held is None or "error" in record or digest != held[2]:
            return
        if record.get("safe_rewrite", 0) is None:  # the safe rewrite failed: try again next time
            return
        cache, k, _ = held
        cache.put(k, {k2: v for k2, v in record.items() if k2 != "index"})


def run_serial(tasks: Iterable[Task], sink: Sink) -> None:
    for t in tasks:
        sink(check_task(t))


class LocalRunner:
    """A process pool with a bounded window of chunks in flight that survives dying workers."""

    def __init__(self, jobs: int, *, chunk_size: int = CHUNK_SIZE,
                 worker: Callable[[list[Task]], list[Any]] = check_chunk,
                 initializer: Callable[[Config | None], None] = init_worker,
                 start_method: str = "spawn") -> None:
        self.jobs = jobs
        self.chunk_size = max(1, chunk_size)
        self.worker = worker
        self.initializer = initializer
        self.context = multiprocessing.get_context(start_method)
        self.restarts = 0

    def _executor(self, config: Config | None) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=self.initializer,
                                   initargs=(config,))

    def run(self, tasks: Iterable[Task], sink: Callable[[Any], None]) -> None:
        """Each task through ``worker``; what it returns for each goes to ``sink`` (records, or
        whatever another worker makes: :mod:`rewriter.parallel` sends Reports)."""
        source = iter(tasks)
        first = next(source, None)
        if first is None:
            return
        config = first.config
        chunks = chunked(_prepend(first, source), self.chunk_size)
        window = self.jobs * IN_FLIGHT_PER_WORKER
        suspects: deque[Task] = deque()  # files of chunks that were in flight when a worker died
        pending: dict[Future[list[Any]], list[Task]] = {}
        executor = self._executor(config)
        exhausted = False
        try:
            while True:
                if suspects:  # one at a time, so that a crash names its file
                    if not pending:
                        t = suspects.popleft()
                        pending[executor.submit(self.worker, [t])] = [t]
                else:
                    while not exhausted and len(pending) < window:
                        chunk = next(chunks, None)
                        if chunk is None:
                            exhausted = True
                            break
                        pending[executor.submit(self.worker, chunk)] = chunk
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken = False
                for fut in done:
                    chunk = pending.pop(fut)
                    try:
                        records = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        if len(pending) == 0 and len(chunk) == 1 and not done - {fut}:
                            t = chunk[0]
                            sink(error_record(t.index, t.path, f"{t.path}: the worker checking it died "
                                                               "(crash or out of memory); skipped"))
                        else:
                            suspects.extend(chunk)
                        continue
                    except Exception as exc:
                        for t in chunk:
                            sink(error_record(t.index, t.path, f"{t.path}: internal error ({type(exc).__name__}: "
                                                               f"{exc})"))
                        continue
                    for r in records:
                        sink(r)
                if broken:
                    for chunk in pending.values():
                        suspects.extend(chunk)
                    pending.clear()
                    executor.shutdown(wait=False, cancel_futures=True)
                    self.restarts += 1
                    if self.restarts > MAX_POOL_RESTARTS:
                        rest = list(suspects) + [t for c in chunks for t in c]
                        for t in rest:
                            sink(error_record(t.index, t.path, f"{t.path}: not checked (worker processes kept "
                                                               "dying)"))
                        suspects.clear()
                        return
                    executor = self._executor(config)
        finally:
            executor.shutdown(wait=True, cancel_futures=True)


def _prepend(first: Task, rest: Iterator[Task]) -> Iterator[Task]:
    yield first
    yield from rest


class _Progress:
    def __init__(self, enabled: bool, total: int | None) -> None:
        self.enabled = enabled
        self.total = total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[], None]:
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                             TimeRemainingColumn(), console=Console(stderr=True), transient=False)
        self._bar.__enter__()
        self._task = self._bar.add_task("files", total=self.total)
        return lambda: self._bar.advance(self._task)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def _progress(enabled: bool, total: int | None) -> _Progress:
    return _Progress(enabled, total)


__all__ = ["BatchResult", "LocalRunner", "Record", "Row", "Task", "change_excerpt", "check_chunk", "check_task",
           "check_text", "default_jobs", "error_record", "finding_context", "make_record", "run", "warm_up"]
