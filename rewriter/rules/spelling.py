"""SPL001 house-spelling: words spelled in the other variety (American or British) than the house's.

With ``spelling = "en-US"`` or ``"en-GB"`` every word of the other variety in
``data/lists/spelling.txt`` is flagged; with ``"auto"`` (the default) only a draft that mixes the two
is flagged, at the words of the variety it uses less, or on a tie (each variety once) of the one it
uses second. The fix respells the word (safe).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rewriter.document import Document
from rewriter.model import Applicability, Edit, Finding, Fix, Severity
from rewriter.rules.base import Context, Family, RuleInfo
from rewriter.spelling import house_variety, other_spellings, respell

FAMILY = Family("SPL", "house spelling", "#e3d1f5",
                description="spellings of the other variety, American or British, than the house uses")
NAMES = {"us": "American", "gb": "British"}
HOUSE = RuleInfo(
    "SPL001", "house-spelling", "spelling", Severity.INFO,
    "Spelling of the other variety",
    "Flags a word spelled the British way in American copy or the American way in British copy "
    "('colour' / 'color', 'organise' / 'organize', 'centre' / 'center', 'travelled' / 'traveled'). "
    "The house variety is the configuration's `spelling` (en-US or en-GB); with `auto` it is the "
    "variety the draft mostly uses (on a tie, the one it uses first), and only a mixed draft is flagged.",
    "One story in two spellings looks careless; a house keeps one.",
    "Given (house en-US): 'The colour of the new centre was chosen by residents.'\n"
    "Use instead: 'The color of the new center was chosen by residents.'",
    "Safe: only the spelling changes. Capitalised words are left alone (Grey, Centre Court).",
    needs=frozenset(), family_info=FAMILY, precedence=True,  # LanguageTool repeats it ("colour" in en-US)
)
_WORD = re.compile(r"[A-Za-z]+")


class SpellingChecker:
    def infos(self) -> tuple[RuleInfo, ...]:
        return (HOUSE,)

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]:
        if HOUSE.code not in ctx.enabled:
            return
        text = document.text
        house = house_variety(text, ctx.config.spelling)
        if house is None:
            return
        table = other_spellings(house)
        other = NAMES["gb" if house == "us" else "us"]
        # the variety is the whole draft's; the words are this section's blocks
        matches = (m for block in document.blocks for m in _WORD.finditer(text, block.start, block.end))
        for m in matches:
            word = m.group()
            if word.lower() not in table or not word.islower():
                continue
            new = respell(word, table)
            yield Finding(HOUSE.code, HOUSE.name, HOUSE.category, HOUSE.severity, m.start(), m.end(),
                          f"'{word}' is the {other} spelling; the house spells it '{new}'",
                          Fix((Edit(m.start(), m.end(), new),), Applicability.SAFE, f"Spell it '{new}'"),
                          {"observed": word, "expected": new})


__all__ = ["HOUSE", "SpellingChecker"]
