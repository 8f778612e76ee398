"""The result cache: `rewriter check seeds/` and `rewriter report seeds/` cold (empty cache), then
unchanged re-runs (every file a hit), each in a fresh process, as the pre-commit hook runs them.

Run by hand:  .venv/bin/python benchmarks/cache_recheck.py [--runs N] [--folder seeds]

Prints the wall and CPU time of the cold run and the median and best of N warm runs, and whether a
warm run imported spaCy (it must not). The cache goes to a temporary folder (REWRITER_CACHE_DIR).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _rewriter() -> list[str]:
    found = shutil.which("rewriter", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "rewriter"]


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, proc.returncode


def _imports_spacy(argv: list[str], env: dict[str, str]) -> bool:
    probe = ("import sys\nfrom rewriter.cli import main\nmain(sys.argv[1:])\n"
             "print('SPACY', 'spacy' in sys.modules, file=sys.stderr)")
    err = subprocess.run([sys.executable, "-c", probe, *argv], env=env, capture_output=True, text=True).stderr
    return "SPACY True" in err


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--folder", default=str(ROOT / "seeds"))
    args = ap.parse_args()
    cmd = _rewriter()
    with tempfile.TemporaryDirectory(prefix="rewriter-cache-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if k != "REWRITER_NO_CACHE"}
        env["REWRITER_CACHE_DIR"] = str(Path(tmp) / "cache")
        out = str(Path(tmp) / "report.json")
        rows = []
        for label, argv in (("check", ["check", args.folder]),
                            ("report", ["report", args.folder, "-o", out])):
            cold = _run([*cmd, *argv], env)
            warm = [_run([*cmd, *argv], env) for _ in range(args.runs)]
            spacy = _imports_spacy(argv, env)
            no_cache = _run([*cmd, *argv, "--no-cache"], env)
            rows.append((label, cold, warm, spacy, no_cache))
    files = sum(1 for p in Path(args.folder).rglob("*") if p.suffix in (".md", ".txt", ".markdown"))
    print(f"python {sys.version.split()[0]}; {files} drafts in {args.folder}; {args.runs} warm runs; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    for label, cold, warm, spacy, no_cache in rows:
        walls = [w for w, _, _ in warm]
        cpus = [c for _, c, _ in warm]
        print(f"rewriter {label:6}  cold {cold[0]:6.2f} s wall {cold[1]:6.2f} s cpu | warm median "
              f"{statistics.median(walls):.3f} s wall (best {min(walls):.3f}) {statistics.median(cpus):.3f} s cpu"
              f" | --no-cache {no_cache[0]:.2f} s wall | speed-up {cold[0] / statistics.median(walls):.0f}x"
              f" | warm run imported spaCy: {'YES' if spacy else 'no'} | exit {warm[-1][2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
