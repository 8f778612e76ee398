"""The peers' packages, fetched at run time into a cache folder outside the repository.

proselint's source distribution (PyPI) carries its word lists and its table of should-flag /
should-pass examples (``tests/examples.py``); write-good, too-wordy and weasel-words (npm) carry
their word lists and their own test files. Nothing from them is copied into the project: the
benchmarks read them from the cache folder each time they run.

    fetch(cache) -> {"proselint": Path, "write-good": Path, "too-wordy": Path, "weasel-words": Path}
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

DEFAULT_CACHE = Path(os.environ.get("REWRITER_PEERS_CACHE", "/tmp/rewriter-peers"))
PROSELINT = "proselint==0.16.0"
NPM = {"write-good": "write-good@1.0.8", "too-wordy": "too-wordy@0.3.6", "weasel-words": "weasel-words@0.1.1"}


def _extract(archive: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    return dest


def fetch(cache: Path = DEFAULT_CACHE) -> dict[str, Path]:
    cache = Path(cache)
    cache.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    pl = cache / "proselint"
    if not (pl / "done").exists():
        dl = cache / "dl"
        dl.mkdir(exist_ok=True)
        # the source distribution (the wheel has no tests); its build dependencies may be wheels
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", "proselint",
                        "-d", str(dl), PROSELINT], check=True)
        sdist = next(dl.glob("proselint-*.tar.gz"))
        _extract(sdist, pl)
        (pl / "done").write_text("")
    out["proselint"] = next(p for p in pl.iterdir() if p.is_dir())
    for name, spec in NPM.items():
        dest = cache / name
        if not (dest / "done").exists():
            subprocess.run(["npm", "pack", "--silent", spec], cwd=cache, check=True, stdout=subprocess.DEVNULL)
            archive = next(cache.glob(f"{name}-*.tgz"))
            _extract(archive, dest)
            (dest / "done").write_text("")
        out[name] = dest / "package"
    return out


def proselint_examples(root: Path) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """proselint's table: (check module, should-flag examples, should-pass examples)."""
    import runpy

    return list(runpy.run_path(str(root / "tests" / "examples.py"))["data"])


def proselint_redundancies(root: Path) -> list[tuple[str, str, str]]:
    """proselint's redundancy pairs (Garner, After the Deadline): (phrase, its plain form, list)."""
    base = root / "proselint" / "checks" / "redundancy"
    out = []
    for name in ("garner", "after-the-deadline"):
        for line in (base / name).read_text(encoding="utf-8").splitlines():
            if "," in line:
                phrase, plain = line.split(",", 1)
                out.append((phrase.strip(), plain.strip(), f"proselint {name}"))
    return out


def js_list(path: Path, var: str) -> list[str]:
    """The quoted strings of a JavaScript array ``var = [ ... ]`` (too-wordy, weasel-words)."""
    import re

    text = path.read_text(encoding="utf-8")
    m = re.search(rf"{var}\s*=\s*\[(.*?)\]", text, re.S)
    if not m:
        return []
    return [s.replace("\\'", "'") for s in re.findall(r"'((?:[^'\\]|\\.)*)'", m.group(1))]
