"""pre-commit: the published hooks, run by pre-commit itself on a repository of drafts, and a
start-up that does not load spaCy for --version and --help.

The try-repo test copies this project (tracked files plus untracked ones not ignored) into a
temporary git repository, commits it there and points ``pre-commit try-repo`` at it. In that
copy the hooks run with ``language: system`` and this environment's ``rewriter``, so the test
needs no network; everything else (ids, entries, file types, require_serial) is the published
``.pre-commit-hooks.yaml``. ``REWRITER_TEST_PIP_INSTALL=1`` also runs the published
``language: python`` hook, which pip-installs the project from the package index.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import HOUSE_LEXICON

from rewriter.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"

yaml = pytest.importorskip("yaml")  # pre-commit depends on PyYAML


def _manifest() -> list[dict[str, object]]:
    clientlib = pytest.importorskip("pre_commit.clientlib", reason="the dev extra installs pre-commit")
    return clientlib.load_manifest(str(HOOKS_FILE))  # type: ignore[no-any-return]


# --- the published hooks file ------------------------------------------------------------------


def test_hooks_file_is_a_valid_manifest_with_both_hooks() -> None:
    hooks = {h["id"]: h for h in _manifest()}
    assert set(hooks) == {"rewriter", "rewriter-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown", "plain-text"]
        assert hook["require_serial"] is True
        assert hook["pass_filenames"] is True
    assert str(hooks["rewriter"]["entry"]).split() == ["rewriter", "check"]
    assert str(hooks["rewriter-fix"]["entry"]).split()[:2] == ["rewriter", "fix"]


def test_hook_file_types_are_identify_tags_that_match_drafts() -> None:
    identify = pytest.importorskip("identify.identify")
    for hook in _manifest():
        for tag in hook["types_or"]:  # type: ignore[attr-defined]
            assert tag in identify.ALL_TAGS
    assert "markdown" in identify.tags_from_filename("story.md")
    assert "markdown" in identify.tags_from_filename("story.markdown")
    assert "plain-text" in identify.tags_from_filename("story.txt")
    assert not {"markdown", "plain-text"} & identify.tags_from_filename("notes.toml")


def test_hook_entries_are_valid_command_lines() -> None:
    parser = build_parser()
    for hook in _manifest():
        argv = shlex.split(str(hook["entry"]))
        assert argv[0] == "rewriter"
        args = parser.parse_args([*argv[1:], "story.md"])
        assert args.command in ("check", "fix") and args.paths == ["story.md"]
        if args.command == "fix":  # fails when it changed a file, not for findings left (the check hook's job)
            assert args.exit_non_zero_on_fix and args.exit_zero and not args.diff and not args.stdout


def test_dev_extra_has_pre_commit() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dev = meta["project"]["optional-dependencies"]["dev"]
    assert any(d.replace(" ", "").startswith("pre-commit") for d in dev)


# --- start-up ------------------------------------------------------------------------------------

_PROBE = """
import runpy, sys
sys.argv = ["rewriter", *sys.argv[1:]]
try:
    runpy.run_module("rewriter", run_name="__main__")
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "thinc", "numpy", "textstat", "lemminflect",
                                                         "streamlit", "pandas", "dask", "language_tool_python"})
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
"""


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["check", "--help"], ["fix", "--help"],
                                  ["config", "--help"]])
def test_version_and_help_do_not_import_spacy(argv: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, timeout=120,
                          cwd=ROOT)
    heavy = proc.stderr.rsplit("HEAVY:", 1)[1].strip()
    assert heavy == "", f"'rewriter {' '.join(argv)}' imported {heavy}"
    assert proc.stdout.strip()


@pytest.mark.slow
def test_version_import_time_has_no_spacy() -> None:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "rewriter", "--version"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.startswith("rewriter ")
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    assert not {m for m in imported if m.split(".")[0] == "spacy"}


# --- pre-commit try-repo on a repository of drafts ---------------------------------------------

INFLATED = "The storm was a harbinger of worse weather, and crews stayed out all night.\n"
PLAIN = "The council met on Monday and voted to fix the bridge.\n"
WORDY = "Crews closed the road in order to repair it.\n"


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(tmp / "pre-commit-cache"), PRE_COMMIT_COLOR="never",
               GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org",
               GIT_CONFIG_NOSYSTEM="1", HOME=str(tmp / "home"))
    (tmp / "home").mkdir(exist_ok=True)
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=120)


def _project_files() -> list[str]:
    """Tracked and untracked-but-not-ignored files of this project (read-only git command)."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                         capture_output=True, check=True, timeout=60).stdout.decode("utf-8")
    return [p for p in out.split("\0") if p and (ROOT / p).is_file()]


