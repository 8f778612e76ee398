"""The peers' own test cases: recall on their should-flag examples of the checks whose intent
overlaps ours, and false flags on their should-not-flag examples.

Run by hand:  .venv/bin/python benchmarks/peer_cases.py [--show] [--cache DIR]

The cases come from the packages themselves, fetched at run time into a cache folder outside the
repository (`benchmarks/peers.py`): proselint's `tests/examples.py` (PyPI source distribution) and
the Jasmine specs of write-good, weasel-words and too-wordy (npm). Nothing of theirs is kept in the
project. Vale's style packages (write-good, proselint, Microsoft, Google) are published as GitHub
releases, not on a package registry this machine reaches, so they are not part of the run.

A should-flag case counts as caught when one of our findings of the families mapped to its check
overlaps it (proselint: anywhere in the example; write-good: the span its test expects). A
should-not-flag case of an overlapping check is a false flag when a finding of that check's families
is in it (write-good's own negatives: any word or sentence family, not RD or GRM). Targets (issue
11): recall at least 80%, false flags at most 5%.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
TARGET_RECALL = 0.80
TARGET_FALSE = 0.05
LEXICAL = ("INF", "WRD", "RED", "CLI", "HDG", "NOM", "NWS")
FLAGGING = ("INF", "WRD", "RED", "CLI", "HDG", "NOM", "NWS", "SEN", "PAS", "SPL")

# proselint check -> (our name for the intent, the families that count)
PROSELINT = {
    "hedging": ("hedges and weasel words", ("HDG",)),
    "weasel_words": ("hedges and weasel words", ("HDG",)),
    "lexical_illusions": ("repeated words", ("SEN004", "SEN007")),
    # a stock phrase may be on our wordy or hedge list rather than the cliché list
    "cliches.hell": ("clichés", ("CLI", "INF", "WRD", "HDG")),
    "cliches.misc": ("clichés", ("CLI", "INF", "WRD", "HDG")),
    "misc.debased": ("clichés", ("CLI", "INF", "WRD", "HDG")),
    "redundancy.misc": ("redundancy", ("RED",)),
    "redundancy.ras_syndrome": ("redundancy", ("RED",)),
    "industrial_language.bureaucratese": ("jargon and corporate speak", LEXICAL),
    "industrial_language.commercialese": ("jargon and corporate speak", LEXICAL),
    "industrial_language.corporate_speak": ("jargon and corporate speak", LEXICAL),
    "industrial_language.jargon": ("jargon and corporate speak", LEXICAL),
    "misc.greylist": ("jargon and corporate speak", LEXICAL),
    "misc.pretension": ("jargon and corporate speak", LEXICAL),
    "spelling.consistency": ("house spelling", ("SPL",)),
}
# write-good's reasons -> intent
WRITE_GOOD = [
    ("weasel word", ("hedges and weasel words", ("HDG",))),
    ("can weaken meaning", ("hedges and weasel words", ("HDG",))),
    ("passive voice", ("passive voice", ("PAS",))),
    ("is repeated", ("repeated words", ("SEN004", "SEN007"))),
    ("unnecessary verbiage", ("'There is/are' openers", ("SEN005", "SEN008"))),
    ("wordy or unneeded", ("wordy phrases", ("WRD", "NWS", "INF", "RED", "HDG"))),
    ("is a cliche", ("clichés", ("CLI", "INF"))),
]
PEER_FAMILIES = {"weasel-words": ("HDG",), "too-wordy": ("WRD", "NWS", "INF", "RED", "HDG")}
# write-good options that turn off an overlapping check: such a case tests the option, not the check
OFF_OPTIONS = re.compile(r"(passive|illusion|so|thereIs|weasel|adverb|tooWordy|cliches|eprime)\s*:\s*false"
                         r"|whitelist|eprime")

CALL = re.compile(r"expect\(\s*(\w+)\(\s*(['\"`])((?:\\.|(?!\2).)*)\2\s*(,\s*\{[^}]*\})?\s*\)\s*\)"
                  r"\.toEqual\(\s*\[(.*?)\]\s*\)", re.S)
FLAG = re.compile(r"index\s*:\s*(\d+),\s*offset\s*:\s*(\d+)(?:,\s*reason\s*:\s*(['\"])((?:\\.|(?!\3).)*)\3)?")
# too-wordy's spec: texts in constants, checked in a beforeEach, then expect(results).toEqual([...])
CONST = re.compile(r"const\s+(\w+)\s*=\s*(['\"])((?:\\.|(?!\2).)*)\2\s*;")
STEP = re.compile(r"=\s*\w+\((\w+)\)\s*;|expect\(\s*results\s*\)\.toEqual\(\s*\[(.*?)\]\s*\)", re.S)


def _unescape(s: str) -> str:
    return s.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def js_cases(path: Path) -> list[tuple[str, list[tuple[int, int, str]], str]]:
    """(text, expected flags as (index, length, reason), options) from a Jasmine spec."""
    out = []
    for m in CALL.finditer(path.read_text(encoding="utf-8")):
        text = _unescape(m.group(3))
        options = m.group(4) or ""
        flags = []
        for f in FLAG.finditer(m.group(5)):
            flags.append((int(f.group(1)), int(f.group(2)), _unescape(f.group(4) or "")))
        out.append((text, flags, options))
    source = path.read_text(encoding="utf-8")
    consts = {m.group(1): _unescape(m.group(3)) for m in CONST.finditer(source)}
    current = None
    for m in STEP.finditer(source):
        if m.group(1) is not None:
            current = consts.get(m.group(1))
        elif current is not None:
            flags = [(int(f.group(1)), int(f.group(2)), "") for f in FLAG.finditer(m.group(2))]
            out.append((current, flags, ""))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None)
    ap.add_argument("--show", action="store_true", help="print the misses and the false flags")
    ap.add_argument("--extend-select", default="", help="rules off by default to turn on, e.g. HDG002")
    args = ap.parse_args()

    import peers

    from rewriter import Config, analyze

    t0 = time.perf_counter()
    where = peers.fetch(Path(args.cache) if args.cache else peers.DEFAULT_CACHE)
    extra = tuple(c.strip() for c in args.extend_select.split(",") if c.strip())
    config = Config(ignore=("RD", "GRM", "RW"), extend_select=extra)
    print(f"rules: the defaults{' + ' + ', '.join(extra) if extra else ''}")
    caught: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_peer: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    negatives = 0
    false_flags: list[str] = []

    def findings(text: str):
        return [f for f in analyze(text, config).findings if f.code.startswith(FLAGGING)] if text.strip() else []

    # proselint
    for module, fail, passing in peers.proselint_examples(where["proselint"]):
        if module in PROSELINT:
            intent, fams = PROSELINT[module]
            for ex in fail:
                hit = any(f.code.startswith(fams) for f in findings(ex))
                caught[intent][0] += hit
                caught[intent][1] += 1
                by_peer["proselint"][0] += hit
                by_peer["proselint"][1] += 1
                if not hit:
                    misses.append(f"proselint {module}: {ex!r}")
            for ex in passing:
                negatives += 1
                got = [f for f in findings(ex) if f.code.startswith(fams)]
                if got:
                    false_flags.append(f"proselint {module}: {ex!r} -> {[f.code for f in got]}")
    # write-good and its word lists
    specs = [("write-good", where["write-good"] / "test" / "basic.spec.js"),
             ("weasel-words", where["weasel-words"] / "test" / "weasel.spec.js"),
             ("too-wordy", where["too-wordy"] / "spec" / "basic.spec.js")]
    default_reason = {"weasel-words": "weasel word", "too-wordy": "wordy or unneeded"}
    for peer, spec in specs:
        if not spec.exists():
            continue
        for text, flags, options in js_cases(spec):
            if OFF_OPTIONS.search(options):
                continue
            got = findings(text)
            if not flags:
                negatives += 1
                # a word list's negative case is about its own check; write-good's about all of them
                fams = PEER_FAMILIES.get(peer, FLAGGING)
                if [f for f in got if f.code.startswith(fams)]:
                    false_flags.append(f"{peer}: {text!r} -> {[f.code for f in got]}")
                continue
            for index, length, reason in flags:
                reason = reason or default_reason.get(peer, "")
                intent_fams = next((v for k, v in WRITE_GOOD if k in reason), None)
                if intent_fams is None:
                    continue  # a check we do not share ("So" openers, E-Prime)
                intent, fams = intent_fams
                hit = any(f.code.startswith(fams) and f.start < index + length and f.end > index for f in got)
                caught[intent][0] += hit
                caught[intent][1] += 1
                by_peer[peer][0] += hit
                by_peer[peer][1] += 1
                if not hit:
                    misses.append(f"{peer} ({reason}): {text[index:index + length]!r} in {text!r}")
    elapsed = time.perf_counter() - t0
    total_hit = sum(v[0] for v in caught.values())
    total = sum(v[1] for v in caught.values())
    print(f"time: {elapsed:.1f}s")
    print(f"{'overlapping check':30} {'caught':>8}")
    for intent, (h, n) in sorted(caught.items()):
        print(f"{intent:30} {h:3}/{n:<3} {h / n:6.0%}")
    for peer, (h, n) in sorted(by_peer.items()):
        print(f"  {peer:28} {h:3}/{n:<3} {h / n:6.0%}")
    recall = total_hit / total if total else 0.0
    fp = len(false_flags) / negatives if negatives else 0.0
    print(f"recall on the overlapping checks: {total_hit}/{total} = {recall:.1%} (target {TARGET_RECALL:.0%}) "
          f"{'OK' if recall >= TARGET_RECALL else 'BELOW'}")
    print(f"false flags on their negative cases: {len(false_flags)}/{negatives} = {fp:.1%} "
          f"(target at most {TARGET_FALSE:.0%}) {'OK' if fp <= TARGET_FALSE else 'OVER'}")
    if args.show:
        print("\nmissed:")
        for m in misses:
            print("  " + m)
        print("\nfalse flags:")
        for m in false_flags:
            print("  " + m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
