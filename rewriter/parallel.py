"""``check`` over many files: results from the cache where it holds them, the rest analysed in
this process or, when there is enough text to repay a worker's model load, in worker processes
(one spaCy pipeline each, as ``report`` does). Reports come back in input order, identical to a
serial run's."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from rewriter.config import Config
from rewriter.model import Report

PARALLEL_MIN_CHARS = 100_000  # text to check, over two files or more, before workers start


def auto_jobs(texts: Sequence[str], requested: int | None) -> int:
    """Worker processes for these texts: ``requested`` (capped at the texts and the cores), else
    all cores when there is enough text, else 1 (this process)."""
    if requested is None and (len(texts) < 2 or sum(len(t) for t in texts) < PARALLEL_MIN_CHARS):
        return 1  # (before the import: rewriter.batch brings multiprocessing, a cold start's cost)
    from rewriter.batch import default_jobs

    limit = max(1, min(default_jobs(), len(texts)))
    if requested is not None:
        return max(1, min(requested, limit))
    return limit


def analyze_all(items: Sequence[tuple[str, str, Config]], caches: Any,
                jobs: int | None = None) -> list[Report | str]:
    """A Report (or a one-line error) per ``(path, text, config)``, in order."""
    return list(iter_analyze(items, caches, jobs))


def iter_analyze(items: Sequence[tuple[str, str, Config]], caches: Any,
                 jobs: int | None = None) -> Iterator[Report | str]:
    """As :func:`analyze_all`, one report at a time: in this process each is yielded as soon as it
    is made (a renderer writes it and lets it go before the next file is checked); with workers,
    once they are all back."""
    from rewriter.cache import lookup, store

    out: list[Report | str | None] = [None] * len(items)
    keys: dict[int, tuple[Any, str]] = {}
    todo: list[int] = []
    for i, (path, text, config) in enumerate(items):
        cache = caches.for_config(config)
        k, report = lookup(cache, text, config, path)
        if report is not None:
            out[i] = report
        else:
            keys[i] = (cache, k)
            todo.append(i)
    n = auto_jobs([items[i][1] for i in todo], jobs)
    if n > 1:
        for i, result in _in_workers(items, todo, n):
            out[i] = result
    serial = n <= 1
    for i in range(len(items)):
        result = out[i]
        if result is None and serial and i in keys:
            from rewriter.engine import analyze

            path, text, config = items[i]
            result = analyze(text, config, path)
        if isinstance(result, Report) and i in keys:
            cache, k = keys[i]
            store(cache, k, result)
        out[i] = None  # held by the caller only
        yield result if result is not None else f"{items[i][0]}: not checked"
    if hasattr(caches, "prune"):
        caches.prune()  # the cache folder kept under its size cap


def _in_workers(items: Sequence[tuple[str, str, Config]], todo: list[int], jobs: int) -> list[tuple[int, Any]]:
    from rewriter.batch import LocalRunner, Task

    tasks = [Task(i, items[i][0], items[i][2], items[i][1].encode("utf-8", "surrogatepass")) for i in todo]
    results: list[tuple[int, Any]] = []

    def sink(record: dict[str, Any]) -> None:
        index = int(record["index"])
        results.append((index, record["report"] if "report" in record else str(record.get("error"))))

    LocalRunner(jobs, chunk_size=1, worker=analyze_chunk).run(tasks, sink)
    return results


def analyze_chunk(tasks: list[Any]) -> list[dict[str, Any]]:
    """In a worker: each task's Report (its text travels in ``data``)."""
    from rewriter.engine import analyze

    out: list[dict[str, Any]] = []
    for t in tasks:
        text = t.data.decode("utf-8", "surrogatepass")
        try:
            out.append({"index": t.index, "report": analyze(text, t.config, t.path)})
        except Exception as exc:
            out.append({"index": t.index, "path": t.path,
                        "error": f"{t.path}: internal error while checking ({type(exc).__name__}: {exc})"})
    return out


__all__ = ["analyze_all", "analyze_chunk", "auto_jobs", "iter_analyze"]
