"""Peak memory of `rewriter check` on one large file: 1 MB against 20 MB of news prose (issue 14,
defect 8). The files are built in a temporary folder from the Brown press sentences (paragraphs of
four sentences, blank lines between; the 20 MB file repeats them in shuffled paragraph order) and
are deleted afterwards; nothing of the corpus is written into the project.

Run by hand:  .venv/bin/python benchmarks/large_file_memory.py [--sizes 1,20] [--format text]

Each size runs `python -m rewriter check --no-cache FILE` of this tree (PYTHONPATH) in its own process
(output to a temporary file) and prints
the peak resident memory (ru_maxrss of that process), wall and CPU time, the number of findings and
the document's word count and grade, which must cover the whole file. ``--sizes`` are in MB
(10^6 bytes); ``--format json`` measures the JSON renderer instead of the text one; ``--command fix``
measures `rewriter fix --stdout FILE` (over 1,000,000 characters it works a piece at a time,
``rewriter.fix_pieces``); ``--src`` measures another copy of the package, e.g. the baseline
``git archive "$(git merge-base HEAD main)" rewriter | tar -x -C /tmp/rewriter-baseline``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"

_PROBE = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
with open(sys.argv[2], "w") as out:
    proc = subprocess.run(sys.argv[3:], stdout=out, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": proc.returncode, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
                  "peak_mb": ru.ru_maxrss / 1024, "stderr": proc.stderr[-500:]}))
"""


def paragraphs(eval_dir: Path) -> list[str]:
    path = eval_dir / "human_news_corpus" / "brown_press_sentences.jsonl"
    sentences = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]


def build(paras: list[str], size: int, path: Path) -> None:
    rng = random.Random(14)
    written = 0
    order = list(paras)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        while written < size:
            for p in order:
                chunk = p + "\n\n"
                if written + len(chunk.encode("utf-8")) > size:
                    written = size
                    break
                fh.write(chunk)
                written += len(chunk.encode("utf-8"))
            rng.shuffle(order)


SRC = ROOT  # the folder holding the ``rewriter`` package measured (``--src``: a baseline copy)


def _env() -> dict[str, str]:
    """This tree's package first (the venv's ``rewriter`` script may be an editable install of
    another checkout), or the one ``--src`` names."""
    return dict(os.environ, PYTHONPATH=str(SRC))


def measure(path: Path, fmt: str, tmp: Path, command: str = "check") -> dict[str, object]:
    out = tmp / "out.txt"
    if command == "fix":  # the rewritten text to stdout (the file stays as it is)
        cmd = [sys.executable, "-m", "rewriter", "fix", "--no-cache", "--exit-zero", "--stdout", str(path)]
    else:
        cmd = [sys.executable, "-m", "rewriter", "check", "--no-cache", "--exit-zero", "--format", fmt, str(path)]
    proc = subprocess.run([sys.executable, "-c", _PROBE, "-", str(out), *cmd], capture_output=True, text=True,
                          env=_env(), cwd=tempfile.gettempdir())
    result: dict[str, object] = json.loads(proc.stdout)
    if command == "fix":
        fixed = out.read_text(encoding="utf-8")
        result.update(summary=f"fix: {result['stderr'].strip()[-200:]!r}; output {len(fixed):,} characters, "
                              f"{'changed' if fixed != path.read_text(encoding='utf-8') else 'unchanged'}")
        result["stderr"] = ""
    elif fmt == "json":
        data = json.loads(out.read_text(encoding="utf-8"))["files"][0]
        result.update(findings=len(data["findings"]), words=data["metrics"]["words"],
                      grade=data["metrics"]["flesch_kincaid_grade"])
    else:
        tail = out.read_text(encoding="utf-8").rstrip().splitlines()[-1:]
        result.update(summary=tail[0] if tail else "")
    out.unlink(missing_ok=True)
    return result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,20", help="file sizes in MB, comma-separated")
    ap.add_argument("--format", default="text", choices=("text", "json"))
    ap.add_argument("--command", default="check", choices=("check", "fix"),
                    help="fix: `rewriter fix --stdout` of the file instead of a check")
    ap.add_argument("--eval-dir", default=str(DEFAULT_EVAL))
    ap.add_argument("--src", default=str(ROOT),
                    help="folder holding the rewriter package to measure (e.g. a `git archive` baseline copy)")
    args = ap.parse_args()
    global SRC
    SRC = Path(args.src).resolve()
    paras = paragraphs(Path(args.eval_dir))
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
          f"{args.command}, format {args.format}; package from {SRC}")
    with tempfile.TemporaryDirectory(prefix="rewriter-memory-") as tmp:
        folder = Path(tmp)
        for mb in (float(s) for s in args.sizes.split(",")):
            path = folder / f"large-{mb:g}mb.txt"
            build(paras, int(mb * 1_000_000), path)
            t0 = time.perf_counter()
            r = measure(path, args.format, folder, args.command)
            words = len(path.read_text(encoding="utf-8").split())
            extra = (f"{r['findings']} findings, {r['words']} words counted, grade {r['grade']}"
                     if args.format == "json" and args.command == "check" else str(r.get("summary", "")))
            print(f"{mb:5g} MB ({words:,} words): peak {r['peak_mb']:7.0f} MB  wall {r['wall']:7.1f} s  "
                  f"cpu {r['cpu']:7.1f} s  exit {r['rc']}  {extra}", flush=True)
            if r["rc"] not in (0,):
                print("   stderr:", r["stderr"])
            path.unlink()
            del t0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
