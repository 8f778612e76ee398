"""American or British: which spelling a draft uses, and a replacement written to match it.

A rewrite that puts "center" into a draft that says "centre" (or "organise" into American copy)
reads as a slip. :func:`variety` counts the draft's own spellings of the words in
``data/lists/spelling.txt``; :func:`in_variety` respells a replacement to that variety.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

_LIST = Path(__file__).parent / "data" / "lists" / "spelling.txt"
_WORD = re.compile(r"[A-Za-z]+")
_IZE = ("ize", "izes", "ized", "izing", "ization", "izations")


@functools.cache
def _pairs() -> tuple[dict[str, str], dict[str, str]]:
    """(american -> british, british -> american), lower case."""
    us_gb: dict[str, str] = {}
    for line in _LIST.read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) != 2:
            continue
        if parts[0] == "ize":
            for end in _IZE:
                us_gb[parts[1] + end] = parts[1] + end.replace("z", "s")
        else:
            us_gb[parts[0].lower()] = parts[1].lower()
    # a word spelled alike in one variety and differently in the other is not a marker
    us_gb = {u: g for u, g in us_gb.items() if u != g}
    return us_gb, {g: u for u, g in us_gb.items()}


@functools.lru_cache(maxsize=16)
def variety(text: str) -> str | None:
    """"us" or "gb": the variety the draft's own spellings mostly use, or on a tie the one it uses
    first ("The colour ... the color": British); None when it has no marked spelling."""
    us_gb, gb_us = _pairs()
    us = gb = 0
    first: str | None = None
    for m in _WORD.finditer(text):
        w = m.group()
        if not w.islower():
            continue  # "Grey", "Centre Court": names say nothing of the house
        if w in us_gb:
            us += 1
            first = first or "us"
        elif w in gb_us:
            gb += 1
            first = first or "gb"
    if us != gb:
        return "us" if us > gb else "gb"
    return first


def respell(word: str, table: dict[str, str]) -> str:
    """``word`` in the table's spelling, keeping its case; unchanged when the table lacks it."""
    new = table.get(word.lower())
    if new is None:
        return word
    if word.isupper() and len(word) > 1:
        return new.upper()
    if word[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


HOUSE = {"en-US": "us", "en-GB": "gb"}


def house_variety(text: str, house: str = "auto") -> str | None:
    """The variety to write: the configured house spelling, or with "auto" the draft's own lean."""
    return HOUSE.get(house) or variety(text)


def other_spellings(house: str) -> dict[str, str]:
    """The other variety's spellings mapped to the house's ("us": {"colour": "color", ...})."""
    us_gb, gb_us = _pairs()
    return gb_us if house == "us" else us_gb


def in_variety(replacement: str, text: str, house: str = "auto") -> str:
    """``replacement`` respelled to the house variety, or with "auto" the one ``text`` uses
    (unchanged when it has none)."""
    v = house_variety(text, house)
    if v is None or not replacement:
        return replacement
    us_gb, gb_us = _pairs()
    table = us_gb if v == "gb" else gb_us
    return _WORD.sub(lambda m: respell(m.group(), table), replacement)
