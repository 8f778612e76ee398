"""`fix` of a long text a piece at a time (issue 14, memory): the pieces' rewrites joined are the
whole text's rewrite, no piece is cut inside a protected region or across suppression comments, and
the house spelling is the whole draft's."""

from __future__ import annotations

from pathlib import Path

import pytest

import rewriter.fix_pieces as fix_pieces
from rewriter import Config
from rewriter.cli import main
from rewriter.fix_pieces import cut_points, fix_text, rewrites

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*"))

OWN_DRAFT = """\
The council will utilize the new hall in order to facilitate meetings. Officials said it serves as a
testament to the town's commitment.

"We will leverage every grant," said Mayor Ada Quinlan. The plan was approved by the board on Tuesday.

In the event that the river rises, the roads will be closed. A total of 40 homes were evacuated last
spring, at 7 a.m. on 3 April.

The colour of the new signs was chosen by residents. The centre opens in June, and the organisers
expect a large crowd.

Going forward, the committee will endeavour to commence repairs prior to the winter.
"""


def _whole(text: str, unsafe: bool, config: Config) -> fix_pieces.Fixed:
    return fix_text(text, unsafe, config, "draft.md", large=len(text) + 1)


def _pieces(text: str, unsafe: bool, config: Config) -> fix_pieces.Fixed:
    return fix_text(text, unsafe, config, "draft.md", large=0, limit=120)


@pytest.mark.slow
@pytest.mark.parametrize("unsafe", [False, True])
@pytest.mark.parametrize("name", [p.name for p in SEEDS] + ["own"])
def test_pieces_give_the_whole_texts_rewrite(name: str, unsafe: bool) -> None:
    text = OWN_DRAFT if name == "own" else next(p for p in SEEDS if p.name == name).read_text(encoding="utf-8")
    config = Config()
    assert cut_points(text, 120) or name == "000_2848cd7d85c6065c.txt"  # (one long paragraph: one piece)
    whole, pieces = _whole(text, unsafe, config), _pieces(text, unsafe, config)
    assert pieces.text == whole.text
    # the findings left, but for RD005 (the grade of the whole document, which each piece has of its own)
    assert (pieces.applied, pieces.failing) == (whole.applied, whole.failing)
    assert pieces.left - pieces.document_grade == whole.left - whole.document_grade
    assert whole.changed or name != "own"


def test_no_cut_inside_a_code_block() -> None:
    text = ("First paragraph of the story, long enough to be a piece.\n\n```\ncode line one\n\ncode line two\n```\n\n"
            "Second paragraph.\n\nThird paragraph.\n\nLast one.\n")
    cuts = cut_points(text, limit=1)
    assert cuts
    fence = (text.index("```"), text.rindex("```") + 3)
    for at in cuts:
        assert text[at - 1] == "\n" and not text[at].isspace()
        assert not fence[0] < at < fence[1]
    assert "".join(text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)) == text


def test_a_draft_with_suppression_comments_is_not_cut() -> None:
    text = "<!-- rewriter: disable WRD -->\n\nWe met in order to vote.\n\n<!-- rewriter: enable WRD -->\n\nMore.\n"
    assert cut_points(text, limit=1) is None
    assert len(list(rewrites(text, False, Config(), "d.md", large=0, limit=1))) == 1


def test_each_piece_spells_as_the_whole_draft() -> None:
    """The first paragraph leans British, the draft American: the pieces respell as the whole does."""
    text = ("The colour of the centre was favoured by the organisers.\n\n"
            + "\n\n".join(f"The color of sign {i} was favored by the organizers at the center." for i in range(4))
            + "\n")
    config = Config()
    whole, pieces = _whole(text, False, config), _pieces(text, False, config)
    assert whole.text.startswith("The color of the center was favored")
    assert pieces.text == whole.text


def test_cli_fix_takes_a_long_file_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "long.md"
    draft.write_text(OWN_DRAFT, encoding="utf-8")
    assert main(["fix", "--stdout", "--exit-zero", str(draft)]) == 0
    whole = capsys.readouterr().out
    made: list[int] = []
    real = fix_pieces.rewrite

    def spy(text: str, **kwargs: object) -> object:
        made.append(len(text))
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fix_pieces, "LARGE_CHARS", 100)
    monkeypatch.setattr(fix_pieces, "PIECE_CHARS", 150)
    monkeypatch.setattr(fix_pieces, "rewrite", spy)
    assert main(["fix", "--stdout", "--exit-zero", str(draft)]) == 0
    assert capsys.readouterr().out == whole
    assert len(made) > 1 and sum(made) == len(OWN_DRAFT)
