"""Batch throughput and memory over the 567 OneStopEnglish texts (issue #6).

Run by hand (about 45 minutes on two cores, most of it the 5,000-file memory run):

    .venv/bin/python benchmarks/batch_throughput.py                      # everything
    .venv/bin/python benchmarks/batch_throughput.py --sections check     # check vs bare spaCy only
    .venv/bin/python benchmarks/batch_throughput.py --sections jobs,memory --memory-sizes 500

Sections:
- ``check``: in one process, ``analyze`` on every text against bare ``nlp.pipe`` of the same spaCy
  components (the pipeline ``analyze`` loads), bare run before and after to bracket drift. Wall
  and CPU time: on a shared machine the CPU-time ratio is the reliable one.
- ``jobs``: ``rewriter report TEXTS -o x.json --jobs N`` for N = 1 and 2 in a fresh process (wall
  time, words/s; the start-up, measured on one file, is also given and subtracted).
- ``memory``: the same command with ``--jobs 2`` over 500 and 5,000 files (the texts repeated
  through symlinks in a temporary folder): the peak RSS of the collecting process (VmHWM) and of
  the largest worker (its ru_maxrss) (with --tracemalloc also the collecting process's peak Python heap, which
  inflates its RSS, so it is off by default).
- ``profile``: pyinstrument over the per-file path (check + safe rewrite + record) of 80 texts.

The texts are read where they are (``../shared/eval/onestopenglish/texts``); nothing is copied
into the project. Results go to stdout and to benchmarks/results/batch_throughput.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "eval" / "onestopenglish" / "texts"
RESULTS = ROOT / "benchmarks" / "results" / "batch_throughput.json"
PYTHON = sys.executable


def _timer() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> dict[str, float]:
    wall, cpu = _timer()
    return {"wall_s": round(wall - start[0], 2), "cpu_s": round(cpu - start[1], 2)}


def _rates(t: dict[str, float], words: int) -> dict[str, float]:
    t = dict(t)
    t["words_per_s_wall"] = round(words / t["wall_s"]) if t["wall_s"] else 0
    t["words_per_s_cpu"] = round(words / t["cpu_s"]) if t["cpu_s"] else 0
    return t


def corpus_paths(corpus: Path, limit: int) -> list[Path]:
    paths = sorted(corpus.glob("*.txt"))
    return paths[:limit] if limit else paths


def section_check(paths: list[Path]) -> dict[str, Any]:
    from rewriter import Config, analyze
    from rewriter.engine import enabled_codes
    from rewriter.nlp import load_pipeline
    from rewriter.readability import words_of
    from rewriter.rules import all_rules
    from rewriter.textio import read_source

    texts = [read_source(p).text for p in paths]
    words = sum(len(words_of(t)) for t in texts)
    config = Config()
    analyze(texts[0], config, str(paths[0]))  # loads the pipeline, the lexicons and the tables
    infos = [i for i in all_rules(config.extra_lexicons) if i.code in enabled_codes(config)]
    needs = frozenset().union(*(i.needs for i in infos)) | {"tagger", "parser"}
    pipeline = load_pipeline(needs)
    nlp = pipeline.nlp
    out: dict[str, Any] = {"files": len(texts), "words": words, "pipeline": pipeline.name,
                           "components": list(nlp.pipe_names)}

    def bare() -> dict[str, float]:
        start = _timer()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        return _rates(_since(start), words)

    def bare_paragraphs() -> dict[str, float]:
        paragraphs = [p for t in texts for p in t.splitlines() if p.strip()]
        start = _timer()
        for _ in nlp.pipe(paragraphs, batch_size=64):
            pass
        return _rates(_since(start), words)

    def check() -> dict[str, float]:
        start = _timer()
        for p, t in zip(paths, texts, strict=True):
            analyze(t, config, str(p))
        return _rates(_since(start), words)

    out["bare_spacy_before"] = bare()
    out["bare_spacy_paragraphs"] = bare_paragraphs()
    out["check"] = check()
    out["bare_spacy_after"] = bare()
    best_bare_cpu = min(out["bare_spacy_before"]["cpu_s"], out["bare_spacy_after"]["cpu_s"])
    best_bare_wall = min(out["bare_spacy_before"]["wall_s"], out["bare_spacy_after"]["wall_s"])
    out["check_vs_bare_cpu"] = round(best_bare_cpu / out["check"]["cpu_s"], 3)
    out["check_vs_bare_wall"] = round(best_bare_wall / out["check"]["wall_s"], 3)
    return out


def _report_cmd(target: str, output: str, jobs: int) -> list[str]:
    return [PYTHON, "-m", "rewriter", "report", target, "-o", output, "--jobs", str(jobs)]


def _run(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tempfile.gettempdir(), check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return time.perf_counter() - start


def section_jobs(corpus: Path, paths: list[Path], jobs_list: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="rewriter-bench-") as tmp:
        target = str(corpus)
        if len(paths) != len(list(corpus.glob("*.txt"))):  # --limit: link the subset
            sub = Path(tmp) / "subset"
            sub.mkdir()
            for p in paths:
                (sub / p.name).symlink_to(p)
            target = str(sub)
        one = Path(tmp) / "one"
        one.mkdir()
        (one / paths[0].name).symlink_to(paths[0])
        for jobs in jobs_list:
            report = Path(tmp) / f"jobs{jobs}.json"
            startup = _run(_report_cmd(str(one), str(Path(tmp) / "one.json"), jobs))
            wall = _run(_report_cmd(target, str(report), jobs))
            summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
            words = int(summary["words"])
            out[f"jobs_{jobs}"] = {
                "files": summary["files_checked"], "words": words, "wall_s": round(wall, 1),
                "words_per_s": round(words / wall), "startup_s": round(startup, 1),
                "words_per_s_after_startup": round(words / max(wall - startup, 1e-9)),
            }
    return out


_MEASURE = r"""
import json, os, resource, sys, time, tracemalloc
traced = os.environ.get("BENCH_TRACEMALLOC") == "1"
if traced:
    tracemalloc.start()
from rewriter.cli import main
start = time.perf_counter()
rc = main(sys.argv[1:])
wall = time.perf_counter() - start
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a process started from a big
# parent reports the parent's size (here, the benchmark's own, with the pipeline loaded)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
row = {"rc": rc, "wall_s": round(wall, 1), "collector_peak_rss_mb": round(hwm / 1024, 1),
       "largest_worker_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}
if traced:
    row["collector_python_heap_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
print(json.dumps(row))
"""


def section_memory(paths: list[Path], sizes: list[int], jobs: int, fmt: str, traced: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="rewriter-mem-") as tmp:
            folder = Path(tmp) / "texts"
            folder.mkdir()
            for i in range(n):
                src = paths[i % len(paths)]
                (folder / f"{i:05d}_{src.name}").symlink_to(src)
            report = Path(tmp) / f"report.{fmt}"
            cmd = [PYTHON, "-c", _MEASURE, "report", str(folder), "-o", str(report), "--jobs", str(jobs)]
            env = dict(os.environ, BENCH_TRACEMALLOC="1" if traced else "0")
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp, check=False, env=env)
            if proc.returncode != 0:
                raise SystemExit(f"memory run for {n} files failed:\n{proc.stderr}")
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            row["files"] = n
            row["jobs"] = jobs
            row["report_mb"] = round(report.stat().st_size / 2**20, 1)
            out[str(n)] = row
            print(f"  memory {n}: {row}", file=sys.stderr)
    return out


def section_profile(paths: list[Path], n: int) -> dict[str, Any]:
    from pyinstrument import Profiler

    from rewriter import Config
    from rewriter.batch import Task, check_task, warm_up

    warm_up()
    config = Config()
    profiler = Profiler(interval=0.002)
    start = _timer()
    profiler.start()
    for i, p in enumerate(paths[:n]):
        check_task(Task(i, str(p), config))
    profiler.stop()
    timing = _since(start)
    text = profiler.output_text(unicode=True, show_all=False)
    target = RESULTS.with_name("batch_profile.txt")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return {"files": min(n, len(paths)), **timing, "output": str(target.relative_to(ROOT))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--limit", type=int, default=0, help="only the first N texts")
    ap.add_argument("--sections", default="check,jobs,memory", help="comma-separated: check, jobs, memory, profile")
    ap.add_argument("--jobs", default="1,2", help="--jobs values for the jobs section")
    ap.add_argument("--memory-sizes", default="500,5000")
    ap.add_argument("--memory-jobs", type=int, default=2)
    ap.add_argument("--memory-format", default="json", choices=("json", "md", "csv", "html"))
    ap.add_argument("--tracemalloc", action="store_true",
                    help="also trace the collecting process's Python heap (slower; inflates its RSS)")
    ap.add_argument("--profile-files", type=int, default=80)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    paths = corpus_paths(corpus, args.limit)
    if not paths:
        print(f"no texts in {corpus}", file=sys.stderr)
        return 2
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    results: dict[str, Any] = {"corpus": str(corpus), "files": len(paths), "cpus": os.cpu_count(),
                               "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}
    if "check" in sections:
        print("check vs bare spaCy ...", file=sys.stderr)
        results["check"] = section_check(paths)
    if "jobs" in sections:
        print("report --jobs ...", file=sys.stderr)
        results["jobs"] = section_jobs(corpus, paths, [int(j) for j in args.jobs.split(",")])
    if "memory" in sections:
        print("memory ...", file=sys.stderr)
        results["memory"] = section_memory(paths, [int(n) for n in args.memory_sizes.split(",")],
                                           args.memory_jobs, args.memory_format, args.tracemalloc)
    if "profile" in sections:
        print("profile ...", file=sys.stderr)
        results["profile"] = section_profile(paths, args.profile_files)
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    previous.update({k: v for k, v in results.items()})
    RESULTS.write_text(json.dumps(previous, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
