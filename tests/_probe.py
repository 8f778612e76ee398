"""Run a few lines of Python in a fresh interpreter on this tree (a helper, not a test): what a
cold start imports can only be seen in a process that has imported nothing yet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent)


def run_probe(code: str, cwd: Path | str = ROOT) -> str:
    """``code`` run with this tree first on the path; its standard output. Fails the test, with the
    end of its standard error, when the probe does not exit 0."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([ROOT, *filter(None, [os.environ.get("PYTHONPATH")])])}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout
