"""``rewriter report``: walk the paths, run the batch, write the report in the format of ``-o``."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rewriter.batch import BatchResult
    from rewriter.records import Record, Task
    from rewriter.workspace import ConfigResolver


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (folders: .md, .markdown, .txt)")
    p.add_argument("-o", "--output", metavar="FILE", help="the report: .html, .md, .json or .csv")
    p.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"),
                   help="compare two versions of one story (to stdout, or -o .md/.json/.html)")
    p.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster (tcp://host:8786)")
    p.add_argument("--title", default="Plain-language report", help="the report's heading")
    p.add_argument("--config", metavar="FILE", help="configuration file (default: found upward)")
    p.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to enable")
    p.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes to disable")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")


def _fail(message: str) -> int:
    print(f"rewriter: error: {message}", file=sys.stderr)
    return 2


def output_format(path: str) -> str | None:
    from rewriter.reporting import FORMATS

    return FORMATS.get(Path(path).suffix.lower())


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout, or a temporary file beside ``path`` renamed over it once complete."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(target.parent or "."))
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def output_problem(path: str) -> str | None:
    """Why the report cannot be written to ``path`` (a folder, a missing or closed folder), or None.
    Probed with a real temporary file, so a read-only folder or file system is caught too."""
    if path == "-":
        return None
    target = Path(path)
    if target.is_dir():
        return f"{path}: is a directory; name the report file (e.g. {target / 'report.html'})"
    folder = target.resolve().parent
    if not folder.is_dir():
        return f"{path}: folder {folder} does not exist"
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=str(folder))
    except OSError as exc:
        return f"{path}: cannot write in folder {folder} ({exc.strerror or exc})"
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


def cap_jobs(requested: int | None, files: int) -> int:
    """Worker processes for ``files`` drafts: no more than asked, than files, or than cores.
    A request above that is capped with a note on stderr."""
    from rewriter.batch import default_jobs

    cores = default_jobs()
    limit = max(1, min(cores, files))
    if requested is None:
        return limit
    if requested > limit:
        print(f"rewriter: note: --jobs {requested} capped at {limit} ({files:,} file{'s' if files != 1 else ''}, "
              f"{cores} core{'s' if cores != 1 else ''})", file=sys.stderr)
        return limit
    return requested


def iter_tasks(paths: list[str], resolver: ConfigResolver, missing: list[Record]) -> Iterator[Task]:
    """One task per draft under ``paths``; unreadable arguments become error records in ``missing``."""
    from rewriter.records import Task, error_record
    from rewriter.workspace import drafts_of

    index = 0
    for raw in paths:
        found, problem = drafts_of(raw, resolver)
        if problem:
            missing.append(error_record(index, raw, problem))
            index += 1
            continue
        for path in found:
            yield Task(index, path, resolver.for_path(path))
            index += 1


def run_report(args: argparse.Namespace, resolver: ConfigResolver) -> int:
    if args.compare:
        return run_compare(args, resolver)
    problem = usage_problem(args)
    if problem:  # before any file is analysed, not after
        return _fail(problem)
    fmt = output_format(args.output)
    assert fmt is not None

    from rewriter import batch
    from rewriter.rules import families

    base = resolver.for_path(args.paths[0])
    groups = families(base.extra_lexicons)  # a broken lexicon fails here, before any worker starts
    known = sorted(groups)
    names = {prefix: group.label for prefix, group in groups.items()}

    missing: list[Record] = []
    tasks = list(iter_tasks(args.paths, resolver, missing))  # paths and configs only, not the texts
    jobs = args.jobs
    if not args.scheduler:
        jobs = cap_jobs(args.jobs, len(tasks))
    result = batch.BatchResult()
    try:
        for record in missing:
            result.add(record)
        try:
            batch.run(tasks, jobs=jobs, scheduler=args.scheduler, total=len(tasks), result=result,
                      cache=not getattr(args, "no_cache", False))
        except (OSError, TimeoutError) as exc:
            if not args.scheduler:
                raise
            return _fail(f"cannot use the Dask scheduler at {args.scheduler}: {exc}")
        del tasks
        from rewriter.reporting import summarize

        summary = summarize(result)
        generated = (f"{summary['files']:,} files, generated {datetime.datetime.now():%Y-%m-%d %H:%M} "
                     f"by rewriter {_version()}")
        with open_output(args.output) as out:
            write_report(fmt, result, summary, out, title=args.title, known=known, names=names, generated=generated)
        failed = summary["files_failed"]
        print(f"rewriter: wrote {args.output}: {summary['files_checked']:,} files, {summary['words']:,} words, "
              f"{summary['findings']:,} findings" + (f"; {failed:,} could not be checked (listed in the report)"
                                                       if failed else ""), file=sys.stderr)
    finally:
        result.close()
    return 0


def usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with a ``report`` command line, found before any file is read; None if nothing."""
    if not args.paths:
        return "report needs at least one PATH (or --compare OLD NEW)"
    if not args.output:
        return "report needs -o FILE (.html, .md, .json or .csv)"
    fmt = output_format(args.output)
    if fmt is None:
        return f"{args.output}: unknown report format (use .html, .md, .json or .csv)"
    if args.jobs is not None and args.jobs < 1:
        return "--jobs must be 1 or more"
    if fmt == "html":
        from rewriter.reporting.charts import ChartsUnavailable, require_matplotlib

        try:
            require_matplotlib()
        except ChartsUnavailable as exc:
            return str(exc)
    if args.scheduler:
        try:
            import distributed  # noqa: F401
        except ImportError:
            return "--scheduler needs Dask; install it with: pip install 'rewriter[dask]'"
    return output_problem(args.output)


def write_report(fmt: str, result: BatchResult, summary: dict[str, Any], out: TextIO, *, title: str,
                 known: list[str], names: dict[str, str], generated: str) -> None:
    if fmt == "html":
        from rewriter.reporting.html import write_html

        write_html(result, summary, out, title=title, known_families=known, family_names=names, generated=generated)
    elif fmt == "json":
        from rewriter.reporting.formats import write_json

        write_json(result, summary, out)
    elif fmt == "csv":
        from rewriter.reporting.formats import write_csv

        write_csv(result, out, known)
    else:
        from rewriter.reporting.formats import write_md

        write_md(result, summary, out, title=title)


def run_compare(args: argparse.Namespace, resolver: ConfigResolver) -> int:
    from rewriter.reporting.compare import compare_files, write_compare
    from rewriter.textio import InputError

    if args.paths:
        return _fail("--compare takes exactly two files (OLD NEW) and no other PATH")
    fmt = "md"
    if args.output and args.output != "-":
        fmt = output_format(args.output) or ""
        if fmt not in ("md", "json", "html"):
            return _fail(f"{args.output}: --compare writes .md, .json or .html")
    if args.output and args.output != "-":
        problem = output_problem(args.output)
        if problem:
            return _fail(problem)
    old, new = args.compare
    try:
        c = compare_files(old, new, resolver.for_path(old), resolver.for_path(new))
    except InputError as exc:
        return _fail(str(exc))
    with open_output(args.output) as out:
        write_compare(c, fmt, out)
    return 0


def _version() -> str:
    from rewriter import __version__

    return __version__


__all__ = ["add_arguments", "cap_jobs", "iter_tasks", "open_output", "output_problem", "run_compare", "run_report"]
