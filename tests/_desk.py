"""A small desk of drafts for the batch and report tests (helpers, not tests)."""

from __future__ import annotations

from pathlib import Path

LEXICON = Path(__file__).parent / "data" / "report_lexicon.toml"

DRAFTS = {
    "a.md": "The plan was approved by the council in order to save money.\n\n"
            "It is a harbinger of change for the town, officials said.\n",
    "b.txt": "The committee, which had deliberated extensively regarding the appropriations for the forthcoming "
             "fiscal year, ultimately recommended comprehensive modifications to the infrastructure "
             "programme, notwithstanding considerable opposition from representatives of several "
             "constituencies.\n\nThe vote was held on Monday.\n",
    "c.md": 'A zorblax <script>alert("x")</script> & <b>bold</b> claim was made in order to win.\n',
    "sub/d.markdown": "The crew met in order to vote.\r\nThey voted.\r\n",
    "sub/e.txt": "Short and plain. Nothing to flag here.\n",
}


def make_desk(root: Path) -> Path:
    """``root/desk`` with five drafts, a binary file and an empty one; ``root/.rewriter.toml`` enables
    only the test lexicon (RPT), passive voice and readability."""
    (root / ".rewriter.toml").write_text(
        f'select = ["RPT", "PAS", "RD"]\nextra-lexicons = ["{LEXICON.as_posix()}"]\n', encoding="utf-8")
    desk = root / "desk"
    for name, text in DRAFTS.items():
        path = desk / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    (desk / "bad.txt").write_bytes(b"\x00\x01\x02 not text")
    (desk / "empty.md").write_bytes(b"")
    return desk
