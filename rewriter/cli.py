"""Command line: ``main(argv) -> int``. Exit 0: nothing at or above fail-on; 1: findings;
2: usage, configuration, input or internal error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rewriter.config import Config
    from rewriter.model import Report
    from rewriter.textio import Source

from rewriter.workspace import ConfigResolver, drafts_of


def _version() -> str:
    from rewriter import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rewriter", description="Plain-language checker and rewriter for news drafts.")
    p.add_argument("--version", action="version", version=f"rewriter {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (none or '-': stdin)")
        sp.add_argument("--config", metavar="FILE", help="configuration file (default: found upward)")
        sp.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to enable")
        sp.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes to disable")
        sp.add_argument("--stdin-filename", metavar="NAME", help="path to show for standard input")
        sp.add_argument("--languagetool", metavar="off|local|URL",
                        help="grammar checking with LanguageTool (overrides the 'languagetool' config key)")
        sp.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")

    c = sub.add_parser("check", help="report findings")
    common(c)
    c.add_argument("--format", choices=("text", "concise", "json", "sarif", "github"), default="text")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    c.add_argument("--statistics", action="store_true", help="count findings per code instead of listing them")
    c.add_argument("--jobs", "-j", type=int, metavar="N",
                   help="worker processes for the files not in the cache (default: all cores when there is "
                        "over 100,000 characters to check, else 1)")

    f = sub.add_parser("fix", help="apply fixes in place (safe ones by default)")
    common(f)
    f.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    f.add_argument("--diff", action="store_true", help="print a unified diff and write nothing")
    f.add_argument("--stdout", action="store_true", help="print the rewritten text (one input) and write nothing")
    f.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    f.add_argument("--exit-non-zero-on-fix", action="store_true",
                   help="exit 1 when a file was changed (for pre-commit, like formatters)")

    r = sub.add_parser("rules", help="list the rules")
    r.add_argument("--format", choices=("text", "md", "json"), default="text")
    r.add_argument("--config", metavar="FILE")

    e = sub.add_parser("explain", help="print a rule's documentation")
    e.add_argument("code")
    e.add_argument("--config", metavar="FILE")

    from rewriter.reporting.command import add_arguments as report_arguments

    report_arguments(sub.add_parser("report", help="write a report over many files (.html, .md, .json, .csv)"))

    from rewriter.ui.launch import add_arguments as ui_arguments

    ui_arguments(sub.add_parser("ui", help="start the web editor (Streamlit) on a local port"))

    from rewriter.ltserver import add_arguments as languagetool_arguments

    languagetool_arguments(sub.add_parser("languagetool", help="install, serve or ask a LanguageTool server"))

    cf = sub.add_parser("config", help="print the resolved configuration")
    cf.add_argument("--show", action="store_true", help="print the resolved configuration (default)")
    cf.add_argument("--config", metavar="FILE")
    cf.add_argument("path", nargs="?", default=".", help="resolve as for this file or folder")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command is None:
        parser.print_help()
        return 2
    from rewriter.config import ConfigError
    from rewriter.rules.lexicon import LexiconError

    try:
        handler = {"check": cmd_check, "fix": cmd_fix, "rules": cmd_rules, "explain": cmd_explain,
                   "config": cmd_config, "report": cmd_report, "ui": cmd_ui,
                   "languagetool": cmd_languagetool}[args.command]
        return int(handler(args))
    except (ConfigError, LexiconError) as exc:
        print(f"rewriter: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rewriter: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 2
    except Exception as exc:  # exit 2 on an internal error too, as the contract says, not Python's 1
        import os

        if os.environ.get("REWRITER_DEBUG"):
            raise
        print(f"rewriter: internal error: {type(exc).__name__}: {exc} (set REWRITER_DEBUG=1 for the traceback)",
              file=sys.stderr)
        return 2


def gather(args: argparse.Namespace, resolver: ConfigResolver,
           sources: dict[str, Source] | None = None) -> tuple[list[tuple[str, str, Config]], list[str]]:
    """(path, text, config) for every input, and one-line errors for inputs that cannot be read.
    ``sources`` receives each input's Source (its encoding and BOM) by path."""
    from rewriter.config import is_excluded
    from rewriter.textio import InputError, decode, read_limited, read_source

    items: list[tuple[str, str, Config]] = []
    errors: list[str] = []
    paths = list(args.paths) or ["-"]
    for raw in paths:
        if raw == "-":
            name = args.stdin_filename or "<stdin>"
            try:
                src = decode(read_limited(sys.stdin.buffer, name), name)
            except InputError as exc:
                errors.append(str(exc))
                continue
            if not src.text.strip():  # as for an empty file: an input error
                errors.append(f"{name}: empty; nothing to check")
                continue
            if sources is not None:
                sources[name] = src
            items.append((name, src.text, resolver.for_path(args.stdin_filename)))
            continue
        found, problem = drafts_of(raw, resolver)
        if problem:
            errors.append(problem)
            continue
        for path in found:
            if is_excluded(path, resolver.for_path(path)):  # 'exclude' skips named files too (pre-commit)
                continue
            try:
                src = read_source(path)
            except InputError as exc:
                errors.append(str(exc))
                continue
            if not src.text.strip():
                errors.append(f"{path}: empty file; nothing to check")
                continue
            if sources is not None:
                sources[path] = src
            items.append((path, src.text, resolver.for_path(path)))
    return items, errors


