"""The register score: a density of register findings per 100 words, mapped onto 0-100."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rewriter import analyze
from rewriter.model import Finding, Severity
from rewriter.register import HALF, points, register_density, register_score

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

PLAIN = ("The council voted on Tuesday to keep the swimming pool open for another year. The pool "
         "costs about 40,000 pounds a year to run, and 300 people use it each week.")
INFLATED = ("In a landmark move, the council on Tuesday unveiled a bold plan to revitalise the pool, a "
            "testament to its unwavering commitment to fostering a vibrant community, underscoring its "
            "pivotal role in the town's journey.")


def _finding(code: str) -> Finding:
    return Finding(code, "x", "x", Severity.WARNING, 0, 1, "m")


def test_points_follow_the_documented_table() -> None:
    assert points("INF001") == points("CLI001") == 1.0
    assert points("SEN002") == points("SEN003") == 1.5
    assert points("HDG001") == points("NWS001") == points("WRD001") == 0.5
    assert points("PAS001") == points("SEN001") == points("HDG002") == 0.0


def test_density_is_points_per_hundred_words_plus_grade_above_twelve() -> None:
    found = [_finding("INF001"), _finding("SEN002"), _finding("WRD001")]  # 3.0 points
    assert register_density(found, {"words": 150, "flesch_kincaid_grade": 10}) == pytest.approx(2.0)
    assert register_density(found, {"words": 150, "flesch_kincaid_grade": 16}) == pytest.approx(2.6)
    assert register_density(found, {"words": 0}) == 0.0
    # at HALF points per 100 words the score is 50
    assert register_score([_finding("INF001")] * 2, {"words": 100 * 2 / HALF}) == 50.0


def test_plain_news_scores_low_and_inflated_copy_high() -> None:
    plain = analyze(PLAIN).metrics["register_score"]
    inflated = analyze(INFLATED).metrics["register_score"]
    assert plain < 10 < 60 < inflated, (plain, inflated)
    seed = (SEEDS / "000_2848cd7d85c6065c.txt").read_text(encoding="utf-8")
    assert analyze(seed).metrics["register_score"] > 60


def test_rewriting_lowers_the_score() -> None:
    from rewriter import rewrite

    result = rewrite(INFLATED, unsafe=True)
    assert result.after["register_score"] < result.before["register_score"]


def test_the_score_is_in_the_json_and_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rewriter.cli import main

    draft = tmp_path / "d.txt"
    draft.write_text(INFLATED, encoding="utf-8")
    main(["check", "--format", "json", str(draft)])
    data = json.loads(capsys.readouterr().out)
    assert 0 <= data["files"][0]["metrics"]["register_score"] <= 100
    main(["check", str(draft)])
    assert "register " in capsys.readouterr().out
