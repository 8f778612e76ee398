"""How good are the rewriter's unsafe fixes? Three measures (issue #3, "Measure").

--part seed     the seed draft with unsafe fixes: FK grade before -> after, edits applied, every
                number and capitalised name of the original still there, sentences still
                sentences; prints the edits and the rewritten text.
--part onestop  OneStopEnglish (``../shared/eval/onestopenglish``): rewrite the 189 Advanced
                texts; mean FK grade before/after against the Intermediate and Elementary texts.
--part asset    ASSET test (``../shared/eval/asset``, 359 sentences, 10 references): rewrite each
                source sentence; SARI and FKGL next to identity, truncation and published systems.
                SARI and FKGL are ``benchmarks/sari.py`` (EASSE's corpus SARI and corpus FKGL,
                re-implemented; validated in tests/test_sari.py against EASSE's figures).

The evaluation data is read by path (``--eval-dir``, default ``../shared/eval`` beside the repo);
no corpus text is written into the project. Printed examples are for the reader, not for commits.

Run:  .venv/bin/python benchmarks/rewrite_eval.py --part seed|onestop|asset|all [--limit N] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval"
DEFAULT_SEED = ROOT / "seeds" / "000_2848cd7d85c6065c.txt"
FK = "flesch_kincaid_grade"

T = TypeVar("T")
R = TypeVar("R")


def parallel_map(fn: Callable[[T], R], items: list[T], jobs: int, label: str) -> Iterator[R]:
    """``map`` in ``jobs`` worker processes (each loads spaCy once), with progress on stderr."""
    t0 = time.perf_counter()
    step = max(1, len(items) // 10)
    if jobs <= 1:
        results: Iterable[R] = map(fn, items)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=jobs)
        results = pool.map(fn, items, chunksize=max(1, min(16, len(items) // (jobs * 8) or 1)))
    try:
        for i, r in enumerate(results, 1):
            if i % step == 0 or i == len(items):
                print(f"  ... {label}: {i}/{len(items)}, {time.perf_counter() - t0:.0f}s", file=sys.stderr)
            yield r
    finally:
        if pool is not None:
            pool.shutdown()


# --------------------------------------------------------------------------- checks on a rewrite

_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
# a capitalised word, acronym or hyphenated name ("Pakistan", "CIS-MOA", "US-Pakistan")
_CAPWORD = re.compile(r"[A-Z][\w\u2019'-]*")
_OPENERS = "\"'\u201c\u2018(["
_CLOSERS = "\"'\u201d\u2019)]"


def numbers_of(text: str) -> Counter[str]:
    return Counter(m.group() for m in _NUMBER.finditer(text))


def at_sentence_start(text: str, i: int) -> bool:
    """Whether the word at ``i`` opens a sentence (text or line start, or after . ! ? and a space)."""
    j = i
    while j > 0 and text[j - 1] in _OPENERS:
        j -= 1
    k = j
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or text[k - 1] == "\n":
        return True
    if k == j:
        return False
    while k > 0 and text[k - 1] in _CLOSERS:
        k -= 1
    return k > 0 and text[k - 1] in ".!?"


def names_of(text: str) -> tuple[Counter[str], Counter[str]]:
    """Capitalised words: (inside a sentence, i.e. names and acronyms; at a sentence start)."""
    inner: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    for m in _CAPWORD.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_"):
            continue
        word = re.sub(r"['\u2019]s$", "", m.group()).rstrip("'\u2019-")
        (initial if at_sentence_start(text, m.start()) else inner)[word] += 1
    return inner, initial


def lost_items(original: str, rewritten: str) -> dict[str, list[str]]:
    """Numbers and mid-sentence capitalised words of ``original`` that ``rewritten`` has fewer of
    (counted as substrings of the rewrite, so "Pakistan" survives inside "Pakistan's")."""
    out: dict[str, list[str]] = {"numbers": [], "names": [], "sentence openers": []}
    for n, k in numbers_of(original).items():
        if len(re.findall(rf"(?<![\d.,]){re.escape(n)}(?![\d]|[.,]\d)", rewritten)) < k:
            out["numbers"].append(n)
    inner, initial = names_of(original)
    for w, k in inner.items():
        if len(re.findall(rf"\b{re.escape(w)}\b", rewritten)) < k:
            out["names"].append(w)
    for w, k in initial.items():
        if len(re.findall(rf"\b{re.escape(w)}\b", rewritten)) < k:
            out["sentence openers"].append(w)
    return out


# patterns that often mean a broken seam; counted before and after, only increases are reported
SEAM_PATTERNS: dict[str, re.Pattern[str]] = {
    "double space": re.compile(r"(?<=\S)  +(?=\S)"),
    "space before punctuation": re.compile(r"\w \s*[,.;:!?](?!\w)"),
    "doubled punctuation": re.compile(r"[,;:]\s*[,.;:]|\.\s*,"),
    "lowercase sentence start": re.compile(r"(?:[.!?][\"\u201d]?\s+|^)[a-z]", re.M),
    "repeated word": re.compile(r"\b(\w+)\s+\1\b", re.I),
    "'a' before a vowel": re.compile(r"\b[Aa] (?!one|once|uni|use|usu|uti|ure|eu|ewe|u-)[aeiou]\w*"),
    "'an' before a consonant": re.compile(r"\b[Aa]n (?!h|u|[A-Z]{2})[b-df-gj-np-tv-z]\w*"),
}


def seam_counts(text: str) -> Counter[str]:
    return Counter({k: len(p.findall(text)) for k, p in SEAM_PATTERNS.items()})


def seam_examples(before: str, after: str, limit: int = 3) -> dict[str, list[str]]:
    """For each pattern that occurs more often after the rewrite, a few contexts from the rewrite."""
    b, a = seam_counts(before), seam_counts(after)
    out: dict[str, list[str]] = {}
    for kind, n in a.items():
        if n > b.get(kind, 0):
            olds = {m.group().lower() for m in SEAM_PATTERNS[kind].finditer(before)}
            ex = []
            for m in SEAM_PATTERNS[kind].finditer(after):
                if m.group().lower() in olds:
                    continue
                lo, hi = max(0, m.start() - 50), min(len(after), m.end() + 40)
                ex.append("..." + after[lo:hi].replace("\n", " ") + "...")
                if len(ex) >= limit:
                    break
            out[kind] = ex or [f"(+{n - b.get(kind, 0)})"]
    return out


def verbless_sentences(text: str) -> list[str]:
    """Sentences (by the rewriter's spaCy pipeline) with no verb or auxiliary at all."""
    from rewriter.nlp import load_pipeline

    nlp = load_pipeline(frozenset({"tagger", "parser"})).nlp
    out = []
    for para in text.split("\n"):
        if not para.strip():
            continue
        for sent in nlp(para).sents:
            if sent.text.strip() and not any(t.pos_ in ("VERB", "AUX") for t in sent):
                out.append(sent.text.strip())
    return out


def change_snippets(before: str, after: str, context: int = 8) -> list[str]:
    """Each changed stretch as '... context [-old-]{+new+} context ...' (word-level diff)."""
    import difflib

    a, b = before.split(), after.split()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left = " ".join(a[max(0, i1 - context) : i1])
        right = " ".join(a[i2 : i2 + context])
        old, new = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        out.append(f"...{left} [-{old}-]{{+{new}+}} {right}...")
    return out


# --------------------------------------------------------------------------- one rewrite


@dataclass
class RewriteResult:
    key: str
    original: str
    text: str
    before: dict[str, Any]
    after: dict[str, Any]
    applied: list[tuple[str, str, str]]  # (code, observed, replacement)
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> count
    skipped_list: list[tuple[str, str, str, str]] = field(default_factory=list)  # code, observed, fix, reason
    iterations: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def _short_reason(reason: str) -> str:
    return re.sub(r"'[^']*'", "'…'", reason)


def rewrite_text(key: str, text: str) -> RewriteResult:
    from rewriter import Config
    from rewriter.fix import rewrite

    t0, c0 = time.perf_counter(), time.process_time()
    rw = rewrite(text, unsafe=True, config=Config())
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    applied = []
    for f in rw.applied:
        observed = str(f.data.get("observed", ""))
        replacement = str(f.data.get("expected", f.fix.edits[0].replacement if f.fix and f.fix.edits else ""))
        applied.append((f.code, observed, replacement))
    # the same finding may be skipped again in a later pass; list (and count) it once
    skipped_list = list(dict.fromkeys((s.finding.code, str(s.finding.data.get("observed", "")),
                                       str(s.finding.data.get("expected", "")), s.reason) for s in rw.skipped))
    skipped = Counter(_short_reason(reason) for *_, reason in skipped_list)
    return RewriteResult(key, text, rw.text, dict(rw.before), dict(rw.after), applied, skipped, skipped_list,
                         rw.iterations, seconds, cpu)


def _metrics(m: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in m.items() if not isinstance(v, list)}


# --------------------------------------------------------------------------- part (a): seed


def part_seed(args: argparse.Namespace) -> None:
    path = Path(args.seed)
    text = path.read_text(encoding="utf-8")
    print(f"== seed: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} (unsafe fixes)")
    t0 = time.perf_counter()
    r = rewrite_text(str(path), text)
    elapsed = time.perf_counter() - t0
    b, a = r.before[FK], r.after[FK]
    print(f"FK grade: {b:.2f} -> {a:.2f} ({a - b:+.2f}; issue #3 expects a drop of at least 3: "
          f"{'OK' if b - a >= 3 else 'NOT MET'})")
    print(f"words: {r.before['words']} -> {r.after['words']}; sentences: {r.before['sentences']} -> "
          f"{r.after['sentences']}; edits applied: {len(r.applied)} in {r.iterations} pass(es)")
    for key in ("flesch_reading_ease", "gunning_fog", "dale_chall_readability_score"):
        if key in r.before:
            print(f"  {key}: {r.before[key]} -> {r.after[key]}")

    print("\napplied edits:")
    for code, observed, replacement in r.applied:
        print(f"  {code:7} {observed!r} -> {replacement!r}")
    print("\nnot applied:")
    for code, observed, fix, reason in r.skipped_list:
        print(f"  {code:7} {observed!r}" + (f" -> {fix!r}" if fix else "") + f": {reason}")

    lost = lost_items(text, r.text)
    print("\nmeaning check (numbers and mid-sentence capitalised names of the original, in the rewrite):")
    nums, (names, _) = numbers_of(text), names_of(text)
    print(f"  numbers: {sum(nums.values())} in original, missing: {lost['numbers'] or 'none'}")
    print(f"  names:   {sum(names.values())} in original, missing: {lost['names'] or 'none'}")
    if lost["sentence openers"]:
        print(f"  sentence-opening words changed (not names; for information): {lost['sentence openers']}")

    print("\nsentence check:")
    vb, va = verbless_sentences(text), verbless_sentences(r.text)
    print(f"  sentences without a verb: {len(vb)} before, {len(va)} after")
    for s in va:
        if s not in vb:
            print(f"    new: {s!r}")
    seams = seam_examples(text, r.text, limit=5)
    if seams:
        for kind, ex in seams.items():
            print(f"  {kind}:")
            for e in ex:
                print(f"    {e}")
    else:
        print("  no broken seams found (double spaces, stray punctuation, a/an, repeated words, lowercase starts)")

    print("\n---- rewritten seed ----")
    print(r.text.rstrip("\n"))
    print("---- end ----")
    print(f"\ntime: {elapsed:.1f}s (rewrite {r.seconds:.1f}s wall, {r.cpu_seconds:.1f}s CPU, "
          "including the pipeline's first load)")


# --------------------------------------------------------------------------- part (b): OneStopEnglish


def _onestop_job(job: tuple[str, str]) -> RewriteResult:
    from rewriter import Config, analyze

    texts_dir, article = job
    d = Path(texts_dir)
    adv = (d / f"{article}.adv.txt").read_text(encoding="utf-8")
    r = rewrite_text(article, adv)
    for level in ("int", "ele"):
        report = analyze((d / f"{article}.{level}.txt").read_text(encoding="utf-8"), Config())
        r.extra[level] = _metrics(dict(report.metrics))
    r.extra["lost"] = lost_items(adv, r.text)
    r.extra["snippets"] = change_snippets(adv, r.text)
    r.extra["seams"] = seam_examples(adv, r.text, limit=2)
    return r


def part_onestop(args: argparse.Namespace) -> None:
    from sari import corpus_fkgl

    texts_dir = Path(args.eval_dir) / "onestopenglish" / "texts"
    if not texts_dir.is_dir():
        raise SystemExit(f"OneStopEnglish texts not found at {texts_dir} (use --eval-dir)")
    ids = sorted({p.name.split(".")[0] for p in texts_dir.glob("*.adv.txt")})
    ids = [i for i in ids if (texts_dir / f"{i}.int.txt").is_file() and (texts_dir / f"{i}.ele.txt").is_file()]
    if args.limit:
        ids = ids[: args.limit]
    print(f"== OneStopEnglish: rewrite {len(ids)} Advanced texts (unsafe fixes); compare with Intermediate "
          f"and Elementary\n   from {texts_dir}")
    t0 = time.perf_counter()
    results = list(parallel_map(_onestop_job, [(str(texts_dir), a) for a in ids], args.jobs, "onestop"))
    elapsed = time.perf_counter() - t0

    def mean(xs: Iterable[float]) -> float:
        return statistics.mean(list(xs))

    ele = [r.extra["ele"][FK] for r in results]
    inter = [r.extra["int"][FK] for r in results]
    adv_b = [r.before[FK] for r in results]
    adv_a = [r.after[FK] for r in results]
    print("\nmean Flesch-Kincaid grade (rewriter.analyze), per text:")
    print(f"  Elementary             {mean(ele):6.2f}")
    print(f"  Intermediate           {mean(inter):6.2f}")
    print(f"  Advanced (original)    {mean(adv_b):6.2f}")
    print(f"  Advanced (rewritten)   {mean(adv_a):6.2f}   change {mean(adv_a) - mean(adv_b):+.2f}; "
          f"the teachers' Advanced -> Intermediate step is {mean(inter) - mean(adv_b):+.2f}")
    n = len(results)
    dropped = sum(a < b for a, b in zip(adv_a, adv_b, strict=True))
    below_int = sum(a < i for a, i in zip(adv_a, inter, strict=True))
    below_int_before = sum(b < i for b, i in zip(adv_b, inter, strict=True))
    print(f"  articles whose grade fell: {dropped}/{n}; rewritten adv below its own int: {below_int}/{n} "
          f"(before: {below_int_before}/{n}); below its own ele: "
          f"{sum(a < e for a, e in zip(adv_a, ele, strict=True))}/{n}")
    paragraphs = {
        "ele": [p for a in ids for p in (texts_dir / f"{a}.ele.txt").read_text(encoding="utf-8").split("\n")],
        "int": [p for a in ids for p in (texts_dir / f"{a}.int.txt").read_text(encoding="utf-8").split("\n")],
        "adv": [p for r in results for p in r.original.split("\n")],
        "adv rewritten": [p for r in results for p in r.text.split("\n")],
    }
    print("  EASSE corpus FKGL over paragraphs: " + ", ".join(
        f"{k} {corpus_fkgl(p for p in v if p.strip()):.2f}" for k, v in paragraphs.items()))

    words_b = sum(r.before["words"] for r in results)
    words_a = sum(r.after["words"] for r in results)
    edits = sum(len(r.applied) for r in results)
    print(f"\nedits applied: {edits} ({1000 * edits / words_b:.2f} per 1,000 words; "
          f"{sum(1 for r in results if r.applied)}/{n} texts changed); words {words_b} -> {words_a} "
          f"({100 * (words_a - words_b) / words_b:+.1f}%); mean words/sentence "
          f"{mean(r.before['words'] / max(1, r.before['sentences']) for r in results):.1f} -> "
          f"{mean(r.after['words'] / max(1, r.after['sentences']) for r in results):.1f} "
          f"(int {mean(r.extra['int']['words'] / max(1, r.extra['int']['sentences']) for r in results):.1f})")
    by_code = Counter(code for r in results for code, _, _ in r.applied)
    print("  by rule: " + ", ".join(f"{c} {k}" for c, k in sorted(by_code.items())))
    pairs = Counter((o.lower(), rep) for r in results for _, o, rep in r.applied)
    print(f"  most frequent edits (of {len(pairs)} distinct):")
    for (o, rep), k in pairs.most_common(args.top):
        print(f"    {k:4}  {o!r} -> {rep!r}")
    skipped: Counter[str] = Counter()
    for r in results:
        skipped.update(r.skipped)
    print("  not applied (reason: count): "
          + ("; ".join(f"{reason}: {k}" for reason, k in skipped.most_common(8)) or "none"))

    import random

    snippets = [(r.key, sn) for r in results for sn in r.extra["snippets"]]
    sample = random.Random(0).sample(snippets, min(args.show, len(snippets)))
    print(f"  {len(sample)} of {len(snippets)} changes, sampled (seed 0):")
    for key, sn in sample:
        print(f"    {key}: {sn}")

    lost_texts = [(r.key, r.extra["lost"]) for r in results if r.extra["lost"]["numbers"] or r.extra["lost"]["names"]]
    print(f"\nmeaning check: texts that lost a number or a mid-sentence capitalised name: {len(lost_texts)}/{n}")
    for key, lost in lost_texts[:10]:
        print(f"  {key}: numbers {lost['numbers']} names {lost['names']}")
    seam_totals: Counter[str] = Counter()
    seam_ex: dict[str, list[str]] = {}
    for r in results:
        for kind, ex in r.extra["seams"].items():
            seam_totals[kind] += 1
            seam_ex.setdefault(kind, []).extend(e for e in ex if not e.startswith("(+"))
    print(f"seam check (texts where a suspicious pattern became more frequent): "
          f"{dict(seam_totals) if seam_totals else 'none'}")
    for kind, ex in seam_ex.items():
        for e in ex[: args.show]:
            print(f"  {kind}: {e}")
    print(f"\ntime: {elapsed:.1f}s for {n} articles (rewrite of adv + analyze of int and ele; per rewrite "
          f"{mean(r.seconds for r in results):.2f}s wall, {mean(r.cpu_seconds for r in results):.2f}s CPU; "
          f"jobs={args.jobs})")


# --------------------------------------------------------------------------- part (c): ASSET


def _asset_job(job: tuple[str, str]) -> RewriteResult:
    key, source = job
    return rewrite_text(key, source)


def _truncate(sentence: str, share: float = 0.8) -> str:
    words = sentence.split()
    return " ".join(words[: round(share * len(words))])


def _read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _published_sari(asset_dir: Path) -> dict[str, str]:
    import csv

    path = asset_dir / "published_reference_figures.csv"
    if not path.is_file():
        return {}
    return {row["system"]: row["SARI"] for row in csv.DictReader(path.open(encoding="utf-8"))
            if row["test_set"] == "asset_test" and row["SARI"]}


# stored output file -> the name it has in published_reference_figures.csv (ASSET test)
PUBLISHED_SYSTEMS = {
    "turkcorpus_test/ACCESS": "ACCESS (Martin et al., 2019)",
    "turkcorpus_test/DMASS-DCSS": "DMASS + DCSS (Zhao et al., 2018)",
    "turkcorpus_test/Dress-Ls": "DRESS-LS (Zhang and Lapata, 2017)",
    "turkcorpus_test/UNTS": "UnsupNTS (Surya et al., 2019)",
    "turkcorpus_test/PBMT-R": "PBMT-R (Wubben et al., 2012)",
    "turkcorpus_test/SBMT-SARI": "",
    "asset_test/MUSS_muss_bart_access_wikilarge_mined__25589239.pred": "MUSS (Martin et al., 2020)",
}


def part_asset(args: argparse.Namespace) -> None:
    from sari import corpus_fkgl, corpus_sari, corpus_sari_scores

    asset_dir = Path(args.eval_dir) / "asset"
    data = asset_dir / "asset_test.jsonl"
    if not data.is_file():
        raise SystemExit(f"ASSET test not found at {data} (use --eval-dir)")
    rows = [json.loads(line) for line in data.open(encoding="utf-8")]
    turk_path = asset_dir / "turkcorpus_test.jsonl"
    turk_rows = [json.loads(line) for line in turk_path.open(encoding="utf-8")] if turk_path.is_file() else []
    if args.limit:
        rows = rows[: args.limit]
        turk_rows = turk_rows[: args.limit]
    sources = [r["orig"] for r in rows]
    refs = [r["refs"] for r in rows]
    turk_ok = len(turk_rows) == len(rows) and all(t["orig"] == s for t, s in zip(turk_rows, sources, strict=True))
    print(f"== ASSET test: rewrite {len(sources)} source sentences (unsafe fixes); {len(refs[0])} references each"
          f"\n   from {data}")
    t0 = time.perf_counter()
    results = list(parallel_map(_asset_job, [(r["id"], r["orig"]) for r in rows], args.jobs, "asset"))
    elapsed = time.perf_counter() - t0
    outputs = [r.text for r in results]
    if args.save_outputs:
        out = Path(args.save_outputs).resolve()
        if out.is_relative_to(ROOT):
            print(f"(not saving outputs inside the project: {out}; corpus text stays out of the repo)")
        else:
            out.write_text("\n".join(o.replace("\n", " ") for o in outputs) + "\n", encoding="utf-8")
            print(f"rewritten sentences written to {out}")

    systems: list[tuple[str, list[str], str]] = [
        ("identity (copy source)", sources, "20.73 (computed, EASSE)"),
        ("truncate (first 80% of words)", [_truncate(s) for s in sources], "28.53 (computed, EASSE)"),
        ("rewriter (unsafe fixes)", outputs, ""),
    ]
    published = _published_sari(asset_dir)
    if not args.limit:
        for rel, name in PUBLISHED_SYSTEMS.items():
            path = asset_dir / "system_outputs" / rel
            if path.is_file():
                lines = _read_lines(path)
                if len(lines) == len(sources):
                    label = rel.split("/")[-1].replace("MUSS_muss_", "MUSS ").split("__")[0]
                    systems.append((label, lines, published.get(name, "") if name else ""))

    print("\n  system                           SARI    add   keep    del   FKGL  TurkCorpus-SARI  published SARI")
    for label, outs, pub in systems:
        s = corpus_sari_scores(sources, outs, refs)
        turk = (f"{corpus_sari(sources, outs, [t['refs'] for t in turk_rows]):15.2f}" if turk_ok else f"{'-':>15}")
        print(f"  {label:31} {s.sari:6.2f} {s.add:6.2f} {s.keep:6.2f} {s.delete:6.2f} {corpus_fkgl(outs):6.2f} "
              f"{turk}  {pub}")
    print("  (SARI: EASSE corpus SARI, lowercase + 13a; FKGL: EASSE corpus FKGL, 13a tokens with the vowel-group "
          "syllable\n   heuristic and a regex sentence splitter instead of punkt; both from benchmarks/sari.py)")

    changed = [i for i, r in enumerate(results) if r.text != r.original]
    edits = sum(len(r.applied) for r in results)
    print(f"\nsentences changed: {len(changed)}/{len(results)}; edits applied: {edits}")
    if changed:
        sub = corpus_sari_scores([sources[i] for i in changed], [outputs[i] for i in changed],
                                 [refs[i] for i in changed])
        ident = corpus_sari_scores([sources[i] for i in changed], [sources[i] for i in changed],
                                   [refs[i] for i in changed])
        print(f"  on the changed sentences only: SARI {sub.sari:.2f} (add {sub.add:.2f}, keep {sub.keep:.2f}, "
              f"del {sub.delete:.2f}) vs identity {ident.sari:.2f}")
        # do the references agree with each edit? (the old words gone, the new ones used)
        agree: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for i in changed:
            low_refs = [x.lower() for x in refs[i]]
            for _, observed, replacement in results[i].applied:
                o = observed.lower()
                gone = sum(not re.search(rf"\b{re.escape(o)}\b", x) for x in low_refs) / len(low_refs) if o else 0.0
                used = (sum(bool(re.search(rf"\b{re.escape(replacement.lower())}\b", x)) for x in low_refs)
                        / len(low_refs) if replacement else gone)
                agree.setdefault((o, replacement), []).append((gone, used))
        all_pairs = [v for vs in agree.values() for v in vs]
        print(f"  reference agreement per edit (share of the {len(refs[0])} references): the replaced words "
              f"are gone in {100 * statistics.mean(g for g, _ in all_pairs):.0f}%, the replacement is used in "
              f"{100 * statistics.mean(u for _, u in all_pairs):.0f}% (for deletions: gone)")
        print("  edits (observed -> replacement: count, refs without the old words, refs with the new):")
        for (o, rep), vs in sorted(agree.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: args.top]:
            print(f"    {o!r} -> {rep!r}: {len(vs)}, {100 * statistics.mean(g for g, _ in vs):.0f}%, "
                  f"{100 * statistics.mean(u for _, u in vs):.0f}%")
        print(f"  first {min(args.show, len(changed))} changed sentences:")
        for i in changed[: args.show]:
            print(f"    - {sources[i]}\n    + {outputs[i]}")
        seams: Counter[str] = Counter()
        for i in changed:
            seams.update(seam_examples(sources[i], outputs[i]).keys())
        print(f"  seam check on changed sentences: {dict(seams) if seams else 'no suspicious patterns added'}")
        lost = [(results[i].key, lost_items(sources[i], outputs[i])) for i in changed]
        lost = [(k, v) for k, v in lost if v["numbers"] or v["names"]]
        print(f"  sentences that lost a number or a mid-sentence capitalised name: {len(lost)}")
        for k, v in lost[:5]:
            print(f"    {k}: {v['numbers'] + v['names']}")
    print(f"\ntime: {elapsed:.1f}s to rewrite {len(results)} sentences (per sentence "
          f"{statistics.mean(r.seconds for r in results):.3f}s wall, "
          f"{statistics.mean(r.cpu_seconds for r in results):.3f}s CPU; jobs={args.jobs})")


# --------------------------------------------------------------------------- main

PARTS: dict[str, Callable[[argparse.Namespace], None]] = {"seed": part_seed, "onestop": part_onestop,
                                                          "asset": part_asset}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", action="append", choices=[*PARTS, "all"],
                    help="which measure (repeatable; default all)")
    ap.add_argument("--eval-dir", default=str(DEFAULT_EVAL_DIR), help="the shared/eval folder (default: %(default)s)")
    ap.add_argument("--seed", default=str(DEFAULT_SEED), help="the seed draft for --part seed")
    ap.add_argument("--limit", type=int, default=0, help="onestop: first N articles; asset: first N sentences")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for onestop and asset")
    ap.add_argument("--show", type=int, default=8, help="examples to print")
    ap.add_argument("--top", type=int, default=25, help="most frequent edits to list")
    ap.add_argument("--save-outputs", default="", help="asset: write the rewritten sentences here (outside the repo)")
    args = ap.parse_args(argv)
    parts = list(PARTS) if not args.part or "all" in args.part else list(dict.fromkeys(args.part))
    t0 = time.perf_counter()
    for i, name in enumerate(parts):
        if i:
            print()
        t = time.perf_counter()
        PARTS[name](args)
        print(f"[{name}: {time.perf_counter() - t:.1f}s]")
    print(f"\n[total: {time.perf_counter() - t0:.1f}s]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
