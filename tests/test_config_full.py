"""The whole configuration: every key, where it is found, what errors say, `config --show`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from rewriter import Config
from rewriter.cli import main
from rewriter.config import (
    ConfigError,
    find_config,
    from_mapping,
    is_excluded,
    load_config,
    path_matches,
    per_file_ignored,
    rule_enabled,
    to_toml,
)
from rewriter.model import Severity

ROOT = Path(__file__).resolve().parent.parent


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- every key ---------------------------------------------------------------------------------


def test_every_key_parses(tmp_path: Path, house_lexicon: Path) -> None:
    cfg_file = _write(tmp_path / ".rewriter.toml", f"""
select = ["inf", "WRD001", "RD"]
ignore = ["RD003", "INF0"]
extend-select = ["HDG002"]
exclude = ["archive/**", "*.draft.md"]
fail-on = "error"
unsafe-fixes = true
target-grade = 9
hard-grade = 11.5
very-hard-grade = 15
max-sentence-words = 30
max-paragraph-sentences = 5
min-hard-sentence-words = 10
quotes = "flag"
allow = ["Harbinger Group", "unveil"]
extra-lexicons = ["{house_lexicon.name}"]
languagetool = "http://lt.example.org:8010"

[per-file-ignores]
"opinion/*.md" = ["HDG", "INF001"]
""")
    c = load_config(cfg_file)
    assert c.select == ("INF", "WRD001", "RD")
    assert c.ignore == ("RD003", "INF0")
    assert c.extend_select == ("HDG002",)
    assert c.exclude == ("archive/**", "*.draft.md")
    assert c.fail_on is Severity.ERROR
    assert c.unsafe_fixes is True
    assert (c.target_grade, c.hard_grade, c.very_hard_grade) == (9.0, 11.5, 15.0)
    assert (c.max_sentence_words, c.max_paragraph_sentences, c.min_hard_sentence_words) == (30, 5, 10)
    assert c.quotes == "flag"
    assert c.allow == ("Harbinger Group", "unveil")
    assert c.extra_lexicons == (str(house_lexicon.resolve()),)  # relative to the config file
    assert c.languagetool == "http://lt.example.org:8010"
    assert c.per_file_ignores == (("opinion/*.md", ("HDG", "INF001")),)
    assert c.source == str(cfg_file)


def test_readability_sub_table(tmp_path: Path) -> None:
    c = load_config(_write(tmp_path / "pyproject.toml", """
[tool.rewriter]
select = ["RD"]

