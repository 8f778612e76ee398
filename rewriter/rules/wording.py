"""Structural checks of wording that a word list cannot make, from the parse.

* SEN006 it-cleft: a sentence that opens "It is/was X who/that ..." to put X in focus, where X can
  simply be the subject: "It was the mayor who signed the order." -> "The mayor signed the order."
* SEN007 repeated-phrase: a group of two to four words typed twice in a row ("is an echo is an
  echo"), or one word three times ("that that that"), which SEN004's doublings that English allows
  ("had had", "that that") let through.
* SEN008 there-opener: a sentence that opens with "There is/are/was/were" and no "who"/"that"
  clause for SEN005 to rewrite ("There are three reasons for the delay."); shown, never fixed.
* RED002 redundant-acronym: an acronym followed by the word its last letter already stands for:
  "PIN number", "ATM machine", "HIV virus". The lexicon cannot catch these: a capitalised word
  inside a sentence is taken for a name and never flagged by the word lists.
* SEN009 chance-opener: "A (possible) way emerges for X to V" -> "X may V", and its kin ("an
  opportunity arose for firms to bid" -> "Firms could bid"): a stock subject and verb that only
  say something can happen, where a modal says it.
* WRD003 related-matters: "X-related matters" (issues, affairs, questions, topics) after
  "over", "about", "on", "regarding" or "concerning", where X alone says it: "disputes over
  Afghanistan-related matters" -> "disputes over Afghanistan". The word lists cannot see it: the
  hyphen glues the words into a compound they never match inside.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from typing import Any

from rewriter.candidate import DOUBLING_OK, odd_case
from rewriter.document import Document
from rewriter.model import Applicability, Edit, Finding, Fix, Severity
from rewriter.rules.base import Context, Family, RuleInfo
from rewriter.rules.structure import FAMILY as SEN_FAMILY

# acronym -> the nouns its last word already says ("PIN" is a personal identification number)
ACRONYMS: dict[str, frozenset[str]] = {
    "PIN": frozenset({"number"}), "ATM": frozenset({"machine"}), "HIV": frozenset({"virus"}),
    "HPV": frozenset({"virus"}), "RSV": frozenset({"virus"}), "LCD": frozenset({"display"}),
    "UPC": frozenset({"code"}), "ISBN": frozenset({"number"}), "VIN": frozenset({"number"}),
    "SSN": frozenset({"number"}), "GPS": frozenset({"system"}), "RAM": frozenset({"memory"}),
    "ROM": frozenset({"memory"}), "PDF": frozenset({"format"}), "DMZ": frozenset({"zone"}),
    "SAT": frozenset({"test"}), "CNN": frozenset({"network"}), "LAN": frozenset({"network"}),
    "WAN": frozenset({"network"}), "NIC": frozenset({"card"}), "ISP": frozenset({"provider"}),
    "ABM": frozenset({"missile"}), "ICBM": frozenset({"missile"}), "SALT": frozenset({"talks"}),
    "MRI": frozenset({"imaging"}), "AC": frozenset({"current"}), "DC": frozenset({"current"}),
    "CD": frozenset({"disc", "disk"}), "DVD": frozenset({"disc", "disk"}), "OPEC": frozenset({"countries"}),
    "UPS": frozenset({"supply"}), "GMT": frozenset({"time"}), "BST": frozenset({"time"}),
    "EST": frozenset({"time"}), "PST": frozenset({"time"}), "NASDAQ": frozenset({"quotation"}),
    "SIM": frozenset({"module"}), "URL": frozenset({"locator"}), "IRA": frozenset({"account"}),
    "AIDS": frozenset({"syndrome"}), "SARS": frozenset({"syndrome"}), "ESL": frozenset({"language"}),
}

CLEFT = RuleInfo(
    "SEN006", "it-cleft", "structure", Severity.INFO,
    "'It is/was ... who/that' opener where the subject can come first",
    "Flags a sentence that opens with 'It is' or 'It was' and a named or definite noun phrase whose "
    "'who' or 'that' clause holds the real verb: 'It was the mayor who signed the order.' The "
    "rewrite makes the noun phrase the subject: 'The mayor signed the order.' A vague 'It was a storm "
    "that ...' (where 'it' may stand for something said before) and negated or questioned clefts are "
    "left alone.",
    "The cleft spends three words before the news starts and hides the verb in a clause; a plain "
    "subject-verb sentence says the same with the stress on the news.",
    "Given: 'It was the county clerk who found the missing ballots.'\n"
    "Use instead: 'The county clerk found the missing ballots.'",
    "Unsafe: the cleft puts the noun phrase in contrast ('it was the mayor, not the council, who ...'); "
    "the rewrite drops that stress, which the writer may want. Sentences with quotation marks are left "
    "alone.",
    needs=frozenset({"parser", "tagger"}), family_info=SEN_FAMILY,
)

REPEAT_PHRASE = RuleInfo(
    "SEN007", "repeated-phrase", "structure", Severity.WARNING,
    "A group of words typed twice, or a word three times",
    "Flags two to four words repeated back to back ('the council voted the council voted') and a "
    "word typed three times ('that that that'), slips of fast copy and of cut-and-paste that a "
    "doubled single word (SEN004) does not cover. Repeats of capitalised words ('New York, New York' "
    "aside, 'Bora Bora' style names) and repeats across punctuation ('very, very') are left alone.",
    "The eye skips a repeated group more easily than a doubled word; a reader stumbles on it.",
    "Given: 'The mayor said the the plan is an echo is an echo of last year.'\n"
    "Use instead: 'The mayor said the plan is an echo of last year.'",
    "Safe: the second copy is cut, nothing else changes.",
    needs=frozenset({"tagger"}), family_info=SEN_FAMILY,
)
THERE_OPENER = RuleInfo(
    "SEN008", "there-opener", "structure", Severity.INFO,
    "'There is/are' opener that delays the subject",
    "Flags a sentence that opens with 'There is', 'There are', 'There was' or 'There were' (or "
    "'There's') where the real subject waits behind the verb: 'There are three reasons for the "
    "delay.' Openers with a 'who' or 'that' clause are SEN005's, which rewrites them; questions are "
    "left alone.",
    "The opener spends two words before the news starts. Often the sentence reads better with its "
    "subject first: 'The delay has three reasons', 'Three things caused the delay.'",
    "Given: 'There were long queues at the polling station on Monday.'\n"
    "Use instead: 'Voters queued for hours at the polling station on Monday.'",
    "No automatic fix: a new subject and verb need a person.",
    needs=frozenset({"parser", "tagger"}), family_info=SEN_FAMILY,
)
_BE_FORMS = frozenset({"is", "are", "was", "were", "'s", "\u2019s"})
_FOCUS_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "his", "her", "their", "its", "our",
                                "my", "your"})
_QUOTE_CHARS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")
_BREAKS = (",", ";", ":", "(", "-", "\u2013", "\u2014")


@functools.lru_cache(maxsize=4)
def _lexicon_family(code: str, label: str) -> Family:
    """The family of the word list ``code`` as it declares it (label, colour, lexical), so that a
    rule of that family here and the list agree."""
    from rewriter.rules.lexicon import builtin_lexicons

    for lex in builtin_lexicons():
        if lex.info.code == code:
            return lex.info.group
    return Family(code[:3], label, lexical=True)


@functools.lru_cache(maxsize=1)
def _acronym_info() -> RuleInfo:
    return RuleInfo(
        "RED002", "redundant-acronym", "redundant", Severity.WARNING,
        "An acronym followed by the word it already stands for",
        "Flags an acronym followed by the noun its last letter already stands for: 'PIN number' "
        "(personal identification number), 'ATM machine', 'HIV virus', 'GPS system', 'SAT test', "
        "'LCD display', 'ISBN number', 'PDF format'. The word lists cannot catch these: a capital "
        "inside a sentence reads as a name to them.",
        "The doubled word is the commonest redundancy in copy about money, health and technology; "
        "readers who know the acronym notice it.",
        "Given: 'Never share your PIN number with anyone.'\nUse instead: 'Never share your PIN with anyone.'",
        "Safe: the noun is cut ('ATM machines' -> 'ATMs'); nothing else changes.",
        needs=frozenset({"tagger"}), family_info=_lexicon_family("RED001", "redundant"),
    )


@functools.lru_cache(maxsize=1)
def _related_info() -> RuleInfo:
    return RuleInfo(
        "WRD003", "related-matters", "wordy", Severity.INFO,
        "'X-related matters' where 'X' says it",
        "Flags 'X-related matters', 'X-related issues', 'affairs', 'questions' or 'topics' right after "
        "'over', 'about', 'on', 'regarding' or 'concerning': 'talks on security-related issues', "
        "'disputes over Afghanistan-related matters'. After those words the subject alone says it: "
        "'talks on security', 'disputes over Afghanistan'. Other places ('security-related issues "
        "came up', 'a list of tax-related questions') are left alone.",
        "'-related matters' adds two long words and no information; the reader has to unpack it.",
        "Given: 'The ministers clashed over trade-related issues.'\n"
        "Use instead: 'The ministers clashed over trade.'",
        "Unsafe: 'issues' can mean problems ('health-related issues' are illnesses), which the short "
        "form drops; the editor offers it one by one.",
        needs=frozenset({"tagger"}), family_info=_lexicon_family("WRD001", "wordy"),
    )


CHANCE_OPENER = RuleInfo(
    "SEN009", "chance-opener", "structure", Severity.WARNING,
    "'A way emerges for X to V' where 'X may V' says it",
    "Flags a sentence whose subject and verb only say that something has become possible: 'A "
    "possible way emerges for the city to sell the land', 'An opportunity arose for local firms to "
    "bid', 'A window opens for talks to resume'. The rewrite starts with the real subject and a modal "
    "verb: 'The city may sell the land', 'Local firms could bid'. Only a bare opener is flagged: one "
    "that starts the sentence, with an empty adjective at most ('possible', 'new', 'prospective') and "
    "nothing else on the verb.",
    "The stock opener spends five or six words before the news and hides the actor in a 'for' "
    "phrase; machine-written copy uses it to make a small step sound like an event.",
    "Given: 'A new avenue emerges for the council to borrow money.'\n"
    "Use instead: 'The council may borrow money.'",
    "Unsafe: 'emerges' can report news (a new route did open), which 'may' turns into a possibility; "
    "the editor offers it one by one.",
    needs=frozenset({"parser", "tagger"}), family_info=SEN_FAMILY,
)
_CHANCE_NOUNS = frozenset({"way", "avenue", "path", "pathway", "opportunity", "window", "route", "door", "chance",
                           "possibility", "prospect"})
_CHANCE_VERBS = frozenset({"emerge", "arise", "open", "appear", "exist"})
_EMPTY_ADJECTIVES = frozenset({"possible", "prospective", "potential", "new", "clear", "real", "genuine", "fresh",
                               "promising", "viable", "unique"})

_RELATED_PREPS = frozenset({"over", "about", "on", "regarding", "concerning"})
_RELATED_NOUNS = frozenset({"matters", "issues", "affairs", "questions", "topics", "matter", "issue", "question",
                            "topic"})


class WordingChecker:
    def infos(self) -> tuple[RuleInfo, ...]:
        return (CLEFT, REPEAT_PHRASE, THERE_OPENER, CHANCE_OPENER, _acronym_info(), _related_info())

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]:
        acronym = _acronym_info()
        want_cleft = CLEFT.code in ctx.enabled and "parser" in ctx.capabilities
        want_acronym = acronym.code in ctx.enabled and "tagger" in ctx.capabilities
        want_repeat = REPEAT_PHRASE.code in ctx.enabled
        want_there = THERE_OPENER.code in ctx.enabled and "parser" in ctx.capabilities
        related = _related_info()
        want_related = related.code in ctx.enabled and "tagger" in ctx.capabilities
        want_chance = CHANCE_OPENER.code in ctx.enabled and "parser" in ctx.capabilities
        if not (want_cleft or want_acronym or want_repeat or want_there or want_related or want_chance):
            return
        for sentence in document.sentences():
            sent = sentence.span
            if sent is None:
                continue
            base = document.blocks[sentence.block].start
            if want_acronym:
                yield from self._acronyms(acronym, base, sent)
            if want_repeat:
                yield from self._repeated_phrases(base, sent)
            if want_cleft and not any(q in sent.text for q in _QUOTE_CHARS):
                yield from self._cleft(base, sent)
            if want_there:
                yield from self._there_opener(base, sent)
            if want_related:
                yield from self._related_matters(related, base, sent)
            if want_chance and not any(q in sent.text for q in _QUOTE_CHARS):
                yield from self._chance_opener(base, sent)

    # --- SEN009 ----------------------------------------------------------------------------------

    @staticmethod
    def _chance_opener(base: int, sent: Any) -> Iterator[Finding]:
        words = [t for t in sent if not t.is_space]
        if len(words) < 7 or words[-1].text == "?":
            return
        root = sent.root
        if root.lemma_.lower() not in _CHANCE_VERBS or root.tag_ not in ("VBZ", "VBP", "VBD"):
            return
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        clause = next((c for c in root.children if c.dep_ == "advcl" and c.tag_ == "VB" and c.i > root.i), None)
        if subject is None or clause is None or subject.lemma_.lower() not in _CHANCE_NOUNS:
            return
        if any(c.dep_ not in ("nsubj", "advcl", "punct") for c in root.children):
            return  # "A way emerged in May for ...": more than the opener rides on the verb
        if any(c.i > root.i and c.dep_ == "punct" and c.i != words[-1].i for c in root.children):
            return
        opener = list(subject.subtree)
        if opener[0].i != words[0].i or opener[-1].i != subject.i or words[0].lower_ not in ("a", "an"):
            return
        if any(t.dep_ != "amod" or t.lower_ not in _EMPTY_ADJECTIVES for t in opener[1:-1]):
            return  # "A rare chance ...": the adjective is news
        if root.i != subject.i + 1:
            return
        kids = {c.dep_: c for c in clause.children if c.i < clause.i}
        mark, actor, to = kids.get("mark"), kids.get("nsubj"), kids.get("aux")
        if mark is None or actor is None or to is None or mark.lower_ != "for" or to.lower_ != "to":
            return
        if mark.i != root.i + 1 or to.i != clause.i - 1 or len([c for c in clause.children if c.i < clause.i]) != 3:
            return
        actor_words = list(actor.subtree)
        if actor_words[0].i != mark.i + 1 or actor_words[-1].i != to.i - 1:
            return
        if any(t.is_punct or (t.pos_ in ("VERB", "AUX", "PRON") and t.i == actor.i) for t in actor_words):
            return
        doc = sent.doc
        np_text = doc.text[actor_words[0].idx : actor_words[-1].idx + len(actor_words[-1].text)]
        first = actor_words[0]
        if first.text[:1].islower() and not odd_case(first.text):
            np_text = np_text[:1].upper() + np_text[1:]
        modal = "could" if root.tag_ == "VBD" else "may"
        start, end = words[0].idx, clause.idx
        said = doc.text[start : root.idx + len(root.text)]
        expected = f"{np_text} {modal} {clause.text}"
        yield Finding(CHANCE_OPENER.code, CHANCE_OPENER.name, CHANCE_OPENER.category, CHANCE_OPENER.severity,
                      base + start, base + end,
                      f"'{said} for ...' only says it can happen; try '{expected} ...'",
                      Fix((Edit(base + start, base + end, f"{np_text} {modal} "),), Applicability.UNSAFE,
                          f"Start with '{np_text} {modal}'"),
                      {"observed": doc.text[start:end].rstrip(), "expected": f"{np_text} {modal}"})

    # --- WRD003 ----------------------------------------------------------------------------------

    @staticmethod
    def _related_matters(info: RuleInfo, base: int, sent: Any) -> Iterator[Finding]:
        words = [t for t in sent if not t.is_space]
        text = sent.doc.text
        for k in range(len(words) - 4):
            prep, subject, hyphen, related, noun = words[k : k + 5]
            if prep.lower_ not in _RELATED_PREPS or hyphen.text not in ("-", "\u2010", "\u2011"):
                continue
            if related.lower_ != "related" or noun.lower_ not in _RELATED_NOUNS:
                continue
            if subject.whitespace_ or hyphen.whitespace_ or not subject.is_alpha:
                continue  # "over trade - related matters" is not the compound
            if subject.pos_ not in ("NOUN", "PROPN"):
                continue
            after = words[k + 5] if k + 5 < len(words) else None
            if after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ in ("of", "that", "which")):
                continue  # "over security-related matters officials raised": the noun goes on
            start, end = subject.idx + len(subject.text), noun.idx + len(noun.text)
            observed = text[subject.idx : end]
            yield Finding(info.code, info.name, info.category, info.severity, base + subject.idx, base + end,
                          f"'{observed}' is wordy; try '{subject.text}'",
                          Fix((Edit(base + start, base + end, ""),), Applicability.UNSAFE,
                              f"Replace with '{subject.text}'"),
                          {"observed": observed, "expected": subject.text})

    # --- SEN008 ----------------------------------------------------------------------------------

    @staticmethod
    def _there_opener(base: int, sent: Any) -> Iterator[Finding]:
        words = [t for t in sent if not t.is_space and not t.is_punct]
        if len(words) < 4 or words[0].lower_ != "there" or sent.text.rstrip().endswith("?"):
            return
        be = words[1]
        if be.lower_ not in _BE_FORMS or be.lemma_.lower() != "be" or words[0].dep_ != "expl":
            return
        subject = next((c for c in be.children if c.dep_ in ("attr", "nsubj") and c.i > be.i), None)
        if subject is not None and any(
                c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "that", "which")
                                          for g in c.children)
                for c in subject.children):
            return  # SEN005's: "There are residents who ..." has a rewrite
        doc = sent.doc
        start, end = words[0].idx, be.idx + len(be.text)
        said = doc.text[start:end]
        yield Finding(THERE_OPENER.code, THERE_OPENER.name, THERE_OPENER.category, THERE_OPENER.severity,
                      base + start, base + end,
                      f"'{said}' delays the subject; start with it if you can",
                      None, {"observed": said})

    # --- SEN007 ----------------------------------------------------------------------------------

    @staticmethod
    def _repeated_phrases(base: int, sent: Any) -> Iterator[Finding]:
        words = [t for t in sent if not t.is_space]
        text = sent.doc.text
        i = 0
        while i < len(words):
            found = None
            for n in (4, 3, 2, 1):
                # one word: three times, and only the doublings SEN004 lets through ('that that that')
                copies = 3 if n == 1 else 2
                group = words[i : i + copies * n]
                if len(group) < copies * n or not all(t.is_alpha for t in group):
                    continue
                parts = [[t.lower_ for t in group[k * n : (k + 1) * n]] for k in range(copies)]
                if any(p != parts[0] for p in parts) or (n == 1 and parts[0][0] not in DOUBLING_OK):
                    continue
                if all(t.text[:1].isupper() for t in group):
                    continue  # a name or a title
                if n > 1 and ({group[0].lower_, group[n - 1].lower_} & {"and", "or", "but", "nor"}):
                    continue  # "for years and years and ...", "again and again and": emphasis
                span = text[group[0].idx : group[-1].idx + len(group[-1].text)]
                if any(ch in span for ch in ",;:.!?\n\u2014\u2013-\"\u201c\u201d"):
                    continue
                found = (n, group)
                break
            if found is None:
                i += 1
                continue
            n, group = found
            last_kept = group[1] if n == 1 else group[n - 1]  # 'that that' is English: keep two
            cut_from = last_kept.idx + len(last_kept.text)
            end = group[-1].idx + len(group[-1].text)
            observed = text[group[0].idx : end]
            kept = text[group[0].idx : cut_from]
            times = "three times" if n == 1 else "twice"
            yield Finding(REPEAT_PHRASE.code, REPEAT_PHRASE.name, REPEAT_PHRASE.category, REPEAT_PHRASE.severity,
                          base + group[0].idx, base + end, f"'{observed}': the words are typed {times}",
                          Fix((Edit(base + cut_from, base + end, ""),), Applicability.SAFE,
                              f"Cut the repeat of '{kept}'"),
                          {"observed": observed, "expected": kept})
            i += len(group)

    # --- RED002 ----------------------------------------------------------------------------------

    @staticmethod
    def _acronyms(info: RuleInfo, base: int, sent: Any) -> Iterator[Finding]:
        words = [t for t in sent if not t.is_space]
        for a, b in itertools.pairwise(words):
            nouns = ACRONYMS.get(a.text)
            if nouns is None or (b.lower_ not in nouns and b.lemma_.lower() not in nouns):
                continue
            if not b.text.islower() or b.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ"):
                continue
            gap = sent.doc.text[a.idx + len(a.text) : b.idx]
            if gap != " ":
                continue
            plural = b.lower_ != b.lemma_.lower() and b.lower_.endswith("s") and b.lower_ not in nouns
            if plural:
                edit = Edit(base + a.idx, base + b.idx + len(b.text), a.text + "s")
                expected = a.text + "s"
            else:
                edit = Edit(base + a.idx + len(a.text), base + b.idx + len(b.text), "")
                expected = a.text
            observed = sent.doc.text[a.idx : b.idx + len(b.text)]
            yield Finding(info.code, info.name, info.category, info.severity, base + a.idx,
                          base + b.idx + len(b.text),
                          f"'{observed}': the '{b.text}' is already in '{a.text}'; try '{expected}'",
                          Fix((edit,), Applicability.SAFE,
                              f"Replace with '{expected}'" if plural else f"Cut '{b.text}'"),
                          {"observed": observed, "expected": expected, "match": f"{a.text} {b.lemma_.lower()}"})

    # --- SEN006 ----------------------------------------------------------------------------------

    @staticmethod
    def _cleft(base: int, sent: Any) -> Iterator[Finding]:
        words = [t for t in sent if not t.is_space]
        if len(words) < 6 or words[0].lower_ != "it" or words[-1].text == "?":
            return
        be = words[1]
        if be.lemma_.lower() != "be" or be.dep_ != "ROOT" or be.lower_ not in ("is", "was", "'s"):
            return
        if any(c.dep_ == "neg" for c in be.children):
            return
        focus = next((c for c in be.children if c.dep_ in ("attr", "acomp", "nsubj") and c.i > be.i), None)
        if focus is None or focus.pos_ not in ("NOUN", "PROPN"):
            return
        clause = next((c for c in focus.children if c.dep_ == "relcl"), None)
        if clause is None:  # the parser may hang the clause on 'is': "It is Smith who decides ..."
            clause = next((c for c in be.children if c.dep_ in ("ccomp", "advcl") and c.i > focus.i), None)
        if clause is None:
            return
        pron = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                     and c.lower_ in ("who", "that")), None)
        if pron is None or pron.i <= focus.i:
            return
        doc = sent.doc
        np_start = min(t.i for t in focus.subtree)
        if np_start != be.i + 1:
            return  # "It was also the mayor who ...": an adverb would be lost
        first = doc[np_start]
        definite = focus.pos_ == "PROPN" or first.lower_ in _FOCUS_DETERMINERS or first.tag_ == "POS" or any(
            c.dep_ == "poss" for c in focus.children)
        if not definite:
            return  # "It was a storm that ...": 'it' may stand for something said before
        if any(t.text in _BREAKS for t in doc[np_start : pron.i]):
            return
        in_clause = {x.i for x in clause.subtree}
        if any(t.i < np_start or t.i > pron.i for t in focus.subtree if t.i not in in_clause):
            return  # the noun phrase goes on past the clause
        if pron.i + 1 >= sent.end - 1:
            return
        if first.text[:1].isdigit() or odd_case(first.text):
            return
        # the verb of the clause agrees with the new subject as it did with 'who'/'that'
        np_text = doc.text[first.idx : pron.idx].rstrip()
        subject = np_text[:1].upper() + np_text[1:]
        after = doc[pron.i + 1]
        start = base + words[0].idx
        said = doc.text[words[0].idx : pron.idx + len(pron.text)]
        yield Finding(CLEFT.code, CLEFT.name, CLEFT.category, CLEFT.severity, start,
                      base + pron.idx + len(pron.text),
                      f"'{said}' delays the subject; try '{subject} {after.text} ...'",
                      Fix((Edit(start, base + after.idx, subject + " "),), Applicability.UNSAFE,
                          f"Start with '{subject}'"),
                      {"observed": said, "expected": subject})