def _rewriter_command() -> str:
    found = shutil.which("rewriter", path=str(Path(sys.executable).parent))
    return shlex.quote(found) if found else f"{shlex.quote(sys.executable)} -m rewriter"


def _project_copy(tmp: Path, env: dict[str, str], system: bool = True) -> Path:
    """This project committed in a temporary repository; with ``system``, its hooks run this
    environment's rewriter instead of installing the project."""
    copy = tmp / "project"
    for rel in _project_files():
        dest = copy / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest)
    if system:
        hooks = yaml.safe_load((copy / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
        for hook in hooks:
            hook["language"] = "system"
            hook["entry"] = str(hook["entry"]).replace("rewriter", _rewriter_command(), 1)
        (copy / ".pre-commit-hooks.yaml").write_text(yaml.safe_dump(hooks, sort_keys=False), encoding="utf-8")
    _git(copy, env, "init", "-q")
    _git(copy, env, "add", "-A")
    _git(copy, env, "commit", "-q", "-m", "project snapshot")
    return copy


def _drafts_repo(tmp: Path, env: dict[str, str]) -> Path:
    drafts = tmp / "newsroom"
    drafts.mkdir()
    (drafts / "house.toml").write_text(HOUSE_LEXICON, encoding="utf-8")
    (drafts / ".rewriter.toml").write_text('select = ["TST"]\nextra-lexicons = ["house.toml"]\n', encoding="utf-8")
    (drafts / "inflated.md").write_text(INFLATED, encoding="utf-8")
    (drafts / "plain.md").write_text(PLAIN, encoding="utf-8")
    (drafts / "wordy.txt").write_text(WORDY, encoding="utf-8")
    _git(drafts, env, "init", "-q")
    _git(drafts, env, "add", "-A")
    _git(drafts, env, "commit", "-q", "-m", "drafts")
    return drafts


def _try_repo(project: Path, drafts: Path, env: dict[str, str], hook: str, *files: str,
              timeout: int = 300) -> subprocess.CompletedProcess[str]:
    selection = ["--files", *files] if files else ["--all-files"]
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(project), hook, *selection],
                          cwd=drafts, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_pre_commit_try_repo_check_and_fix(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    env = _env(tmp_path)
    project = _project_copy(tmp_path, env)
    drafts = _drafts_repo(tmp_path, env)

    # the whole repository: the inflated draft fails with findings in path:line:col: CODE form
    run = _try_repo(project, drafts, env, "rewriter")
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "inflated.md:1:17: TST001 'harbinger' is house-banned; try 'sign' (→ sign)" in out
    assert "wordy.txt:1:23: TST001" in out
    assert "plain.md:1:" not in out
    assert "2 findings in 3 files" in out  # the three drafts; house.toml and .rewriter.toml are not passed

    # a plain draft passes
    run = _try_repo(project, drafts, env, "rewriter", "plain.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout

    # rewriter-fix changes the file and fails once, then passes; the unsafe-only finding in
    # inflated.md is the check hook's business, so the fix hook leaves that file alone
    run = _try_repo(project, drafts, env, "rewriter-fix", "wordy.txt", "inflated.md")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "files were modified by this hook" in run.stdout
    assert (drafts / "wordy.txt").read_text(encoding="utf-8") == "Crews closed the road to repair it.\n"
    assert (drafts / "inflated.md").read_text(encoding="utf-8") == INFLATED
    _git(drafts, env, "add", "wordy.txt")
    run = _try_repo(project, drafts, env, "rewriter-fix", "wordy.txt", "inflated.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("REWRITER_TEST_PIP_INSTALL") != "1",
                    reason="pip-installs the project and spaCy from the package index; set REWRITER_TEST_PIP_INSTALL=1")
def test_published_python_hook_installs_from_the_package_index(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    env = _env(tmp_path)
    project = _project_copy(tmp_path, env, system=False)
    drafts = _drafts_repo(tmp_path, env)
    run = _try_repo(project, drafts, env, "rewriter", "inflated.md", "plain.md", timeout=1800)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "inflated.md:1:17: TST001" in out