[tool.rewriter.readability]
target-grade = 8
max-sentence-words = 25
"""))
    assert (c.target_grade, c.max_sentence_words, c.select) == (8.0, 25, ("RD",))


def test_readme_example_is_a_valid_configuration() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1]
    block = re.search(r"```toml\n(.*?)```", section, re.S)
    assert block is not None
    data = tomllib.loads(block.group(1))
    c = from_mapping(data["tool"]["rewriter"])  # not from a file: the lexicon path is not checked
    assert c.select and c.per_file_ignores


# --- errors name the file, the key and the line -------------------------------------------------


def test_unknown_key_names_file_line_and_a_close_match(tmp_path: Path) -> None:
    f = _write(tmp_path / "pyproject.toml", "[tool.rewriter]\nselect = [\"INF\"]\nfail_on = \"error\"\n")
    with pytest.raises(ConfigError, match=re.escape(f"{f}:3: unknown key 'fail_on'; did you mean 'fail-on'?")):
        load_config(f)


def test_error_line_is_in_the_rewriter_table_not_another_tools(tmp_path: Path) -> None:
    f = _write(tmp_path / "pyproject.toml",
               "[tool.ruff]\nselect = [\"E\"]\nexclude = [\"x\"]\n\n[tool.rewriter]\nexclude = [\"a\"]\nselect = 3\n")
    with pytest.raises(ConfigError, match=re.escape(f"{f}:7: 'select' must be a list of rule codes or prefixes")):
        load_config(f)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('fail-on = "fatal"', "'fail-on': unknown severity 'fatal'"),
        ("unsafe-fixes = \"yes\"", "'unsafe-fixes' must be true or false"),
        ("target-grade = 99", "'target-grade' must be a number from 0 to 30"),
        ("max-sentence-words = true", "'max-sentence-words' must be a"),
        ('quotes = "ignore"', "'quotes' must be one of skip, flag"),
        ('select = ["INF-1"]', "'select' has a bad rule code 'INF-1'"),
        ("allow = [1, 2]", "'allow' must be a list of strings"),
        ('languagetool = "sometimes"', "'languagetool' must be off, local or a server URL"),
        ('per-file-ignores = ["a"]', "'per-file-ignores' must be a table of glob = [codes]"),
    ],
)
def test_bad_values_name_file_key_and_line(tmp_path: Path, line: str, message: str) -> None:
    f = _write(tmp_path / ".rewriter.toml", f"# house style\n# metro desk\n{line}\n")
    with pytest.raises(ConfigError) as err:
        load_config(f)
    assert str(err.value).startswith(f"{f}:3: ")
    assert message in str(err.value)


def test_bad_readability_key_and_order_of_grades(tmp_path: Path) -> None:
    f = _write(tmp_path / "pyproject.toml", "[tool.rewriter.readability]\ntarget-grade = 8\nhard = 3\n")
    with pytest.raises(ConfigError, match=re.escape(f"{f}:3: unknown key 'readability.hard'")):
        load_config(f)
    g = _write(tmp_path / "b" / ".rewriter.toml", "hard-grade = 14\nvery-hard-grade = 12\n")
    with pytest.raises(ConfigError, match="'very-hard-grade' must not be below 'hard-grade'"):
        load_config(g)


def test_missing_extra_lexicon_names_the_config_line(tmp_path: Path) -> None:
    f = _write(tmp_path / ".rewriter.toml", 'select = ["HSE"]\nextra-lexicons = ["style/house.toml"]\n')
    with pytest.raises(ConfigError) as err:
        load_config(f)
    assert str(err.value).startswith(f"{f}:2: 'extra-lexicons': no such lexicon file 'style/house.toml'")


def test_invalid_toml_is_an_error_naming_the_file(tmp_path: Path) -> None:
    f = _write(tmp_path / ".rewriter.toml", "select = [\n")
    with pytest.raises(ConfigError, match=re.escape(f"{f}: invalid TOML")):
        load_config(f)


@pytest.mark.slow
def test_broken_lexicon_error_names_its_file_and_line(tmp_path: Path, isolated_cwd: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    lex = _write(isolated_cwd / "house.toml", """code = "HSE001"
name = "house-word"
category = "house"
summary = "House words"

[[entry]]
match = "presser"
replace = ["news conference"]
reason = "jargon"
applicability = "safe"
source = "own"

