"""The result cache: a hit gives back the same findings, any change of text, configuration or
lexicon misses, bad entries are ignored, ``--no-cache`` bypasses it, and a full hit loads no spaCy."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, write_house_lexicon

from rewriter import Config, analyze
from rewriter.cache import Cache, Caches, cached_analyze, default_dir, key, report_from_json, report_to_json
from rewriter.cli import main
from rewriter.config import load_config
from rewriter.model import Report

TEXT = ("The council serves as a testament to change. In order to begin, the bill was passed by the "
        "council on Monday, officials said.\n")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.delenv("REWRITER_NO_CACHE", raising=False)
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(folder))
    return folder


class Counting:
    """``analyze`` that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str, config: Config, path: str) -> Report:
        self.calls += 1
        return analyze(text, config, path)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("v*/*/*.json"))


@pytest.mark.slow
def test_a_hit_returns_identical_findings_metrics_and_names(cache_dir: Path, seeds_dir: Path) -> None:
    cache = Cache(cache_dir)
    for draft in sorted(seeds_dir.iterdir()):
        text = draft.read_text(encoding="utf-8")
        fresh = Counting()
        first = cached_analyze(text, Config(), str(draft), cache, fresh)
        assert fresh.calls == 1
        again = Counting()
        second = cached_analyze(text, Config(), str(draft), cache, again)
        assert again.calls == 0, "the second check must come from the cache"
        assert second.findings == first.findings  # fixes, alternatives, data: all equal
        assert [type(v) for f in second.findings for v in f.data.values()] == \
            [type(v) for f in first.findings for v in f.data.values()]
        assert second.metrics == first.metrics
        assert second.names == first.names and second.notes == first.notes
        assert second.text == text and second.path == str(draft)
    assert len(entries(cache_dir)) == len(list(seeds_dir.iterdir()))
    assert (cache_dir / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache_dir / ".gitignore").read_text().splitlines()[-1] == "*"


def test_the_key_changes_with_text_config_path_and_kind() -> None:
    base = key("report", TEXT, Config(), "a.md")
    assert key("report", TEXT, Config(), "a.md") == base
    assert key("report", TEXT + " ", Config(), "a.md") != base
    assert key("report", TEXT, Config(select=("INF",)), "a.md") != base
    assert key("report", TEXT, Config(target_grade=8.0), "a.md") != base
    assert key("report", TEXT, Config(), "b.md") != base  # per-file-ignores depend on the path
    assert key("record", TEXT, Config(), "a.md") != base
    assert key("report", TEXT, Config(cache_dir="/elsewhere"), "a.md") == base  # where, not what


def test_any_change_in_text_config_or_lexicon_misses(cache_dir: Path, tmp_path: Path) -> None:
    lexicon = write_house_lexicon(tmp_path)
    config = Config(select=("TST",), extra_lexicons=(str(lexicon),))
    cache = Cache(cache_dir)
    count = Counting()
    first = cached_analyze("A zorblax came.\n", config, "d.md", cache, count)
    assert [f.code for f in first.findings] == ["TST001"]
    cached_analyze("A zorblax came.\n", config, "d.md", cache, count)
    assert count.calls == 1
    cached_analyze("A zorblax came here.\n", config, "d.md", cache, count)  # text
    assert count.calls == 2
    cached_analyze("A zorblax came.\n", config.replace(quotes="flag"), "d.md", cache, count)  # configuration
    assert count.calls == 3
    # the house lexicon's content: 'zorblax' is no longer in it, so the finding must go
    lexicon.write_text(lexicon.read_text(encoding="utf-8").replace('"zorblax"', '"quuxword"'), encoding="utf-8")
    from rewriter.rules import _checkers
    from rewriter.rules import lexicon as lexicon_module

    lexicon_module.extra_lexicons.cache_clear()
    _checkers.cache_clear()
    after = cached_analyze("A zorblax came.\n", config, "d.md", cache, count)
    assert count.calls == 4
    assert after.findings == ()


