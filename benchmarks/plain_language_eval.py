"""Plain-language lists: share of entries flagged in a fitting sentence, and share whose fix is one
of the list's own alternatives.

Run by hand:  .venv/bin/python benchmarks/plain_language_eval.py [--show-misses N] [--list NAME]

Lists: the US federal plain-language list and GOV.UK's words to avoid (`../shared/eval/plain_language`),
proselint's redundancy lists (Garner, After the Deadline) and too-wordy's list (write-good's wordy
words), these two fetched at run time into a cache folder outside the repository
(`benchmarks/peers.py`, `--cache DIR`). Targets (issue 11): at least 80% flagged, and for entries
with alternatives our fix among them at least 85% of the time.

Each entry is put into a sentence made here from templates by part of speech: the template is
chosen by how spaCy tags the entry's words in it (a verb in a verb slot, a noun in a noun slot,
...); no sentence of the lists is used. An entry is flagged when a finding of a lexical, house or
sentence family overlaps it (six sentences to a paragraph, so that an opener such as 'However,'
has a sentence before it). Our fix matches when the sentence with our default fix applied equals
the sentence with one of the list's alternatives in its place ("(omit)": the entry cut; "(either
one)": one word of a doublet), case, spacing and a/an aside.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
EVAL = ROOT.parent / "shared" / "eval" / "plain_language"
FAMILIES = ("INF", "WRD", "RED", "CLI", "HDG", "NOM", "NWS", "SEN")
TARGET_FLAGGED = 0.80
TARGET_MATCH = 0.85


@dataclass
class Entry:
    phrase: str
    alternatives: tuple[str, ...]  # () when the list gives none
    source: str
    sentence: str = ""
    span: tuple[int, int] = (0, 0)
    slot: str = ""


# --- the lists ----------------------------------------------------------------------------------

def _alternatives(simple: str, phrase: str) -> tuple[str, ...]:
    simple = simple.strip()
    if not simple:
        return ()
    if simple.startswith("(either one)"):
        parts = re.split(r"\s+and\s+|\s+or\s+", phrase)
        return tuple(p.strip() for p in parts if p.strip())
    out = []
    for part in re.split(r",|;|\bor\b", simple):
        part = part.strip().strip(".")
        part = re.sub(r"^\(omit\)\s*", "", part) if part.startswith("(omit)") and part != "(omit)" else part
        if part == "(omit)":
            part = ""
        if part.startswith("(") or part.split()[-1:] == ["x"] or "______" in part:
            continue
        out.append(part.lower())
    return tuple(dict.fromkeys(out))


def _variants(complex_: str) -> list[str]:
    """'assist, assistance' is two entries; sentences, placeholders and symbols are none."""
    complex_ = complex_.strip()
    if complex_.endswith(".") or "/" in complex_ or re.search(r"\d", complex_):
        return []
    complex_ = complex_.replace(" X", "").replace(" x", "")
    complex_ = re.sub(r"\s*\(.*?\)\s*", " ", complex_).strip()
    complex_ = re.sub(r"\s*\(.*$", "", complex_).strip()  # a condition left open: "tackle (unless ..."
    return [v.strip() for v in complex_.split(",") if v.strip()]


def load_lists(cache: Path) -> list[Entry]:
    entries: list[Entry] = []
    with open(EVAL / "plainlanguage_gov_simple_words.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for v in _variants(row["complex"]):
                entries.append(Entry(v, _alternatives(row["simple"], v), "plainlanguage.gov"))
    with open(EVAL / "govuk_words_to_avoid.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for v in _variants(row["complex"]):
                entries.append(Entry(v, _alternatives(row["simple"], v), "govuk"))
    import peers

    where = peers.fetch(cache)
    for phrase, plain, name in peers.proselint_redundancies(where["proselint"]):
        if re.search(r"[^a-z' -]", phrase):
            continue  # 'a.m. in the morning', regular expressions, diacritics
        entries.append(Entry(phrase, (plain.lower(),), name))
    for phrase in peers.js_list(where["too-wordy"] / "too-wordy.js", "wordyWords"):
        entries.append(Entry(phrase, (), "too-wordy"))
    # one entry per phrase and list
    seen: set[tuple[str, str]] = set()
    out = []
    for e in entries:
        key = (e.phrase.lower(), e.source)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


# --- sentences from templates -------------------------------------------------------------------

# {w} is the entry; each template names the part of speech its slot wants, checked on the parse
TEMPLATES: dict[str, tuple[str, ...]] = {
    "verb": ("The council will {w} the new plan next year.", "The council will {w} next year."),
    "verb_prep": ("The council will {w} the new plan next year.",),
    "noun": ("The council discussed the {w} at its meeting on Monday.", "The {w} was discussed at the meeting."),
    "plural": ("The council discussed the {w} at its meeting on Monday.",),
    "adj": ("The council approved {a} {w} plan on Monday.", "The plan was {w}, the council found."),
    "adv": ("The council {w} approved the plan on Monday.", "The council approved the plan {w}."),
    "prep": ("The council met on Monday {w} the new budget.",),
    "quant": ("The council heard from {w} residents on Monday.",),
    "conj": ("The school closed early {w} the roof was leaking.",),
    "to_aux": ("The council {w} cut costs this year.",),
    "to": ("The council met on Monday {w} cut costs.",),
    "opener": ("{W} the council approved the plan on Monday.",),
    "clause": ("{W} the plan will cost more than expected.",),
}
ADVERB_OPENERS = ("however", "therefore", "consequently", "accordingly", "in addition", "subsequently",
                  "as a matter of fact", "all things considered", "alternatively", "going forward",
                  "moving forward", "first and foremost", "last but not least", "in view of the above")
CLAUSE_OPENERS = ("it is", "it appears", "there is", "there are", "be advised", "it is essential",
                  "it is requested", "it is important to note that", "it should be noted that")


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" and not word.lower().startswith(("uni", "use", "one")) else "a"


def _fill(template: str, phrase: str) -> tuple[str, tuple[int, int]]:
    w = phrase
    if template.startswith("{W}"):
        w = phrase[:1].upper() + phrase[1:]
        if phrase.lower() in ADVERB_OPENERS:
            w += ","
    text = template.replace("{a}", _article(phrase))
    start = text.index("{W}") if "{W}" in text else text.index("{w}")
    sentence = text.replace("{W}", w).replace("{w}", w)
    return sentence, (start, start + len(phrase))


def _slots(phrase: str, tags: list[tuple[str, str, str]]) -> list[str]:
    """Candidate slots, best first, from the entry's words tagged on their own."""
    low = phrase.lower()
    words = low.split()
    first_pos, first_tag = tags[0][1], tags[0][2]
    last = words[-1]
    if low in CLAUSE_OPENERS or low.startswith(("it is ", "there ")):
        return ["clause"]
    if low in ADVERB_OPENERS:
        return ["opener", "adv"]
    if len(words) > 1:
        if words[0] in ("is", "are", "was", "has", "have", "had") and last != "to":
            return ["aux", "verb_prep"]
        if last == "to" and first_pos in ("AUX", "VERB"):
            return ["to_aux", "verb_prep", "to"]
        if last == "to" and words[0] in ("in", "as", "so", "with", "for"):
            return ["to", "prep"]
        if last in ("that", "when", "as", "because", "if", "whether") and first_pos not in ("VERB", "AUX"):
            return ["conj", "prep", "clause"]
        if last == "of" and first_pos in ("DET", "NUM", "ADJ") and words[0] in ("a", "an", "all", "any", "each"):
            return ["quant", "prep"]
        if first_pos in ("ADP", "SCONJ") or last in ("of", "to", "with", "for", "on", "by", "from", "in"):
            if first_pos in ("VERB", "AUX"):
                return ["verb_prep", "prep"]
            return ["prep", "quant", "verb_prep"]
        if first_pos in ("VERB", "AUX") and first_tag in ("VB", "VBP"):
            return ["verb", "noun", "adv"]
        if first_pos == "ADV" and tags[-1][1] in ("VERB",):
            return ["verb", "adv"]
        if first_pos == "ADV" and tags[-1][1] in ("ADJ",):
            return ["adj", "adv"]
        if tags[-1][1] in ("NOUN", "PROPN"):
            return ["plural" if tags[-1][2] == "NNS" else "noun", "adj", "verb"]
        if tags[-1][1] == "ADJ":
            return ["adj", "noun"]
        if tags[-1][1] == "ADV":
            return ["adv", "opener"]
        return ["prep", "noun", "verb", "adv", "clause"]
    pos, tag = tags[0][1], tags[0][2]
    import lemminflect

    known = lemminflect.getAllLemmas(low)
    slot_of = {"VERB": "verb", "NOUN": "plural" if tag == "NNS" else "noun", "ADJ": "adj", "ADV": "adv"}
    order = [slot_of[p] for p in ("VERB", "NOUN", "ADJ", "ADV") if p in known]
    if pos in known and pos in slot_of and len(known) > 1 and pos != "NOUN":
        order.remove(slot_of[pos])
        order.insert(0, slot_of[pos])
    if not order:
        order = {"ADP": ["prep"], "SCONJ": ["conj"], "ADV": ["adv", "opener"]}.get(pos, ["noun", "verb", "adj", "adv"])
    if "verb" in order and low.endswith("s") and known.get("VERB", (low,))[0] != low:
        order[order.index("verb")] = "verb_3sg"
    elif "verb" in order and low.endswith("ed") and known.get("VERB", (low,))[0] != low:
        order[order.index("verb")] = "verb_past"
    return order