[[entry]]
match = "stakeholder"
replce = ["person"]
reason = "vague"
applicability = "unsafe"
source = "own"
""")
    _write(isolated_cwd / ".rewriter.toml", 'extra-lexicons = ["house.toml"]\n')
    _write(isolated_cwd / "story.md", "The presser ran long.\n")
    assert main(["check", "story.md"]) == 2
    err = capsys.readouterr().err
    assert f"{lex.resolve()}:15: unknown key 'replce'" in err


def test_cli_reports_config_errors_with_exit_2(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(isolated_cwd / ".rewriter.toml", "selectt = []\n")
    _write(isolated_cwd / "story.md", "Calm text.\n")
    assert main(["check", "story.md"]) == 2
    assert "rewriter: error: " in capsys.readouterr().err


# --- where the configuration comes from -----------------------------------------------------


def test_found_upward_nearest_first_and_dot_file_before_pyproject(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.rewriter]\nfail-on = \"info\"\n")
    _write(tmp_path / "desk" / "pyproject.toml", "[project]\nname = \"x\"\n")  # no [tool.rewriter]: skipped
    _write(tmp_path / "desk" / "sports" / ".rewriter.toml", "fail-on = \"error\"\n")
    _write(tmp_path / "desk" / "sports" / "pyproject.toml", "[tool.rewriter]\nfail-on = \"warning\"\n")
    story = _write(tmp_path / "desk" / "sports" / "match.md", "Text.\n")
    assert find_config(story) == tmp_path / "desk" / "sports" / ".rewriter.toml"
    assert find_config(tmp_path / "desk" / "x.md") == tmp_path / "pyproject.toml"
    assert load_config(start=story).fail_on is Severity.ERROR


def test_config_flag_overrides_discovery(tmp_path: Path, isolated_cwd: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _write(isolated_cwd / ".rewriter.toml", "fail-on = \"info\"\n")
    other = _write(tmp_path / "strict.toml", "fail-on = \"error\"\n")
    assert main(["config", "--show", "--config", str(other)]) == 0
    out = capsys.readouterr().out
    assert 'fail-on = "error"' in out and f"# resolved from: {other}" in out


# --- selection, per-file ignores, exclude -------------------------------------------------------


def test_select_and_ignore_prefixes_most_specific_wins() -> None:
    c = Config(select=("INF",), ignore=("INF0",), extend_select=("INF002",))
    assert not rule_enabled("INF001", c)
    assert rule_enabled("INF002", c)
    assert rule_enabled("INF101", c)
    assert not rule_enabled("WRD001", c)
    assert not rule_enabled("HDG002", Config(), default_enabled=False)
    assert rule_enabled("HDG002", Config(select=("HDG002",)), default_enabled=False)


def test_per_file_ignores_globs_relative_to_the_config_folder(tmp_path: Path) -> None:
    cfg = load_config(_write(tmp_path / ".rewriter.toml",
                             '[per-file-ignores]\n"opinion/*.md" = ["HDG"]\n"**/wire/*.txt" = ["RD"]\n'))
    opinion = tmp_path / "opinion" / "col.md"
    assert per_file_ignored(str(opinion), cfg) == ("HDG",)
    assert per_file_ignored("opinion/col.md", cfg) == ("HDG",)
    assert per_file_ignored(str(tmp_path / "wire" / "ap.txt"), cfg) == ("RD",)  # **/ matches no folder too
    assert per_file_ignored(str(tmp_path / "news" / "wire" / "ap.txt"), cfg) == ("RD",)
    assert per_file_ignored(str(tmp_path / "news" / "col.md"), cfg) == ()
    assert not rule_enabled("HDG001", cfg, path=str(opinion))
    assert rule_enabled("HDG001", cfg, path=str(tmp_path / "news" / "col.md"))


@pytest.mark.parametrize(
    ("path", "glob", "expected"),
    [("archive/2019/a.md", "archive/**", True), ("a.draft.md", "*.draft.md", True),
     ("news/a.draft.md", "*.draft.md", True), ("news/a.md", "archive/**", False),
     ("/abs/archive/x.md", "archive/*", True)],
)
def test_path_matches(path: str, glob: str, expected: bool) -> None:
    assert path_matches(path, glob) is expected


@pytest.mark.slow
def test_exclude_skips_files_in_folders_and_named_files(house_lexicon: Path, isolated_cwd: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    _write(isolated_cwd / ".rewriter.toml",
           f'select = ["TST"]\nextra-lexicons = ["{house_lexicon.as_posix()}"]\nexclude = ["archive/**"]\n')
    _write(isolated_cwd / "news" / "a.md", "A harbinger.\n")
    _write(isolated_cwd / "archive" / "old.md", "An old harbinger.\n")
    assert is_excluded(str(isolated_cwd / "archive" / "old.md"), load_config(start=isolated_cwd))
    assert main(["check", ".", "archive/old.md", "--format", "concise"]) == 1
    out = capsys.readouterr().out
    assert "news/a.md:1:3: TST001" in out and "old.md" not in out


@pytest.mark.slow
def test_fail_on_sets_the_exit_code(house_lexicon: Path, isolated_cwd: Path) -> None:
    _write(isolated_cwd / "story.md", "A harbinger.\n")  # TST001 is a warning
    base = f'select = ["TST"]\nextra-lexicons = ["{house_lexicon.as_posix()}"]\n'
    _write(isolated_cwd / ".rewriter.toml", base + 'fail-on = "error"\n')
    assert main(["check", "story.md"]) == 0
    _write(isolated_cwd / ".rewriter.toml", base + 'fail-on = "warning"\n')
    assert main(["check", "story.md"]) == 1
    assert main(["check", "story.md", "--exit-zero"]) == 0


@pytest.mark.slow
def test_quotes_allow_and_per_file_ignores_through_the_cli(house_lexicon: Path, isolated_cwd: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    base = f'select = ["TST"]\nextra-lexicons = ["{house_lexicon.as_posix()}"]\n'
    _write(isolated_cwd / "q.md", 'She said "a harbinger of doom" twice.\n')
    _write(isolated_cwd / ".rewriter.toml", base)
    assert main(["check", "q.md"]) == 0  # quotes are skipped by default
    _write(isolated_cwd / ".rewriter.toml", base + 'quotes = "flag"\n')
    assert main(["check", "q.md"]) == 1
    _write(isolated_cwd / ".rewriter.toml", base + 'quotes = "flag"\nallow = ["harbinger"]\n')
    assert main(["check", "q.md"]) == 0
    _write(isolated_cwd / ".rewriter.toml", base + 'quotes = "flag"\n[per-file-ignores]\n"q.md" = ["TST0"]\n')
    assert main(["check", "q.md"]) == 0
    capsys.readouterr()


@pytest.mark.slow
def test_unsafe_fixes_in_config_reaches_fix(house_lexicon: Path, isolated_cwd: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    base = f'select = ["TST"]\nextra-lexicons = ["{house_lexicon.as_posix()}"]\n'
    _write(isolated_cwd / "s.md", "The fog was a harbinger of rain.\n")
    _write(isolated_cwd / ".rewriter.toml", base)
    main(["fix", "s.md", "--stdout"])
    assert "harbinger" in capsys.readouterr().out  # unsafe: not applied by default
    _write(isolated_cwd / ".rewriter.toml", base + "unsafe-fixes = true\n")
    main(["fix", "s.md", "--stdout"])
    assert capsys.readouterr().out == "The fog was a sign of rain.\n"


# --- config --show ------------------------------------------------------------------------------


def test_show_prints_valid_toml_that_loads_back_to_the_same(tmp_path: Path, house_lexicon: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    cfg_file = _write(tmp_path / "pyproject.toml", f"""[tool.rewriter]
select = ["INF", "RD"]
ignore = ["RD003"]
fail-on = "info"
target-grade = 8.5
allow = ["O'Neill \\"Tip\\"", "tab\\there", "back\\\\slash", "é and 🌀"]
extra-lexicons = ["{house_lexicon.name}"]
exclude = ["archive/**"]

[tool.rewriter.per-file-ignores]
"opinion/*.md" = ["HDG"]
"with \\"quote\\".md" = ["RD"]
""")
    assert main(["config", "--show", str(tmp_path / "story.md")]) == 0
    out = capsys.readouterr().out
    data = tomllib.loads(out)
    table = data["tool"]["rewriter"]
    shown = from_mapping(table, str(cfg_file))
    original = load_config(cfg_file)
    assert shown == original
    assert table["allow"] == ["O'Neill \"Tip\"", "tab\there", "back\\slash", "é and 🌀"]
    assert table["per-file-ignores"] == {"opinion/*.md": ["HDG"], 'with "quote".md': ["RD"]}
    assert out.startswith(f"# resolved from: {cfg_file}\n[tool.rewriter]\n")


def test_show_defaults_round_trip(isolated_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# resolved from: (defaults)\n")
    assert from_mapping(tomllib.loads(out)["tool"]["rewriter"]).replace(source="") == Config()


def test_to_toml_escapes_control_characters() -> None:
    text = to_toml(Config(allow=("bell\x07", "del\x7f", "line\nbreak")))
    assert tomllib.loads(text)["tool"]["rewriter"]["allow"] == ["bell\x07", "del\x7f", "line\nbreak"]
