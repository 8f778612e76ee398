"""Start-up cost of the pre-commit hook: `rewriter --version`, and `rewriter check` over five
small drafts (one process for all files, as `require_serial: true` gives).

Run by hand:  .venv/bin/python benchmarks/hook_startup.py [--runs N]

Prints the median and the best of N runs of each, in seconds, and whether `--version` loaded
spaCy (it must not).
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

DRAFTS = {
    "council.md": "# Council budget\n\nThe council met on Tuesday in order to vote on the budget. "
    "It passed by six votes to three.\n\nThe mayor said the plan would fix two bridges.\n",
    "storm.md": "Heavy rain closed the coast road on Sunday. The storm was a harbinger of a wet week, "
    "forecasters said.\n\nCrews cleared fallen trees by noon.\n",
    "school.txt": "The school board will make a decision about the new timetable next month.\n\n"
    "Parents can comment online until Friday.\n",
    "market.md": "Prices at the farmers market rose this spring. Stall holders blamed the late frost, "
    "which cut the strawberry crop by half.\n\n<!-- rewriter: ignore WRD -->\nMost stalls open at eight.\n",
    "library.txt": "The library reopens on Monday after a year of repairs to its roof. "
    "It is worth noting that the reading room now has more seats.\n",
}


def _rewriter() -> list[str]:
    found = shutil.which("rewriter", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "rewriter"]


def _time(cmd: list[str], cwd: Path, runs: int) -> tuple[float, float, int, float]:
    """Median and best wall time, the exit code, and the median CPU time (user + system) of
    the child, which a busy machine does not inflate as much as the wall time."""
    times = []
    cpu = []
    code = 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        code = proc.returncode
    return statistics.median(times), min(times), code, statistics.median(cpu)


def _loads_spacy(cwd: Path) -> bool:
    probe = ("import runpy, sys\nsys.argv = ['rewriter', '--version']\n"
             "try:\n    runpy.run_module('rewriter', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True).stdout
    return out.strip().endswith("True")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    cmd = _rewriter()
    with tempfile.TemporaryDirectory(prefix="rewriter-hook-") as tmp:
        folder = Path(tmp)
        (folder / ".rewriter.toml").write_text("# defaults\n", encoding="utf-8")
        for name, text in DRAFTS.items():
            (folder / name).write_text(text, encoding="utf-8")
        names = sorted(DRAFTS)
        version = _time([*cmd, "--version"], folder, args.runs)
        check = _time([*cmd, "check", *names], folder, args.runs)
        one = _time([*cmd, "check", names[0]], folder, args.runs)
        spacy = _loads_spacy(folder)
    words = sum(len(t.split()) for t in DRAFTS.values())
    load = os.getloadavg()[0]
    print(f"python {sys.version.split()[0]}; {args.runs} runs each; {os.cpu_count()} cores, load average "
          f"{load:.1f}; command: {' '.join(cmd)}")
    print(f"rewriter --version            wall median {version[0]:.3f} s  best {version[1]:.3f} s  "
          f"cpu {version[3]:.3f} s  (spaCy imported: {'yes' if spacy else 'no'})")
    print(f"rewriter check, 1 draft       wall median {one[0]:.3f} s  best {one[1]:.3f} s  "
          f"cpu {one[3]:.3f} s  (exit {one[2]})")
    print(f"rewriter check, {len(names)} drafts      wall median {check[0]:.3f} s  best {check[1]:.3f} s  "
          f"cpu {check[3]:.3f} s  (exit {check[2]}; {words} words)")
    print(f"per extra draft               cpu {(check[3] - one[3]) / (len(names) - 1):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