WANT = {"verb": ("VERB",), "verb_prep": ("VERB", "AUX"), "noun": ("NOUN", "PROPN"), "plural": ("NOUN", "PROPN"),
        "adj": ("ADJ", "VERB"), "adv": ("ADV",), "opener": ("ADV", "ADP", "SCONJ", "NOUN", "ADJ", "VERB", "CCONJ"),
        "prep": ("ADP", "SCONJ", "ADV", "VERB", "NOUN", "DET", "ADJ"), "quant": ("DET", "ADJ", "NOUN", "NUM", "PRON"),
        "conj": ("SCONJ", "ADP", "ADV", "NOUN", "DET", "ADJ", "VERB"), "to_aux": ("AUX", "VERB"),
        "to": ("ADP", "SCONJ", "ADV", "PART", "NOUN", "DET", "VERB", "ADJ"), "clause": ("PRON", "ADV", "VERB", "AUX"),
        "verb_past": ("VERB",)}
TEMPLATES["verb_past"] = ("The council {w} the plan on Monday.", "The plan was {w} on Monday.")
TEMPLATES["aux"] = ("The council {w} the new plan this year.",)
WANT["aux"] = ("AUX", "VERB")
TEMPLATES["verb_3sg"] = ("The new plan {w} a change for the town.",)
WANT["verb_3sg"] = ("VERB", "AUX")