def cmd_check(args: argparse.Namespace) -> int:
    from rewriter.cache import Caches
    from rewriter.parallel import iter_analyze

    if getattr(args, "jobs", None) is not None and args.jobs < 1:
        print("rewriter: error: --jobs must be 1 or more", file=sys.stderr)
        return 2
    resolver = ConfigResolver(args)
    items, errors = gather(args, resolver)
    caches = Caches(enabled=not getattr(args, "no_cache", False))
    state = {"failing": False}
    # cache, then workers if large; each report is written as it comes and then let go
    reports = _checked(items, iter_analyze(items, caches, jobs=getattr(args, "jobs", None)), errors, state,
                       once=args.format != "json")
    if args.statistics:
        from rewriter.render.statistics import render_statistics

        sys.stdout.write(render_statistics(list(reports), args.format))
    elif args.format == "sarif":
        from rewriter.render.sarif import write_sarif

        write_sarif(sys.stdout, list(reports), errors, rules=_registry(items))
    else:
        from rewriter.render import WRITERS

        WRITERS[args.format](sys.stdout, reports, errors)
    for err in errors:
        print(f"rewriter: error: {err}", file=sys.stderr)
    if errors:
        return 2
    if state["failing"] and not args.exit_zero:
        return 1
    return 0


def _checked(items: Sequence[tuple[str, str, Config]], results: Iterator[Report | str], errors: list[str],
             state: dict[str, bool], once: bool) -> Iterator[Report]:
    """The reports of a check, in order: a worker's failure goes to ``errors``; with ``once`` a
    note (e.g. LanguageTool unreachable) is kept only the first time; ``state["failing"]`` is set
    when a finding is at or above its file's fail-on."""
    import dataclasses

    seen_notes: set[str] = set()
    for (_, _, config), report in zip(items, results, strict=True):
        if isinstance(report, str):  # a worker failed on this file
            errors.append(report)
            continue
        if once:
            fresh = tuple(n for n in report.notes if n not in seen_notes)
            seen_notes.update(report.notes)
            report = dataclasses.replace(report, notes=fresh) if fresh != report.notes else report
        if any(f.severity >= config.fail_on for f in report.findings):
            state["failing"] = True
        yield report


def _registry(items: Sequence[tuple[str, str, Config]]) -> tuple[Any, ...]:
    """The rules of this run (built-in plus every house lexicon used) for SARIF's rule list."""
    from rewriter.rules import all_rules
    from rewriter.rules.lexicon import LexiconError

    extra = tuple(dict.fromkeys(p for _, _, config in items for p in config.extra_lexicons))
    try:
        return all_rules(extra)
    except LexiconError:  # two house lexicons share a code: list the built-ins, findings add the rest
        return all_rules()


