"""Run a batch on a Dask distributed cluster (``rewriter report --scheduler tcp://HOST:8786``).

Needs the optional extra ``rewriter[dask]`` here and ``rewriter`` installed on every worker. A
worker plugin loads the spaCy pipeline once per worker process when it joins; the client reads
each file and sends its bytes with the task, so the workers need no shared file system. Chunks
are submitted with a bounded number in flight and gathered as they complete.

Run workers with one thread each and as many processes as cores
(``dask worker tcp://HOST:8786 --nworkers auto --nthreads 1``): the parse holds the GIL.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

import distributed
from distributed.diagnostics.plugin import WorkerPlugin

from rewriter.config import Config
from rewriter.records import (
    CHUNK_SIZE,
    IN_FLIGHT_PER_WORKER,
    Record,
    Sink,
    Task,
    check_chunk,
    chunked,
    error_record,
    warm_up,
)

PLUGIN_NAME = "rewriter-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Load the pipeline (and the lexicons of ``config``) once when a worker starts."""

    name = PLUGIN_NAME

    def __init__(self, config: Config | None = None) -> None:
        self.config = config

    def setup(self, worker: Any) -> None:
        with contextlib.suppress(Exception):  # the first file reports the problem as its error record
            warm_up(self.config)


def _with_bytes(tasks: Iterable[Task]) -> Iterator[Task]:
    """Read each file on the client; a file that cannot be read is sent as a bare path (the worker
    then reports why, or reads it when it shares the file system)."""
    for t in tasks:
        if t.data is not None:
            yield t
            continue
        try:
            with open(t.path, "rb") as fh:
                data = fh.read()
        except OSError:
            yield t
            continue
        yield dataclasses.replace(t, data=data)


def connect(scheduler: Any) -> tuple[Any, bool]:
    """A client for an address, a cluster object or a client (``True`` when this module owns it)."""
    if isinstance(scheduler, distributed.Client):
        return scheduler, False
    client: Any = distributed.Client
    return client(scheduler), True


def run_dask(tasks: Iterable[Task], scheduler: Any, sink: Sink, *, chunk_size: int = CHUNK_SIZE) -> None:
    client, owned = connect(scheduler)
    try:
        source = iter(tasks)
        first = next(source, None)
        if first is None:
            return
        client.register_plugin(PipelinePlugin(first.config), name=PLUGIN_NAME)
        threads = sum(client.nthreads().values()) or 1
        window = max(2, threads * IN_FLIGHT_PER_WORKER)
        chunks = chunked(_with_bytes(_prepend(first, source)), max(1, chunk_size))
        meta: dict[Any, list[Task]] = {}
        make: Any = distributed.as_completed
        futures = make()

        def submit() -> bool:
            chunk = next(chunks, None)
            if chunk is None:
                return False
            fut = client.submit(check_chunk, chunk, pure=False)
            meta[fut.key] = chunk
            futures.add(fut)
            return True

        for _ in range(window):
            if not submit():
                break
        for fut in futures:
            chunk = meta.pop(fut.key)
            try:
                records: list[Record] = fut.result()
            except Exception as exc:
                records = [error_record(t.index, t.path, f"{t.path}: failed on the cluster "
                                                         f"({type(exc).__name__}: {exc})") for t in chunk]
            fut.release()
            for r in records:
                sink(r)
            submit()
    finally:
        if owned:
            client.close()


def _prepend(first: Task, rest: Iterator[Task]) -> Iterator[Task]:
    yield first
    yield from rest