VERB_SLOTS = ("verb", "verb_prep", "to_aux", "verb_past", "verb_3sg", "aux")
# entries whose every use needs a particular next word: a sentence of their own
SPECIAL = {
    "a number of": "There were {w} complaints about the plan.",
    "the month of": "The council met in {w} May.",
    "in the amount of": "The court imposed a fine {w} $500.",
    "ask the question": "The mayor will {w} of whether the plan works.",
    "as yet": "The council has not {w} approved the plan.",
    # the lists' "it is" and "there is/are" are the openers that put the subject in a clause
    # ("It is the clerk who ...", "There are residents who ..."); "It is the plan will cost" is no sentence
    "it is": "{W} the county clerk who counts the ballots.",
    "it was": "{W} the county clerk who found the ballots.",
    "there is": "{W} one clerk who counts every ballot by hand.",
    "there are": "{W} many residents who oppose the plan.",
}


def place(entries: list[Entry], nlp) -> None:
    alone = list(nlp.pipe([e.phrase for e in entries]))
    for e, doc in zip(entries, alone, strict=True):
        tags = [(t.lower_, t.pos_, t.tag_) for t in doc] or [("", "X", "X")]
        candidates = []
        if e.phrase.lower() in SPECIAL:
            e.slot = "special"
            e.sentence, e.span = _fill(SPECIAL[e.phrase.lower()], e.phrase)
            continue
        for slot in _slots(e.phrase, tags):
            for template in TEMPLATES[slot]:
                candidates.append((slot, *_fill(template, e.phrase)))
        # the first template in which the entry's head word gets a part of speech the slot wants
        parsed = list(nlp.pipe([c[1] for c in candidates]))
        chosen = candidates[0]
        for cand, doc in zip(candidates, parsed, strict=True):
            slot, _sentence, (a, b) = cand
            toks = [t for t in doc if a <= t.idx < b]
            if not toks:
                continue
            head = toks[0] if slot in VERB_SLOTS or len(toks) == 1 else next(
                (t for t in toks if t.head.i < toks[0].i or t.head.i > toks[-1].i), toks[0])
            if head is not None and head.pos_ in WANT[slot]:
                chosen = cand
                break
        e.slot, e.sentence, e.span = chosen


# --- scoring ------------------------------------------------------------------------------------

def _norm(s: str) -> str:
    s = s.lower().replace("\u2019", "'")
    s = re.sub(r"\ban\b", "a", s)
    s = re.sub(r"[^\w' ]+", " ", s)
    return " ".join(s.split())


def _apply(text: str, edits) -> str:
    for ed in sorted(edits, key=lambda x: x.start, reverse=True):
        text = text[: ed.start] + ed.replacement + text[ed.end :]
    return text


