"""rewriter.batch: per-file records, error records, the spool, the process pool and Dask."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from _desk import LEXICON, make_desk

from rewriter import batch
from rewriter.batch import BatchResult, LocalRunner, Task, change_excerpt, check_text, finding_context
from rewriter.cli import main
from rewriter.config import Config

CONFIG = Config(select=("RPT", "PAS", "RD"), extra_lexicons=(str(LEXICON),))


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_desk(tmp_path_factory.mktemp("batch"))


@pytest.fixture(scope="module")
def serial_json(desk: Path) -> dict[str, Any]:
    """The JSON report of the desk with --jobs 1 (in this process)."""
    out = desk.parent / "serial.json"
    assert main(["report", str(desk), "-o", str(out), "--jobs", "1"]) == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# ---------------------------------------------------------------- one file


def test_record_has_findings_counts_context_and_safe_rewrite() -> None:
    text = "The plan was approved in order to save money.\n\nIt is a harbinger of change.\n"
    record = check_text(text, CONFIG, "story.md", index=7)
    assert record["index"] == 7 and record["path"] == "story.md"
    assert {"metrics", "findings", "notes", "counts", "context", "safe_rewrite"} <= set(record)
    codes = [f["code"] for f in record["findings"]]
    assert "RPT001" in codes and "PAS001" in codes
    assert record["counts"]["RPT"] == codes.count("RPT001")
    assert sum(record["counts"].values()) == len(codes)
    assert len(record["context"]) == len(record["findings"])
    for f, (left, right) in zip(record["findings"], record["context"], strict=True):
        assert text[f["start"] : f["end"]] == f["text"]
        if f["text"]:
            assert (left.lstrip("…") + f["text"] + right.rstrip("…")) in text
    sr = record["safe_rewrite"]
    assert sr["applied"] == 1 and sr["changed"]  # only the safe 'in order to'; 'harbinger' is unsafe
    assert "in order to" in sr["before"] and "in order to" not in sr["after"] and "to save money" in sr["after"]
    assert isinstance(sr["grade_before"], float) and isinstance(sr["grade_after"], float)
    json.dumps(record)  # JSON-ready


def test_finding_context_stays_on_its_line_and_is_short() -> None:
    text = "First line.\n" + "word " * 40 + "TARGET " + "word " * 40 + "\nLast line."
    start = text.index("TARGET")
    left, right = finding_context(text, start, start + 6, width=30)
    assert left.startswith("…") and right.endswith("…")
    assert "\n" not in left + right and "First" not in left and "Last" not in right
    assert len(left) <= 31 and len(right) <= 31
    assert finding_context(text, 0, 0) == ["", ""]


def test_change_excerpt_is_the_first_changed_paragraph() -> None:
    before = "Same start.\n\nWe met in order to vote.\n\nSame end.\n"
    after = "Same start.\n\nWe met to vote.\n\nSame end.\n"
    assert change_excerpt(before, after) == ("We met in order to vote.", "We met to vote.")
    assert change_excerpt(before, before) == ("", "")
    long_before = "x " * 400 + "in order to" + " y" * 400
    long_after = "x " * 400 + "to" + " y" * 400
    old, new = change_excerpt(long_before, long_after, limit=100)
    assert len(old) < 120 and "in order to" in old and old.startswith("…")
    assert "to" in new and "in order" not in new


# ---------------------------------------------------------------- failures are records


def test_failing_files_become_error_records_and_the_run_goes_on(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.md"
    good.write_text("We met in order to vote.\n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9 society".encode("latin-1"))
    crash = tmp_path / "crash.md"
    crash.write_text("This one makes the checker crash.\n", encoding="utf-8")
    paths = [good, binary, tmp_path / "missing.md", latin, crash, tmp_path / "after.md"]
    (tmp_path / "after.md").write_text("Checked after the crash in order to prove it.\n", encoding="utf-8")

    import rewriter.engine

    real = rewriter.engine.analyze

    def flaky(text: str, config: Config | None = None, path: str = "<stdin>") -> Any:
        if path.endswith("crash.md"):
            raise RuntimeError("boom")
        return real(text, config, path)

    monkeypatch.setattr(rewriter.engine, "analyze", flaky)
    tasks = [Task(i, str(p), CONFIG) for i, p in enumerate(paths)]
    with batch.run(tasks, jobs=1, progress=False) as result:
        rows = result.rows
        assert [r.path for r in rows] == [str(p) for p in paths]
        errors = {Path(r.path).name: r.error for r in result.errors}
        assert set(errors) == {"image.txt", "missing.md", "latin.txt", "crash.md"}
        assert "binary" in errors["image.txt"]
        assert "no such file" in errors["missing.md"]
        assert "UTF-8" in errors["latin.txt"]
        assert "internal error" in errors["crash.md"] and "boom" in errors["crash.md"]
        checked = [Path(r.path).name for r in result.checked]
        assert checked == ["good.md", "after.md"]
        assert all(r.counts.get("RPT") == 1 for r in result.checked)


def test_spool_returns_records_in_input_order_and_keeps_small_rows() -> None:
    with BatchResult() as result:
        for i in (3, 0, 2, 1):
            if i == 2:
                result.add(batch.error_record(i, f"f{i}.md", f"f{i}.md: unreadable"))
                continue
            record = check_text(f"Story {i} was written in order to test.\n", CONFIG, f"f{i}.md", i)
            result.add(record)
        assert [r.path for r in result.rows] == ["f0.md", "f1.md", "f2.md", "f3.md"]
        assert [rec["path"] for rec in result.records()] == ["f0.md", "f1.md", "f3.md"]
        first = result.record(result.rows[0])
        assert first["findings"] and first["index"] == 0
        assert result.expressions[("RPT001", "in order to")] == 3
        assert result.by_family["RPT"] == 3
        row = result.rows[1]
        assert not hasattr(row, "findings_list") and isinstance(row.findings, int)


# ---------------------------------------------------------------- processes


def _no_init(config: Config | None) -> None:
    pass


def _crashy_worker(tasks: list[Task]) -> list[dict[str, Any]]:
    out = []
    for t in tasks:
        if "crash" in t.path:
            os._exit(3)  # a worker that dies without a Python exception (like a segfault or the OOM killer)
        out.append({"index": t.index, "path": t.path, "metrics": {"words": 1}, "findings": [], "counts": {}})
    return out


@pytest.mark.slow
def test_local_pool_survives_a_dying_worker() -> None:
    paths = [f"f{i}.md" for i in range(10)]
    paths[6] = "crash.md"
    tasks = [Task(i, p, Config()) for i, p in enumerate(paths)]
    records: list[dict[str, Any]] = []
    runner = LocalRunner(2, chunk_size=3, worker=_crashy_worker, initializer=_no_init)
    runner.run(tasks, records.append)
    by_path = {r["path"]: r for r in records}
    assert sorted(by_path) == sorted(paths) and len(records) == 10
    assert "died" in by_path["crash.md"]["error"]
    assert all("error" not in r for p, r in by_path.items() if p != "crash.md")
    assert runner.restarts >= 1


@pytest.mark.slow
def test_jobs_2_gives_the_same_report_as_jobs_1(desk: Path, serial_json: dict[str, Any]) -> None:
    out = desk.parent / "parallel.json"
    assert main(["report", str(desk), "-o", str(out), "--jobs", "2"]) == 0
    parallel = json.loads(out.read_text(encoding="utf-8"))
    assert parallel == serial_json
    assert len(parallel["files"]) == 5 and len(parallel["errors"]) == 2


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_report(desk: Path, serial_json: dict[str, Any]) -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        out = desk.parent / "dask.json"
        assert main(["report", str(desk), "-o", str(out), "--scheduler", cluster.scheduler_address]) == 0
        with distributed.Client(cluster.scheduler_address) as client:
            plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert all("rewriter-pipeline" in names for names in plugins.values())
    assert json.loads(out.read_text(encoding="utf-8")) == serial_json


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "one.md"
    draft.write_text("We met in order to vote.\n", encoding="utf-8")
    tasks = [Task(0, str(draft), CONFIG)]
    with batch.run(tasks, jobs=1):  # stderr is not a terminal here: quiet
        pass
    assert capsys.readouterr().err == ""
    with batch.run(tasks, jobs=1, progress=True, total=1):
        pass
    assert "checking" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_a_clear_error(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dask = pytest.importorskip("dask", reason="the dask extra is not installed")
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code = main(["report", str(desk), "-o", str(desk.parent / "never.json"), "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "cannot use the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not (desk.parent / "never.json").exists()