def cmd_fix(args: argparse.Namespace) -> int:
    import difflib

    from rewriter.fix_pieces import fix_text
    from rewriter.textio import InputError, ReadOnlyError, encode, read_source, writable, write_atomic

    if args.stdout and args.diff:
        print("rewriter: error: --stdout and --diff cannot be combined", file=sys.stderr)
        return 2
    resolver = ConfigResolver(args)
    sources: dict[str, Source] = {}
    items, errors = gather(args, resolver, sources)
    if args.stdout and len(items) + len(errors) > 1:
        print("rewriter: error: --stdout takes one path (or stdin)", file=sys.stderr)
        return 2
    to_stdin = not args.paths or args.paths == ["-"]
    changed_any = False
    seen_notes: set[str] = set()
    failing = False
    writes = not args.stdout and not args.diff and not to_stdin
    for path, text, config in items:
        if writes and not writable(path):  # said before the work, not after
            errors.append(f"{path}: read-only file, not fixed")
            continue
        unsafe = args.unsafe_fixes or config.unsafe_fixes
        result = fix_text(text, unsafe, config, path)  # a long text a piece at a time (rewriter.fix_pieces)
        for note in result.notes:
            if note not in seen_notes:  # e.g. LanguageTool unreachable: once per run, on stderr
                seen_notes.add(note)
                print(f"rewriter: note: {note}", file=sys.stderr)
        failing = failing or result.failing
        if args.stdout or (to_stdin and not args.diff):
            _write_stdout(result.text, sources.get(path))
        elif args.diff:
            if result.changed:
                sys.stdout.writelines(difflib.unified_diff(
                    text.splitlines(keepends=True), result.text.splitlines(keepends=True),
                    fromfile=f"a/{path}", tofile=f"b/{path}"))
        elif result.changed:
            try:
                source = read_source(path)
                if source.text != text:
                    errors.append(f"{path}: changed on disk while fixing; not written")
                    continue
                write_atomic(path, encode(source, result.text))
            except ReadOnlyError as exc:
                errors.append(str(exc))
                continue
            except InputError as exc:
                errors.append(f"{path}: cannot write ({exc})")
                continue
            except OSError as exc:
                errors.append(f"{path}: cannot write ({exc.strerror or exc})")
                continue
        if result.changed:
            changed_any = True
        if not args.stdout and not (to_stdin and not args.diff):
            n = result.applied
            left = result.left
            verb = "would fix" if args.diff else "fixed"
            print(f"{path}: {verb} {n} finding{'s' if n != 1 else ''}; {left} left", file=sys.stderr)
    for err in errors:
        print(f"rewriter: error: {err}", file=sys.stderr)
    if errors:
        return 2
    if args.exit_non_zero_on_fix and changed_any:
        return 1
    if args.diff and changed_any:
        return 1
    if failing and not args.exit_zero:
        return 1
    return 0


def _write_stdout(text: str, source: Source | None) -> None:
    """The rewritten text in the input's own encoding and byte-order mark (UTF-16 stays UTF-16)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if source is None or buffer is None or (source.encoding == "utf-8" and not source.bom):
        sys.stdout.write(text)
        return
    from rewriter.textio import encode

    sys.stdout.flush()
    buffer.write(encode(source, text))
    buffer.flush()


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    from rewriter.rules import all_rules

    config = ConfigResolver(args).for_path(None)
    rules = all_rules(config.extra_lexicons)
    if args.format == "json":
        print(json.dumps([{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity.label,
                           "summary": r.summary, "default_enabled": r.default_enabled, "what": r.what,
                           "why": r.why, "example": r.example, "fix_safety": r.fix_safety} for r in rules],
                         indent=2, ensure_ascii=False))
    elif args.format == "md":
        print("# Rules\n")
        for r in rules:
            print(r.doc().replace("# ", "## ", 1).replace("\n## ", "\n### "))
    else:
        for r in rules:
            flag = "" if r.default_enabled else "  (off by default)"
            print(f"{r.code:8} {r.name:26} {r.severity.label:8} {r.summary}{flag}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from rewriter.rules import all_rules, find_rule

    config = ConfigResolver(args).for_path(None)
    info = find_rule(args.code, config.extra_lexicons)
    if info is None:
        codes = ", ".join(r.code for r in all_rules(config.extra_lexicons))
        print(f"rewriter: error: unknown rule '{args.code}' (known: {codes})", file=sys.stderr)
        return 2
    sys.stdout.write(info.doc())
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from rewriter.reporting.command import run_report

    return run_report(args, ConfigResolver(args))


def cmd_ui(args: argparse.Namespace) -> int:
    from rewriter.ui.launch import run

    return run(args)


def cmd_languagetool(args: argparse.Namespace) -> int:
    from rewriter.ltserver import run

    return run(args)


def cmd_config(args: argparse.Namespace) -> int:
    from rewriter.config import to_toml

    sys.stdout.write(to_toml(ConfigResolver(args).for_path(args.path)))
    return 0