def test_a_corrupt_or_foreign_entry_is_ignored_and_replaced(cache_dir: Path) -> None:
    cache = Cache(cache_dir)
    count = Counting()
    good = cached_analyze(TEXT, Config(), "d.md", cache, count)
    [entry] = entries(cache_dir)
    for junk in (b"", b"{\"key\": ", b"\x00\xff garbage", json.dumps({"key": "other", "value": {}}).encode(),
                 json.dumps({"key": entry.parent.name + entry.stem, "value": {"findings": 3}}).encode()):
        entry.write_bytes(junk)
        again = cached_analyze(TEXT, Config(), "d.md", cache, count)
        assert again.findings == good.findings
    assert count.calls == 6  # each bad entry was a miss
    assert json.loads(entry.read_bytes())["key"] == entry.parent.name + entry.stem  # rewritten whole
    assert not list(entry.parent.glob(".tmp-*"))


def test_an_entry_pointing_outside_the_text_is_refused() -> None:
    report = Report("d.md", "abc", (), {"words": 1})
    value = report_to_json(analyze(TEXT, Config()))
    assert value["findings"], "the example needs findings"
    with pytest.raises(ValueError, match="outside the text"):
        report_from_json(value, report.text, "d.md")


def test_an_unwritable_folder_leaves_the_run_uncached(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = Cache(blocker / "cache")
    assert cache.put("ab" * 32, {"x": 1}) is False
    assert cache.get("ab" * 32) is None


def test_no_cache_environment_and_languagetool_turn_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REWRITER_NO_CACHE", "1")
    assert Caches().for_config(Config()) is None
    monkeypatch.setenv("REWRITER_NO_CACHE", "0")
    assert Caches().for_config(Config()) is not None
    assert Caches(enabled=False).for_config(Config()) is None
    assert Caches().for_config(Config(languagetool="http://127.0.0.1:8081")) is None


def test_the_folder_beside_the_configuration_or_its_cache_dir_setting(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REWRITER_CACHE_DIR", raising=False)
    (tmp_path / ".rewriter.toml").write_text("target-grade = 9\n", encoding="utf-8")
    assert default_dir(load_config(tmp_path / ".rewriter.toml")) == tmp_path.resolve() / ".rewriter_cache"
    (tmp_path / ".rewriter.toml").write_text('cache-dir = "build/rw"\n', encoding="utf-8")
    assert default_dir(load_config(tmp_path / ".rewriter.toml")) == tmp_path / "build" / "rw"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_dir(Config()) == tmp_path / "xdg" / "rewriter"  # no configuration file
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(tmp_path / "env"))
    assert default_dir(load_config(tmp_path / ".rewriter.toml")) == tmp_path / "env"


def test_a_bad_cache_dir_setting_is_an_error(tmp_path: Path) -> None:
    from rewriter.config import ConfigError

    (tmp_path / ".rewriter.toml").write_text("cache-dir = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.rewriter\.toml:1: 'cache-dir' must be a folder path"):
        load_config(tmp_path / ".rewriter.toml")


def _poison(folder: Path, message: str) -> None:
    """Rewrite every stored finding's message, so that output shows whether the cache was read."""
    for entry in entries(folder):
        stored = json.loads(entry.read_bytes())
        for f in stored["value"]["findings"]:
            if isinstance(f, dict):  # a report record: the JSON finding
                f["message"] = message
            else:  # a check result: [code, name, category, severity, start, end, message, ...]
                f[6] = message
        entry.write_text(json.dumps(stored), encoding="utf-8")


@pytest.mark.slow
def test_check_reads_the_cache_and_no_cache_bypasses_it(cache_dir: Path, isolated_cwd: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    (isolated_cwd / "d.md").write_text(TEXT, encoding="utf-8")
    assert main(["check", "--no-cache", "d.md"]) == 1
    plain = capsys.readouterr().out
    assert not cache_dir.exists(), "--no-cache must not write"
    assert main(["check", "d.md"]) == 1
    assert capsys.readouterr().out == plain
    assert entries(cache_dir)
    _poison(cache_dir, "from the cache")
    assert main(["check", "d.md"]) == 1
    assert "from the cache" in capsys.readouterr().out
    assert main(["check", "--no-cache", "d.md"]) == 1
    assert capsys.readouterr().out == plain


@pytest.mark.slow
def test_report_reads_the_cache_and_no_cache_bypasses_it(cache_dir: Path, isolated_cwd: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (isolated_cwd / "d.md").write_text(TEXT, encoding="utf-8")
    assert main(["report", "d.md", "-o", "one.json", "--jobs", "1"]) == 0
    assert main(["report", "d.md", "-o", "two.json", "--jobs", "1"]) == 0
    one = json.loads((isolated_cwd / "one.json").read_text(encoding="utf-8"))
    two = json.loads((isolated_cwd / "two.json").read_text(encoding="utf-8"))
    assert one == two
    _poison(cache_dir, "from the cache")
    assert main(["report", "d.md", "-o", "three.json", "--jobs", "1"]) == 0
    assert "from the cache" in (isolated_cwd / "three.json").read_text(encoding="utf-8")
    assert main(["report", "d.md", "-o", "four.json", "--jobs", "1", "--no-cache"]) == 0
    assert "from the cache" not in (isolated_cwd / "four.json").read_text(encoding="utf-8")
    capsys.readouterr()


@pytest.mark.slow
def test_an_unchanged_recheck_does_not_import_spacy(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    shutil.copytree(ROOT / "seeds", drafts)
    env = {k: v for k, v in os.environ.items() if k != "REWRITER_NO_CACHE"}
    env["REWRITER_CACHE_DIR"] = str(tmp_path / "cache")
    script = (
        "import json, sys\n"
        "import rewriter.batch\n"
        "from rewriter.cli import main\n"
        "if sys.argv[3] == 'strict':  # no worker may start\n"
        "    rewriter.batch.LocalRunner._executor = None\n"
        "codes = [main(['check', '--format', 'json', sys.argv[1]]),\n"
        "         main(['check', '--select', 'INF,WRD', '--format', 'sarif', sys.argv[1]]),\n"
        "         main(['report', sys.argv[1], '-o', sys.argv[2], '--jobs', '2'])]\n"
        "print(json.dumps({'codes': codes, 'spacy': sorted(m for m in sys.modules if m.split('.')[0] in\n"
        "                  ('spacy', 'thinc', 'textstat', 'lemminflect'))}))\n"
    )

    def run(out: str, strict: str) -> tuple[dict[str, Any], str]:
        proc = subprocess.run([sys.executable, "-c", script, str(drafts), str(tmp_path / out), strict], env=env,
                              capture_output=True, text=True, timeout=600, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        *body, last = proc.stdout.splitlines()
        return json.loads(last), "\n".join(body)

    first, first_out = run("one.json", "")
    assert first["codes"] == [1, 1, 0] and "spacy" in first["spacy"]
    second, second_out = run("two.json", "strict")
    assert second == {"codes": [1, 1, 0], "spacy": []}, "a full hit must not import spaCy"
    assert second_out == first_out  # same JSON and SARIF output


def test_concurrent_writers_and_readers_never_see_half_an_entry(tmp_path: Path) -> None:
    """Processes (here threads) storing and reading one key at once: a reader gets nothing or a
    whole entry, never a torn one, and no temporary file is left behind."""
    import threading

    k = "cd" * 32
    values = [{"findings": [], "metrics": {"n": i, "pad": "x" * 200_000}, "notes": [], "names": []} for i in range(4)]
    seen: list[object] = []
    errors: list[BaseException] = []

    def writer(i: int) -> None:
        cache = Cache(tmp_path)
        for _ in range(15):
            cache.put(k, values[i])

    def reader() -> None:
        cache = Cache(tmp_path)
        try:
            for _ in range(60):
                got = cache.get(k)
                if got is not None:
                    seen.append(got["metrics"]["n"])
                    assert got in values
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)] + \
              [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert Cache(tmp_path).get(k) in values
    assert not list(tmp_path.glob("v*/*/.tmp-*"))


def test_prune_keeps_the_folder_under_its_cap_oldest_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rewriter.cache import Cache

    cache = Cache(tmp_path / "c")
    assert cache.prune(max_bytes=1) == 0  # nothing written by this process: not even looked at
    for i in range(6):
        assert cache.put(f"{i:02d}" + "ab" * 31, {"n": "x" * 1000})
        entry = cache._entry(f"{i:02d}" + "ab" * 31)
        os.utime(entry, ns=(10**18 + i, 10**18 + i))  # oldest first
    size = cache._entry("00" + "ab" * 31).stat().st_size
    assert cache.prune(max_bytes=3 * size) == 3
    assert [cache.get(f"{i:02d}" + "ab" * 31) is not None for i in range(6)] == [False] * 3 + [True] * 3
    assert cache.prune(max_bytes=1) == 0  # pruned within the hour: not looked at again
    assert cache.prune(max_bytes=1, every_seconds=0) == 3
    monkeypatch.setenv("REWRITER_CACHE_MAX_MB", "0.5")
    from rewriter.cache import max_cache_bytes

    assert max_cache_bytes() == 500_000
