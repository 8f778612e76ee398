"""PAS001: passive voice, found in the dependency parse (auxpass + participle), not by regex."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rewriter.document import Document
from rewriter.model import Finding, Severity
from rewriter.rules.base import Context, Family, RuleInfo

FAMILY = Family("PAS", "passive", "#a9e5da", description="passive voice, from the dependency parse")

PASSIVE = RuleInfo(
    code="PAS001",
    name="passive-voice",
    category="passive",
    severity=Severity.INFO,
    summary="Passive voice hides who acted",
    what="Flags verbs in the passive voice, with or without a 'by' phrase, using spaCy's "
    "dependency parse (a form of 'be' or 'get' marked as a passive auxiliary, and its participle).",
    why="Readers follow sentences where someone does something. The passive puts the action first "
    "and often leaves out who did it. It is fine when the actor is unknown or beside the point "
    "('He was arrested'), so this rule only informs.",
    example="Given: 'The budget was approved by the council on Monday.'\n"
    "Use instead: 'The council approved the budget on Monday.'",
    fix_safety="No automatic fix: turning a sentence around needs a person.",
    needs=frozenset({"parser", "tagger"}),
    family_info=FAMILY,
)


# verbs whose participle after "'s" reads as "has" ("he's gone", "she's retired"): they take no object,
# so "is gone" is not a passive either
_INTRANSITIVE = frozenset({
    "go", "come", "arrive", "become", "fall", "rise", "die", "happen", "occur", "retire", "resign",
    "disappear", "vanish", "grow", "return", "stay", "sleep", "run", "walk", "fly", "swim", "leave",
    "move", "live", "work", "wait", "appear", "seem", "remain", "travel", "improve", "recover",
})
_CONTRACTED = ("'s", "\u2019s")


def _has_perfect(aux: Any, verb: Any) -> bool:
    """Whether a passive auxiliary the parser found is the contracted "has" of a perfect tense:
    "'s" before a participle that has an object ("she's finished the report", "he's won the race"),
    a base form ("he's come home") or the participle of a verb that takes none ("he's gone"). "It's
    been decided" keeps its second auxiliary, "been", and stays passive; "he's fired" stays too."""
    if aux.lower_ not in _CONTRACTED:
        return False
    children = list(verb.children)
    if any(c.dep_ == "auxpass" and c.i != aux.i for c in children):
        return False
    if any(c.dep_ in ("dobj", "dative") for c in children):
        return True
    return verb.tag_ in ("VB", "VBD") or verb.lemma_.lower() in _INTRANSITIVE


class PassiveChecker:
    def infos(self) -> tuple[RuleInfo, ...]:
        return (PASSIVE,)

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]:
        if PASSIVE.code not in ctx.enabled or "parser" not in ctx.capabilities:
            return
        for block, doc in document.block_docs():
            for tok in doc:
                if tok.dep_ not in ("auxpass",):
                    continue
                verb = tok.head
                if verb.i < tok.i:
                    continue  # a passive auxiliary after its participle is a misparse, not a passive
                auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
                first = min(auxes, key=lambda c: c.i) if auxes else tok
                # one finding per verb: report at its passive auxiliary only
                if any(c.dep_ == "auxpass" and c.i < tok.i for c in verb.children):
                    continue
                if _has_perfect(tok, verb):
                    continue
                start = block.start + first.idx
                end = block.start + verb.idx + len(verb.text)
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                phrase = document.text[start:end]
                if agent is not None:
                    actor_toks = [t for t in agent.subtree if t.i != agent.i]
                    actor = doc[actor_toks[0].i : actor_toks[-1].i + 1].text if actor_toks else ""
                    a_end = block.start + agent.idx + len(agent.text)
                    if actor_toks:
                        a_end = block.start + actor_toks[-1].idx + len(actor_toks[-1].text)
                    msg = f"'{document.text[start:a_end]}' is passive; try making '{actor}' the subject"
                else:
                    msg = f"'{phrase}' is passive; say who acted, if it matters"
                yield Finding(PASSIVE.code, PASSIVE.name, PASSIVE.category, PASSIVE.severity, start, end,
                              msg, None, {"observed": phrase, "verb": verb.lemma_})