def _expected(e: Entry, alt: str) -> str:
    a, b = e.span
    s = e.sentence
    if e.slot in ("opener", "clause") and a == 0:
        tail = s[b:].lstrip(", ")
        body = (alt + " " + tail) if alt else tail
        return body
    return s[:a] + alt + s[b:]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None, help="folder for the fetched packages (default /tmp/rewriter-peers)")
    ap.add_argument("--show-misses", type=int, default=0, help="print N entries not flagged, and N fixes off the list")
    ap.add_argument("--list", default="",
                    help="only entries of this list (plainlanguage.gov, govuk, proselint, too-wordy)")
    ap.add_argument("--chunk", type=int, default=60, help="sentences per analysed text")
    ap.add_argument("--extend-select", default="",
                    help="rules off by default to turn on, comma-separated (e.g. NWS003,WRD002)")
    args = ap.parse_args()

    import peers

    from rewriter import Config, analyze
    from rewriter.nlp import load_pipeline

    t0 = time.perf_counter()
    entries = load_lists(Path(args.cache) if args.cache else peers.DEFAULT_CACHE)
    if args.list:
        entries = [e for e in entries if e.source.startswith(args.list)]
    nlp = load_pipeline().nlp
    place(entries, nlp)
    extra = tuple(c.strip() for c in args.extend_select.split(",") if c.strip())
    config = Config(ignore=("PAS", "RD", "GRM", "RW"), extend_select=extra)
    print(f"rules: the defaults{' + ' + ', '.join(extra) if extra else ''}")
    flagged: dict[int, list] = {}
    for i in range(0, len(entries), args.chunk):
        part = entries[i : i + args.chunk]
        offsets = []
        text = ""
        for n, e in enumerate(part):
            offsets.append(len(text))
            # paragraphs of six sentences: an opener such as 'However,' has a sentence before it
            text += e.sentence + ("\n\n" if n % 6 == 5 else " ")
        report = analyze(text, config, path="plain")
        for j, e in enumerate(part):
            base = offsets[j]
            a, b = base + e.span[0], base + e.span[1]
            end = base + len(e.sentence)
            hits = [f for f in report.findings if f.code.startswith(FAMILIES) and f.start < b and f.end > a
                    and f.end <= end + 1]
            if hits:
                local = []
                for f in hits:
                    edits = f.fix.edits if f.fix else ()
                    local.append((f, [type(ed)(ed.start - base, ed.end - base, ed.replacement) for ed in edits
                                      if base <= ed.start and ed.end <= end]))
                flagged[i + j] = local
    by_source: Counter[str] = Counter()
    by_source_flagged: Counter[str] = Counter()
    with_alt: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    misses: list[Entry] = []
    off_list: list[tuple[Entry, str]] = []
    for k, e in enumerate(entries):
        src = e.source.split()[0]
        by_source[src] += 1
        if k not in flagged:
            misses.append(e)
            continue
        by_source_flagged[src] += 1
        if not e.alternatives:
            continue
        with_alt[src] += 1
        edits = [ed for _f, eds in flagged[k] for ed in eds]
        ours = _norm(_apply(e.sentence, edits)) if edits else ""
        wanted = {_norm(_expected(e, alt)) for alt in e.alternatives}
        if ours and ours in wanted:
            matched[src] += 1
        else:
            f0 = flagged[k][0][0]
            off_list.append((e, f"{f0.code} {(_apply(e.sentence, edits) if edits else '(no fix)')}"))
    elapsed = time.perf_counter() - t0
    total = len(entries)
    nflag = sum(by_source_flagged.values())
    nalt = sum(with_alt.values())
    nmatch = sum(matched.values())
    print(f"entries: {total}  time: {elapsed:.1f}s")
    print(f"{'list':22} {'entries':>7} {'flagged':>8} {'with alt':>9} {'fix on list':>12}")
    for src in sorted(by_source):
        fl = by_source_flagged[src]
        wa = with_alt[src]
        print(f"{src:22} {by_source[src]:7} {fl / by_source[src]:8.1%} {wa:9} "
              f"{(matched[src] / wa if wa else 0):12.1%}")
    rate = nflag / total if total else 0.0
    mrate = nmatch / nalt if nalt else 0.0
    verdict = "OK" if rate >= TARGET_FLAGGED else "BELOW"
    print(f"flagged: {nflag}/{total} = {rate:.1%} (target {TARGET_FLAGGED:.0%}) {verdict}")
    print(f"fix among the list's alternatives: {nmatch}/{nalt} = {mrate:.1%} (target {TARGET_MATCH:.0%}) "
          f"{'OK' if mrate >= TARGET_MATCH else 'BELOW'}")
    slots = Counter(e.slot for e in entries)
    print("templates used: " + ", ".join(f"{s} {n}" for s, n in slots.most_common()))
    if args.show_misses:
        print(f"\nnot flagged ({len(misses)}):")
        for e in misses[: args.show_misses]:
            print(f"  [{e.source}] {e.phrase!r:34} {e.sentence}")
        print(f"\nfix not on the list ({len(off_list)}):")
        for e, got in off_list[: args.show_misses]:
            print(f"  [{e.source}] {e.phrase!r:30} want {'/'.join(e.alternatives) or '(omit)'!r:28} got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
