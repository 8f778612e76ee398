"""Configuration: discovery upward, strict validation with file/key/line in errors, selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_house_lexicon

from rewriter import Config, analyze
from rewriter.config import ConfigError, find_config, from_mapping, load_config, rule_enabled
from rewriter.model import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- errors name the file, the key and the line ---------------------------------------------------


def test_unknown_key_in_dot_file_names_file_key_and_line(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".rewriter.toml", 'select = ["INF"]\n\ntarget-grade = 9\nselcet = ["WRD"]\n')
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    msg = str(err.value)
    assert f"{cfg}:4" in msg
    assert "'selcet'" in msg
    assert "did you mean 'select'" in msg


def test_unknown_key_in_pyproject_names_the_line_in_the_rewriter_table(tmp_path: Path) -> None:
    cfg = write(tmp_path / "pyproject.toml",
                '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n\n[tool.rewriter]\n'
                'ignore = ["PAS"]\nfrobnicate = true\n')
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert f"{cfg}:9" in str(err.value)
    assert "'frobnicate'" in str(err.value)
    assert "known:" in str(err.value)  # no close match: the known keys are listed


def test_bad_value_points_at_the_rewriter_line_not_another_tool(tmp_path: Path) -> None:
    # [tool.ruff] has its own 'select' earlier in the file; the error must point at ours
    cfg = write(tmp_path / "pyproject.toml",
                '[tool.ruff]\nselect = ["E"]\n\n[tool.rewriter]\nignore = ["PAS"]\nselect = 5\n')
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert str(err.value).startswith(f"{cfg}:6:")
    assert "'select'" in str(err.value)


def test_unknown_readability_subkey(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".rewriter.toml", '[readability]\ntarget-grade = 8\nhard_grade = 3\n')
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert f"{cfg}:3" in str(err.value)
    assert "readability.hard_grade" in str(err.value)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('fail-on = "fatal"', "fail-on"),
        ("fail-on = 2", "fail-on"),
        ('quotes = "sometimes"', "quotes"),
        ("target-grade = 45", "target-grade"),
        ('target-grade = "8"', "target-grade"),
        ("target-grade = true", "target-grade"),
        ("max-sentence-words = 2", "max-sentence-words"),
        ("max-sentence-words = 12.5", "max-sentence-words"),  # a count is a whole number
        ("max-paragraph-sentences = 0", "max-paragraph-sentences"),
        ('unsafe-fixes = "yes"', "unsafe-fixes"),
        ('select = ["INF-1"]', "select"),
        ('ignore = [""]', "ignore"),
        ("ignore = [1, 2]", "ignore"),
        ('languagetool = "sometimes"', "languagetool"),
        ('per-file-ignores = ["x"]', "per-file-ignores"),
        ('allow = [3]', "allow"),
        ('extra-lexicons = ["missing-house.toml"]', "extra-lexicons"),
    ],
)
def test_bad_values(tmp_path: Path, line: str, words: str) -> None:
    cfg = write(tmp_path / ".rewriter.toml", f"# house settings\n{line}\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    msg = str(err.value)
    assert msg.startswith(f"{cfg}:2"), msg
    assert words in msg


def test_very_hard_below_hard_is_an_error(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".rewriter.toml", "hard-grade = 14\nvery-hard-grade = 12\n")
    with pytest.raises(ConfigError, match="very-hard-grade"):
        load_config(cfg)


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    bad = write(tmp_path / ".rewriter.toml", "select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML") as err:
        load_config(bad)
    assert str(bad) in str(err.value)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path) -> None:
    cfg = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.rewriter\] table"):
        load_config(cfg)


# --- values ------------------------------------------------------------------------------------------


def test_values_are_parsed(tmp_path: Path) -> None:
    (tmp_path / "styles").mkdir()
    lex = write_house_lexicon(tmp_path / "styles")
    cfg = write(tmp_path / ".rewriter.toml",
                'select = ["inf", "WRD0"]\nignore = "PAS001"\nfail-on = "error"\nunsafe-fixes = true\n'
                'quotes = "flag"\nallow = ["Beacon"]\nextra-lexicons = ["styles/house.toml"]\n'
                'languagetool = "http://localhost:8081"\n'
                '[readability]\ntarget-grade = 8\nhard-grade = 11.5\nmax-sentence-words = 30\n'
                '[per-file-ignores]\n"drafts/*.md" = ["RD"]\n')
    config = load_config(cfg)
    assert config.select == ("INF", "WRD0")
    assert config.ignore == ("PAS001",)
    assert config.fail_on is Severity.ERROR
    assert config.unsafe_fixes is True
    assert config.quotes == "flag"
    assert config.allow == ("Beacon",)
    assert config.extra_lexicons == (str(lex.resolve()),)  # relative to the config file
    assert config.languagetool == "http://localhost:8081"
    assert config.target_grade == 8.0 and config.hard_grade == 11.5
    assert config.max_sentence_words == 30 and isinstance(config.max_sentence_words, int)
    assert config.per_file_ignores == (("drafts/*.md", ("RD",)),)
    assert config.source == str(cfg)


def test_defaults() -> None:
    c = Config()
    assert (c.target_grade, c.hard_grade, c.very_hard_grade, c.max_sentence_words) == (10.0, 12.0, 16.0, 35)
    assert c.quotes == "skip" and c.fail_on is Severity.WARNING and c.languagetool == "off"


def test_from_mapping_overrides_keep_the_base() -> None:
    base = Config(target_grade=7.0, ignore=("PAS",))
    c = from_mapping({"select": ["RD"]}, "<cli>", base=base)
    assert c.select == ("RD",) and c.target_grade == 7.0 and c.ignore == ("PAS",)


# --- discovery -----------------------------------------------------------------------------------------


def test_dot_file_found_upward(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".rewriter.toml", "target-grade = 7\n")
    draft = write(tmp_path / "a" / "b" / "story.md", "Text.\n")
    assert find_config(draft) == cfg
    assert find_config(draft.parent) == cfg
    assert load_config(start=draft).target_grade == 7.0


def test_pyproject_tool_table_found_upward(tmp_path: Path) -> None:
    cfg = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.rewriter]\ntarget-grade = 6\n')
    draft = write(tmp_path / "drafts" / "story.md", "Text.\n")
    assert find_config(draft) == cfg
    assert load_config(start=draft).target_grade == 6.0


def test_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    top = write(tmp_path / ".rewriter.toml", "target-grade = 5\n")
    write(tmp_path / "sub" / "pyproject.toml", '[tool.black]\nline-length = 80\n')
    draft = write(tmp_path / "sub" / "story.md", "Text.\n")
    assert find_config(draft) == top


def test_nearest_wins_and_dot_file_beats_pyproject(tmp_path: Path) -> None:
    write(tmp_path / ".rewriter.toml", "target-grade = 5\n")
    near_py = write(tmp_path / "sub" / "pyproject.toml", "[tool.rewriter]\ntarget-grade = 6\n")
    draft = write(tmp_path / "sub" / "story.md", "Text.\n")
    assert find_config(draft) == near_py
    near_dot = write(tmp_path / "sub" / ".rewriter.toml", "target-grade = 7\n")
    assert find_config(draft) == near_dot


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    draft = write(tmp_path / "story.md", "Text.\n")
    assert find_config(draft) is None
    assert load_config(start=draft) == Config()


# --- selection -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("select", "ignore", "code", "on"),
    [
        ((), (), "INF001", True),
        (("INF",), (), "INF001", True),
        (("INF",), (), "WRD001", False),
        (("INF0",), (), "INF002", True),
        (("INF",), ("INF002",), "INF002", False),
        (("INF",), ("INF002",), "INF001", True),
        (("INF001",), ("INF",), "INF001", True),  # the more specific prefix decides
        ((), ("RD",), "RD003", False),
        ((), ("RD",), "PAS001", True),
        (("ALL",), ("PAS",), "PAS001", False),
    ],
)
def test_select_ignore_by_prefix(select: tuple[str, ...], ignore: tuple[str, ...], code: str, on: bool) -> None:
    assert rule_enabled(code, Config(select=select, ignore=ignore)) is on


def test_default_off_rules_need_explicit_selection() -> None:
    assert rule_enabled("HDG002", Config(select=("HDG",)), default_enabled=False)
    assert rule_enabled("HDG002", Config(extend_select=("HDG002",)), default_enabled=False)
    assert not rule_enabled("HDG002", Config(), default_enabled=False)
    assert not rule_enabled("HDG002", Config(select=("ALL",)), default_enabled=False)
    assert not rule_enabled("HDG002", Config(select=("HDG",), ignore=("HDG002",)), default_enabled=False)


def test_per_file_ignores(tmp_path: Path) -> None:
    config = Config(per_file_ignores=(("*.txt", ("RD",)), ("drafts/*.md", ("PAS001",))))
    assert not rule_enabled("RD001", config, path="notes/story.txt")
    assert rule_enabled("RD001", config, path="notes/story.md")
    assert not rule_enabled("PAS001", config, path="drafts/story.md")
    assert rule_enabled("PAS001", config, path="other/story.md")


def test_house_lexicon_off_by_default_needs_selection(tmp_path: Path) -> None:
    body = write_house_lexicon(tmp_path).read_text(encoding="utf-8").replace(
        'severity = "warning"', 'severity = "warning"\nenabled = false')
    lex = write(tmp_path / "off.toml", body)
    text = "A zorblax came."
    off = analyze(text, Config(extra_lexicons=(str(lex),)))
    assert "TST001" not in [f.code for f in off.findings]
    on = analyze(text, Config(extra_lexicons=(str(lex),), select=("TST",)))
    assert [f.code for f in on.findings] == ["TST001"]


def test_allow_list_silences_a_word(house_lexicon: Path) -> None:
    text = "A zorblax came, then a harbinger."
    base = Config(extra_lexicons=(str(house_lexicon),), select=("TST",))
    assert len(analyze(text, base).findings) == 2
    allowed = analyze(text, base.replace(allow=("Zorblax",)))
    assert [text[f.start : f.end] for f in allowed.findings] == ["harbinger"]


# --- unknown codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code", "hint"),
    [
        ('select = ["IFN"]', "IFN", "INF"),
        ('ignore = ["RD", "PAS002"]', "PAS002", "PAS001"),
        ('extend-select = ["HDG9"]', "HDG9", "HDG00"),
        ('ignore = ["NOM002"]', "NOM002", "NOM001"),
    ],
)
def test_unknown_code_in_config_is_an_error_with_a_hint(tmp_path: Path, line: str, code: str, hint: str) -> None:
    cfg = write(tmp_path / ".rewriter.toml", f"# house settings\n{line}\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    msg = str(err.value)
    assert msg.startswith(f"{cfg}:2"), msg
    assert f"unknown rule code '{code}'" in msg and f"did you mean '{hint}" in msg


def test_unknown_code_in_per_file_ignores_names_the_glob(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".rewriter.toml", 'target-grade = 9\n[per-file-ignores]\n"opinion/*.md" = ["HGD"]\n')
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    msg = str(err.value)
    assert msg.startswith(f"{cfg}:2") and "opinion/*.md" in msg and "'HGD'" in msg and "'HDG'" in msg


def test_unknown_code_on_the_command_line() -> None:
    with pytest.raises(ConfigError, match=r"^--select: unknown rule code 'IFN'; did you mean 'INF'\?$"):
        from_mapping({"select": ["IFN"]}, "<cli>")


@pytest.mark.parametrize("codes", [["ALL"], ["INF"], ["INF0"], ["RD00"], ["RD001"], ["RW"], ["RW100"], ["GRM"]])
def test_real_codes_and_prefixes_are_accepted(codes: list[str]) -> None:
    assert from_mapping({"select": codes, "ignore": codes, "extend-select": codes,
                         "per-file-ignores": {"*.md": codes}}).select == tuple(codes)


def test_house_lexicon_codes_are_known(tmp_path: Path) -> None:
    lex = write_house_lexicon(tmp_path)
    cfg = write(tmp_path / ".rewriter.toml", f'select = ["TST", "INF"]\nextra-lexicons = ["{lex.name}"]\n')
    assert load_config(cfg).select == ("TST", "INF")
    bad = write(tmp_path / "other.toml", f'select = ["TSX"]\nextra-lexicons = ["{lex.name}"]\n')
    with pytest.raises(ConfigError, match="did you mean 'TST'"):
        load_config(bad)
    without = write(tmp_path / "plain.toml", 'select = ["TST"]\n')
    with pytest.raises(ConfigError, match="unknown rule code 'TST'"):
        load_config(without)
