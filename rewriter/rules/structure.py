"""SEN: rewriting above the word, from the dependency parse.

* SEN001 split-sentence: a long sentence that splits cleanly in two at a point the parse shows is
  safe: a semicolon between two clauses, ", and/but" before a clause with its own subject, a
  closing non-restrictive "which"/"who" clause, or a closing participial clause
  ("..., raising the prospect of ..." -> "... . This raises the prospect of ...").
* SEN002 empty-tail: a closing clause that only comments on the news ("..., underscoring the
  city's commitment to ...", "..., a testament to ...", "..., a move that signals ...").
* SEN003 empty-opener: an opening phrase that only announces importance ("In a landmark move for
  the region, ...").
* SEN010 comment-sentence: a whole sentence after the news that only comments on it ("The
  decision marks a pivotal chapter in the town's journey.", "With this launch, the firm is
  positioning itself at the forefront of ...").

Each finding is an unsafe fix made of one positioned edit (the seam of a split, or the cut), so the
fixer's guards (protected regions, numbers and names kept, the sentence checks) apply as to any
other fix. At most one split is offered per sentence and pass; the fixer's next pass may split a
half again if it is still long. Sentences with quotation marks, and clauses reported by a speech
verb ("X said ..."), are never split: a split would cut the attribution off one half.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from typing import Any

from rewriter.candidate import DOUBLING_OK, odd_case
from rewriter.document import Document
from rewriter.inflect import inflect, lemmas_of
from rewriter.model import Applicability, Edit, Finding, Fix, Severity
from rewriter.rules.base import Context, Family, RuleInfo

FAMILY = Family("SEN", "sentence structure", "#c7d6f7",
                description="long sentences that split cleanly; empty closing clauses and openers")

SPLIT_WORDS = 20  # a sentence longer than this is offered a split when it is also inflated
LONG_WORDS = 35  # ... and any sentence longer than this
# families whose findings make a long sentence worth splitting at SPLIT_WORDS
INFLATED_FAMILIES = ("INF", "CLI", "WRD", "HDG", "NOM", "RED")
MIN_PART_WORDS = 5  # each half of a split keeps at least this many words

SPLIT = RuleInfo(
    "SEN001", "split-sentence", "structure", Severity.INFO,
    "Long sentence that splits cleanly in two",
    f"Flags sentences of more than {LONG_WORDS} words, or more than {SPLIT_WORDS} when they also hold "
    "inflated or wordy phrasing, that the dependency parse shows can be split without rewording: at "
    "a semicolon between two clauses, at ', and' or ', but' before a clause "
    "with its own subject, before a closing ', which ...' or ', who ...' clause (the pronoun or the "
    "person's surname takes its place), or before a closing participial clause, which becomes a "
    "sentence of its own ('..., raising fears of ...' -> '... This raised fears of ...'). News-copy "
    "closings become sentences too: a speech participle names its speaker again ('..., adding that' "
    "-> 'Dunne added that'), ', with X saying' -> 'X said', ', in what X hailed as' -> 'X hailed it "
    "as', ', a decision that ...' -> 'The decision ...', ', following X' -> 'This follows X', ', amid "
    "...' -> 'This comes amid ...', ', as part of ...' -> 'It is part of ...', ', and' before a second "
    "verb of the same subject -> 'The mayor thanked ...', ', while' before a clause with its own subject, "
    "'said that A, and that B' -> 'The mayor said that B', ', before flying ...' -> 'She will then fly ...', "
    "', after a long programme ...' -> 'This comes after ...', an opening 'With the bridge finished,' -> "
    "'The bridge is finished.'. A closing participle names who does it again: 'This' for a result of the "
    "event, 'They' after a plural or coordinated subject, the person noun after a person ('The judge "
    "hoped'), and two coordinated participles become two verbs ('This will cut ... and bring ...'). The "
    "split point nearest the middle wins.",
    "Two sentences of 15 words are read faster and remembered better than one of 30.",
    "Given: 'The council approved the new budget for the coming year after a long debate on Monday, "
    "and the mayor signed it into law the same evening.'\n"
    "Use instead: 'The council approved the new budget for the coming year after a long debate on "
    "Monday. The mayor signed it into law the same evening.'",
    "Unsafe: the split keeps every word but the connective, and a pronoun may stand for a clause. "
    "A quotation is never split and no split comes before one; clauses reported by 'said' are never "
    "split off.",
    needs=frozenset({"parser", "tagger", "ner"}), family_info=FAMILY,
)
TAIL = RuleInfo(
    "SEN002", "empty-tail", "structure", Severity.WARNING,
    "Closing clause that only comments on the news",
    "Flags a closing clause that tells the reader what to think of the news instead of adding "
    "news: a participle such as 'underscoring', 'highlighting', 'marking', 'signalling', "
    "'reflecting', 'cementing' or 'paving the way', or a noun phrase such as 'a testament to', 'a "
    "reminder of', 'a milestone', or 'a move that underscores'.",
    "Such tails are a mark of press releases and machine-written copy; readers skip them, and "
    "they often claim more than the reporting shows.",
    "Given: 'The city opened two new shelters on Friday, underscoring its commitment to the "
    "homeless.'\nUse instead: 'The city opened two new shelters on Friday.'",
    "Unsafe: the cut removes words. Tails that name a person or place, or carry a number, are "
    "kept (the fixer never drops a name or a number).",
    needs=frozenset({"parser", "tagger"}), family_info=FAMILY,
)
OPENER = RuleInfo(
    "SEN003", "empty-opener", "structure", Severity.WARNING,
    "Opening phrase that only announces importance",
    "Flags an opening phrase such as 'In a landmark move,', 'In a significant development for "
    "the region,', 'In a pivotal moment,' or 'In what many are hailing as a historic win,' (a "
    "judgment no one named in the story makes) before the sentence's subject.",
    "The news itself shows whether it matters; the opener delays it.",
    "Given: 'In a significant development for local families, the council froze school fees.'\n"
    "Use instead: 'The council froze school fees.'",
    "Unsafe: the cut removes words; an opener with a name or a number in it is kept.",
    needs=frozenset({"parser", "tagger"}), family_info=FAMILY,
)
REPEAT = RuleInfo(
    "SEN004", "repeated-word", "structure", Severity.WARNING,
    "A word typed twice",
    "Flags the same word twice in a row ('the the', 'to to'), the commonest slip in fast copy. "
    "Doublings that English allows ('had had', 'that that') and repeated names ('Walla Walla') are "
    "left alone.",
    "A doubled word is a typo the eye skips over and a reader notices.",
    "Given: 'The council voted to to close the pool.'\nUse instead: 'The council voted to close the pool.'",
    "Safe: the second copy is cut, nothing else changes.",
    needs=frozenset({"tagger"}), family_info=FAMILY, precedence=True,  # LanguageTool repeats it ("to to")
)
THERE = RuleInfo(
    "SEN005", "there-is-opener", "structure", Severity.INFO,
    "'There is/are ... who/that' opener",
    "Flags a sentence that opens with 'There is', 'There are', 'There was' or 'There were' and "
    "puts its real subject in a 'who' or 'that' clause: 'There are many residents who oppose the "
    "plan.' The rewrite makes the subject the subject: 'Many residents oppose the plan.'",
    "The opener spends three words before the news starts, and the clause hides the verb.",
    "Given: 'There were three people who were hurt in the crash.'\n"
    "Use instead: 'Three people were hurt in the crash.'",
    "Unsafe: the sentence is reworded; an opener with 'also', 'still' or a comma in the subject is "
    "left alone.",
    needs=frozenset({"parser", "tagger"}), family_info=FAMILY,
)
COMMENT = RuleInfo(
    "SEN010", "comment-sentence", "structure", Severity.WARNING,
    "A sentence that only comments on the news",
    "Flags a sentence, after the first of its paragraph, whose subject is the news itself ('This', "
    "'The decision', 'The move', 'This launch') and whose verb only says what the news means: "
    "'marks a new chapter', 'underscores the city's commitment', 'signals a shift', 'speaks volumes "
    "about', or a firm 'positioning itself at the forefront of' its field.",
    "The sentence before it already told the news; the comment claims more than the reporting "
    "shows, and readers skip it.",
    "Given: 'The council voted to repave 18 miles of streets. The decision marks a pivotal chapter "
    "in the town's journey.'\nUse instead: 'The council voted to repave 18 miles of streets.'",
    "Unsafe: the whole sentence goes. A sentence with a number, a date, a quotation, a name not "
    "given before it, or a clause of its own ('This shows that ...') is kept.",
    needs=frozenset({"parser", "tagger", "ner"}), family_info=FAMILY,
)
INFOS = (SPLIT, TAIL, OPENER, REPEAT, THERE, COMMENT)


# participles of a closing clause that comment rather than report
EMPTY_VERBS = frozenset({
    "underscore", "underline", "highlight", "mark", "signal", "signify", "reflect", "showcase", "cement", "paint",
    "solidify", "reinforce", "reaffirm", "affirm", "demonstrate", "exemplify", "epitomize", "embody",
    "symbolize", "symbolise", "herald", "usher", "pave", "emphasize", "emphasise", "illustrate",
    "unfurl", "spotlight", "testify", "encapsulate", "accentuate", "punctuate", "bolster",
    "strengthen", "further", "foster", "represent", "continue",
})
# nouns of a closing comment ("..., a testament to ...")
TAIL_NOUNS = frozenset({
    "testament", "reminder", "sign", "signal", "symbol", "milestone", "hallmark", "reflection",
    "illustration", "indication", "showcase", "tribute", "nod", "harbinger", "watershed", "landmark",
    "turning", "testimony", "demonstration", "affirmation", "example",
})
# nouns that are a comment only with a commenting clause ("a move that underscores ...")
TAIL_NOUNS_WITH_CLAUSE = frozenset({"move", "step", "decision", "development", "effort", "gesture", "achievement",
                                    "figure", "measure", "action", "policy", "change", "shift", "plan",
                                    "acquisition", "addition", "purchase", "investment"})
# nouns that name an event or a change: a closing "..., an adjustment driven by ..." is about the clause
EVENT_NOUNS = frozenset({
    "adjustment", "shift", "change", "move", "step", "recalibration", "realignment", "development", "result",
    "response", "reversal", "departure", "trend", "turnaround", "decision", "rise", "fall", "drop",
    "increase", "decrease", "jump", "slide", "setback", "blow", "boost", "gain", "loss", "outcome",
    "consequence", "escalation", "expansion", "retreat", "pivot", "achievement", "feat",
})
OPENER_NOUNS = frozenset({"move", "moment", "development", "step", "milestone", "turn", "twist", "shift",
                          "decision", "first", "breakthrough", "chapter", "encounter", "case", "afternoon",
                          "evening", "night", "display", "scene", "story", "affair", "victory", "triumph",
                          "win", "blow", "setback", "coup", "upset", "biter", "thriller", "boost", "rebuke",
                          "defeat", "deal", "ruling", "verdict", "announcement", "agreement",
                          "performance"})
# "A consequential juncture ... materializes as ...": the moment announced, then the news
_MOMENTS = frozenset({"juncture", "moment", "milestone", "chapter", "era", "watershed", "shift", "crossroads",
                      "development", "step", "breakthrough"})
_MOMENT_ADJECTIVES = frozenset({"consequential", "fresh", "pivotal", "critical", "new", "defining"})
_ARRIVALS = frozenset({"comes", "came", "materializes", "materialises", "materialized", "materialised", "emerges",
                       "emerged", "arrives", "arrived", "unfolds", "unfolded"})
# "In what many are hailing as a historic triumph, ...": a judgment no one in the story makes
HAILING_VERBS = frozenset({"hail", "call", "describe", "see", "tout", "dub", "bill", "herald", "celebrate",
                           "view", "regard", "consider", "term", "deem", "cheer"})
VAGUE_JUDGES = frozenset({"many", "some", "most", "observers", "fans", "supporters", "admirers", "people",
                          "commentators", "onlookers"})
# a clause that only says how people felt: "In a case that shocked the community, ..."
REACTION_VERBS = frozenset({"shock", "stun", "surprise", "delight", "thrill", "captivate", "grip", "rock", "stir",
                            "amaze", "astonish", "excite", "electrify", "horrify", "sadden", "anger", "outrage",
                            "move", "touch", "inspire", "enthral", "enthrall", "mesmerise", "mesmerize"})
OPENER_ADJECTIVES = frozenset({
    "pivotal", "landmark", "significant", "major", "historic", "bold", "unprecedented", "remarkable",
    "notable", "dramatic", "key", "crucial", "critical", "decisive", "momentous", "watershed", "strategic",
    "groundbreaking", "stunning", "surprising", "striking", "important", "monumental", "seismic", "new",
    "welcome", "rare", "sweeping", "ambitious", "defining", "transformative", "game-changing", "thrilling",
    "resounding", "crushing", "stinging", "huge", "big", "bitter", "rousing", "emphatic", "hard-fought",
    "shocking", "blockbuster",
})
# nouns for a person: "It" cannot stand for them ("the judge ..., saying ..." is not "It said")
PERSON_NOUNS = frozenset({
    "judge", "officer", "man", "woman", "boy", "girl", "child", "spokesman", "spokeswoman", "spokesperson",
    "president", "mayor", "governor", "senator", "minister", "chief", "coach", "player", "driver", "teacher",
    "doctor", "nurse", "lawyer", "attorney", "witness", "victim", "suspect", "father", "mother", "son",
    "daughter", "husband", "wife", "owner", "leader", "chairman", "chairwoman", "chair", "director",
    "manager", "official", "secretary", "worker", "student", "pupil", "resident", "farmer", "priest",
    "pastor", "king", "queen", "prince", "princess", "general", "captain", "sheriff", "detective",
    "defendant", "prosecutor", "justice", "author", "writer", "singer", "actor", "actress", "candidate",
    "councillor", "councilor", "inspector", "constable", "founder", "founders", "executive", "head",
    "headteacher", "principal", "professor", "scientist", "researcher", "striker", "pitcher",
    "referee", "juror", "commissioner", "chancellor", "premier", "ambassador", "envoy",
})
# nouns for people or bodies that can speak ("officials ..., warning that ...")
SPEAKER_NOUNS = PERSON_NOUNS | frozenset({
    "police", "people", "group", "council", "board", "committee", "company", "firm", "union", "government",
    "agency", "department", "team", "critic", "expert", "analyst", "economist", "lawmaker", "activist",
    "campaigner", "parent", "voter", "investor", "protester", "authority", "forecaster", "organizer",
    "organiser", "administration", "ministry", "court", "jury", "panel", "party", "opposition", "club",
    "school", "university", "hospital", "charity", "organization", "organisation", "association", "legislator",
    "spokesman", "employee", "staff", "member", "supporter", "opponent", "neighbor", "neighbour", "family",
    "advocate", "environmentalist", "regulator", "prosecutor", "lawyer", "insurer", "bank", "landlord",
    "tenant", "shopkeeper", "trader", "retailer", "manufacturer", "producer", "developer", "contractor",
})
# clause-level results: "..., raising fears" -> "This raised fears" (the event is the subject)
RESULT_VERBS = frozenset({
    "raise", "bring", "leave", "make", "give", "send", "push", "put", "prompt", "cause", "trigger", "spark",
    "add", "end", "force", "create", "lift", "cut", "boost", "drive", "fuel", "set", "open", "close",
    "allow", "enable", "mean", "keep", "take", "lower", "reduce", "increase", "halt", "delay", "lay",
    "expose", "reveal", "threaten", "spur", "deepen", "worsen", "ease", "offer", "provide",
})
_OPENED_RESULTS = frozenset({"door", "way", "path", "possibility", "prospect", "floodgate", "avenue", "chance"})
_PLACE_NOUNS = frozenset({"landmark", "showcase", "nod"})  # "It is a landmark on Main Street"
_NEWS_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"})
# verbs of a sentence that only says what the news means ("The decision marks a new chapter")
_COMMENT_VERBS = frozenset({
    "underscore", "underline", "highlight", "mark", "signal", "signify", "reflect", "showcase", "cement",
    "solidify", "reaffirm", "affirm", "demonstrate", "exemplify", "epitomize", "embody", "symbolize",
    "symbolise", "herald", "emphasize", "emphasise", "illustrate", "spotlight", "encapsulate", "represent",
    "usher",
})
# what such a verb claims: a moment, a commitment, an importance
_COMMENT_OBJECTS = frozenset({
    "commitment", "dedication", "resolve", "determination", "importance", "significance", "need", "value",
    "ambition", "vision", "potential", "promise", "power", "strength", "leap", "era", "chapter", "moment",
    "milestone", "step", "shift", "departure", "turning", "watershed", "juncture", "dawn", "beginning",
    "start", "role", "testament", "sign", "signal", "symbol", "reminder", "hallmark", "landmark", "victory",
    "triumph", "success", "breakthrough", "spirit", "strides", "stride", "progress", "resilience", "focus",
    "belief", "confidence", "faith", "passion", "desire", "appetite", "willingness",
})
# the news named again as the subject ("The decision", "This launch")
_NEWS_SUBJECTS = EVENT_NOUNS | TAIL_NOUNS_WITH_CLAUSE | frozenset({
    "launch", "investment", "deal", "partnership", "initiative", "project", "program", "programme",
    "ordinance", "law", "expansion", "opening", "acquisition", "merger", "agreement", "grant", "appointment",
    "award", "win", "victory", "ruling", "verdict", "vote", "approval", "announcement", "collaboration",
    "milestone", "achievement", "accomplishment", "event", "festival", "funding", "donation",
})
_HYPHEN_MARKS = frozenset({"-", "\u2010", "\u2011"})
_TIME_MARKS = frozenset({"after", "as", "when", "before", "while", "once"})


_PAST_WORDS = frozenset({"yesterday", "ago", "last", "monday", "tuesday", "wednesday", "thursday", "friday",
                         "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august",
                         "september", "october", "november", "december"})


def _past_time(tok: Any) -> bool:
    """Whether the participle's own clause names a finished time ("voting 5-0 on Thursday", "in
    2019", "last week"): the perfect cannot carry on there ("It has voted on Thursday"), the new
    sentence takes the past. A duration ("for a year") and the words of a clause inside it ("a
    dispute that dragged on last spring") do not count."""
    stack = [tok]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in ("relcl", "acl", "ccomp", "advcl") or (child.dep_ == "prep" and child.lower_ in (
                    "for", "over", "since", "until", "through")):
                continue
            year = child.like_num and len(child.text) == 4 and child.text[:2] in ("19", "20")
            if child.lower_ in _PAST_WORDS or year:
                return True
            stack.append(child)
    return False


def _scene_setting(noun: Any) -> bool:
    """"In an era where convenience reigns supreme, ...": an age set with a 'where'/'when' clause,
    the scene-setting of feature copy (an era "of rising prices" is context, and stays)."""
    if noun.lemma_.lower() not in ("era", "age", "world") or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return False
    return any(c.dep_ == "relcl" and any(g.lower_ in ("where", "when") for g in c.children) for c in noun.children)


def _result_verb(tok: Any) -> bool:
    """A participle that reports a result of the event: "raising hopes", "forcing a delay", and
    "turning streets into rivers" (but not "turning to the crowd", nor "turning it into ...", whose
    'it' would lose its noun to the other sentence)."""
    lemma = tok.lemma_.lower()
    if lemma == "open":
        # "opening the way to ..." is a result; "opening three clinics" is the agent's own act
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _OPENED_RESULTS for c in tok.children)
    return lemma in RESULT_VERBS or (lemma == "turn" and any(
        c.dep_ == "prep" and c.lower_ == "into" for c in tok.children) and any(
        c.dep_ == "dobj" and c.pos_ != "PRON" for c in tok.children))  # "turning it into": 'it' needs its noun


# participles that work as prepositions or links: "..., following the vote", "..., including two"
PREPOSITION_PARTICIPLES = frozenset({
    "follow", "include", "accord", "concern", "regard", "involve", "exclude", "begin", "start", "range",
    "compare", "depend", "base", "count", "consider", "barring", "pending", "notwithstanding",
})
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "announce", "claim", "note", "warn", "insist", "argue", "report", "write",
    "explain", "declare", "suggest", "predict", "believe", "think", "stress", "emphasize", "acknowledge",
    "admit", "deny", "confirm", "reveal", "recall", "ask", "answer", "reply", "testify", "allege", "agree",
    "caution", "urge", "vow", "concede", "complain", "comment", "remark", "observe", "maintain", "contend",
    "assert", "reiterate", "promise", "pledge", "estimate",
})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_QUOTE_CHARS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")
_PRONOUNS = {"he": "He", "she": "She", "they": "They", "we": "We", "it": "It", "i": "I", "you": "You"}
_RELATIVES = frozenset({"who", "whose", "whom", "which", "that", "where"})
_CONNECTIVES = {"and": "", "but": "But ", "yet": "Yet ", "so": "So "}


def _words(tokens: Any) -> int:
    return sum(1 for t in tokens if not (t.is_punct or t.is_space))


def _last_word(sent: Any) -> Any:
    for t in reversed(sent):
        if not (t.is_punct or t.is_space):
            return t
    return sent[-1]


def _prev(doc: Any, i: int) -> Any:
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return doc[k] if k >= 0 else None


def _has_subject(tok: Any) -> bool:
    return any(c.dep_ in _SUBJECTS for c in tok.children)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(verb: Any) -> bool:
    """Whether ``verb`` heads a clause that can stand alone: a finite form, or an auxiliary that is
    one ("and others seeking ..." is a noun phrase, not a clause)."""
    return verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children)


# speech verbs whose "to" infinitive is an act, not a report: "agreed to pay $2.5 million"
_ACT_INFINITIVE = frozenset({"agree"})


def _reported(tok: Any) -> bool:
    """Whether ``tok`` sits inside what a speech verb reports ("X said [... tok ...]")."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp", "parataxis") and node.head.lemma_.lower() in SPEECH_VERBS and not (
                node.dep_ == "xcomp" and node.head.lemma_.lower() in _ACT_INFINITIVE):
            return True
        node = node.head
    return False


# words of direction after a verb: "reflecting its rays down on to the square" is no comment
_DIRECTIONS = frozenset({"down", "back", "off", "up", "on", "onto", "into", "across", "over", "through", "out"})

# the nouns of a meeting that SEN001 may turn into "X and Y met"
_MEETING_NOUNS = frozenset({"meeting", "rendezvous", "encounter", "summit", "talks"})

# verbs of aim, expectation and state: after a perfect ("have tagged ..., hoping to learn"; "has
# emerged as a key player, boasting a staff of 210") the aim or the state goes on, in the present
_INTENT_VERBS = frozenset({"hope", "aim", "seek", "want", "expect", "plan", "wish", "intend", "fear", "need",
                           "believe", "try", "look", "boast", "have", "own", "employ", "include", "contain",
                           "hold", "remain", "comprise", "feature", "house", "cover", "involve", "represent",
                           "serve", "stand", "span", "lack", "depend", "rely", "keep"})


def _tense(root: Any) -> str:
    """'modal:will', 'VBD' or 'VBZ' for a new sentence that continues the root's time."""
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        if a.tag_ == "MD":
            return f"modal:{a.lower_}"
    if root.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "VBD"
    return "VBZ"


def _verb_form(lemma: str, tense: str, plural: bool) -> str | None:
    if tense.startswith("modal:"):
        return f"{tense[6:]} {lemma}"
    if tense == "VBZ" and plural:
        return lemma
    return inflect(lemma, tense)


def _verb_lemma(verb: Any) -> str | None:
    """The lemma of ``verb`` that gives back its form: the parser's, or one of lemminflect's when
    the parser's is wrong ("hoping" -> "hope", not "hop")."""
    lemma = verb.lemma_.lower()
    form = verb.lower_
    made = inflect(lemma, verb.tag_)
    if made == form or (made and _doubled(made, lemma) == form):
        return str(lemma)
    return next((str(x) for x in sorted(lemmas_of(form)) if inflect(x, verb.tag_) == form), None)


def _doubled(made: str, lemma: str) -> str:
    """``made`` (a form of ``lemma``) with the lemma's last consonant doubled, as British spelling
    has it ("traveling" -> "travelling"), or ``made`` unchanged."""
    if len(made) > len(lemma) and made.startswith(lemma) and lemma[-1:] == "l" and made[len(lemma)] in "ei":
        return lemma + lemma[-1] + made[len(lemma):]
    return made


def _like(out: str | None, verb: Any, lemma: str) -> str | None:
    """``out`` (a new form of ``verb``'s lemma) spelt as the draft spells ``verb``: "travelling" ->
    "travelled", not "traveled"."""
    if out is None or not verb.lower_.startswith(lemma + lemma[-1:]) or lemma[-1:] != "l":
        return out
    words = out.split(" ")
    words[-1] = _doubled(words[-1], lemma)
    return " ".join(words)


def _only_noun(noun: Any) -> bool:
    """Whether ``noun``, the object of a preposition, is the only noun a following "which" can
    mean: the preposition hangs on a verb ("closed the road after a landslide, which ..."), not on
    another noun ("the head of the agency, which ...")."""
    prep = noun.head
    verb = prep.head
    # the verb of the main clause ("challenges posed by China, which ...": "which" may mean the
    # challenges, or all of it)
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return bool(noun.dep_ == "pobj" and prep.lower_ != "of" and verb.pos_ in ("VERB", "AUX") and main)


_CLAUSE_VERBS = frozenset({"mean", "suggest", "show", "indicate", "imply", "ensure", "signal", "prove"})


def _about_the_clause(clause: Any, antecedent: Any) -> bool:
    """Whether a "which" clause is about the whole clause before it, not the noun it follows: its
    verb takes a clause ("..., which means the average family will pay ..." -> "This means ...")."""
    return bool(clause.lemma_.lower() in _CLAUSE_VERBS and any(c.dep_ == "ccomp" for c in clause.children)
                and antecedent.pos_ != "PROPN" and antecedent.ent_type_ not in ("ORG", "PERSON", "GPE", "NORP"))


def _agrees(named: tuple[str, bool], verb: Any) -> bool:
    """Whether a plural name for the subject ("They") agrees with the main verb: "X and Y, was
    president ..." is a misread subject, not two people."""
    if not named[1] or named[0] != "They":
        return True
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return not any(w.tag_ == "VBZ" or w.lower_ == "was" for w in words)


def _apposition(tok: Any) -> bool:
    """Whether ``tok`` renames what comes before it; a second object of the same verb after a
    comma is an apposition the parser missed."""
    return tok.dep_ in ("appos", "npadvmod", "dep") or (
        tok.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children))


def _pronoun(subj: Any) -> tuple[str, bool] | None:
    """A pronoun subject as a new sentence starts with it, and whether it is plural."""
    if subj.lower_ not in _PRONOUNS:
        return None
    return _PRONOUNS[subj.lower_], subj.lower_ in ("they", "we", "you", "i")


def _named_again(subj: Any) -> tuple[str, bool] | None:
    """How a second sentence names a subject that speaks or acts again, and whether it is plural:
    its pronoun, "They" for a plural or coordinated subject, or :func:`_speaker`."""
    if (pronoun := _pronoun(subj)) is not None:
        return pronoun
    if subj.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", "") or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ == "conj" for c in subj.children) or (subj.tag_ == "NNS" and subj.ent_type_ in ("", "NORP")):
        # "Farmers ...", "The mayor and the head of the fire service ..." -> "They"
        return "They", True
    speaker = _speaker(subj)
    return (speaker, False) if speaker else None


_PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "himself", "herself", "hers"})


# nouns that title an organisation: "retailer Oakhaven Home", read as a person's name, is still "It"
ORG_TITLES = frozenset({
    "retailer", "company", "firm", "maker", "grocer", "chain", "startup", "start-up", "group", "bank",
    "insurer", "carrier", "airline", "brand", "manufacturer", "developer", "publisher", "operator",
    "giant", "conglomerate", "supplier", "distributor", "lender", "broker", "provider", "utility",
    "nonprofit", "charity", "club", "team", "agency", "label", "studio", "automaker", "builder",
})


# "positioning the firm at the forefront of ..." / "as a leader in ...": a claim of rank, no news
_RANK_PLACES = frozenset({"forefront", "front", "helm", "vanguard", "cutting", "leading"})
_RANK_ROLES = frozenset({"leader", "pioneer", "frontrunner", "front-runner", "hub", "powerhouse", "trailblazer",
                         "champion", "force", "player", "destination", "beacon", "model"})


def _speaks_volumes(verb: Any) -> bool:
    """"speaks volumes about ...": a comment, whatever follows."""
    return verb.lemma_.lower() == "speak" and any(c.dep_ == "dobj" and c.lower_ == "volumes" for c in verb.children)


def _empty_image(verb: Any) -> bool:
    """A verb whose object only comments: "closing a chapter", "turning the page", "ushering in an
    era", "elevating its standing on the world stage"."""
    lemma = verb.lemma_.lower()
    if lemma in ("close", "open", "write", "begin", "start", "end", "usher") and any(
            c.dep_ == "dobj" and (c.lemma_.lower() == "era" or (c.lemma_.lower() == "chapter" and any(
                d.lower_ in ("new", "fresh", "next", "final", "last", "historic", "proud", "golden", "in")
                for d in c.children))) for c in verb.children):
        return True  # "closing a chapter in the town's history", not "a chapter on her childhood"
    if lemma == "turn" and any(c.dep_ == "dobj" and c.lower_ == "page" and [d.lower_ for d in c.children] == ["the"]
                               for c in verb.children):
        return True  # "turning the page", not "turning the first page of the book"
    return lemma in ("elevate", "raise", "boost", "enhance", "burnish", "lift") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("standing", "profile", "stature", "prestige", "reputation")
        for c in verb.children)


def _rank_place(noun: Any) -> bool:
    """"the forefront", "the cutting edge", "the leading edge": a place that claims a rank ("the edge
    of bankruptcy" does not)."""
    lemma = noun.lemma_.lower()
    if lemma == "edge":
        return any(c.dep_ == "amod" and c.lower_ in ("cutting", "leading", "bleeding") for c in noun.children)
    return lemma in _RANK_PLACES


def _positioning(tok: Any) -> bool:
    """Whether ``tok`` is "position" (or "place") claiming a rank: "positioning itself at the
    forefront of the fight", "placing the city as a leader in"; "positioning troops along the border"
    is an act."""
    if tok.lemma_.lower() not in ("position", "place"):
        return False
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ in ("at", "on", "in") and any(_rank_place(o) for o in objects):
            return True
        if prep.lower_ == "as" and any(o.lemma_.lower() in _RANK_ROLES for o in objects):
            return True
    return False


def _surname(ent: Any) -> str:
    """The last name of a person's name as written, with the parts a hyphen joins ("Montrose-Ade",
    which the tokenizer splits in three)."""
    doc = ent.doc
    first = ent.end - 1
    while first - 2 >= ent.start and doc[first - 1].text in ("-", "\u2010", "\u2011") \
            and not doc[first - 1].whitespace_ and not doc[first - 2].whitespace_:
        first -= 2
    return str(doc[first : ent.end].text)


def _org_titled(ent: Any) -> bool:
    """Whether the noun right before a name makes it an organisation's ("furniture retailer Oakhaven
    Home")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.lemma_.lower() in ORG_TITLES


def _speaker(subj: Any) -> str | None:
    """How a second sentence names the person who spoke: the surname of a named person ("Dunne"),
    or the person noun with "the" and the words that make it a title ("The chief executive"); "It"
    for a thing or an organisation; None for anyone else."""
    if any(c.dep_ == "conj" for c in subj.children):
        return None
    if subj.ent_type_ == "PERSON":
        ent = next((e for e in subj.doc.ents if e.start <= subj.i < e.end), None)
        if ent is None or ent[-1].i != subj.i:
            return None
        if _org_titled(ent):
            return "It"
        name = _surname(ent)
        # a surname, not an initial ("Norman B."): anything else is a misread name
        return name if len(name) > 1 and name.replace("-", "").replace("'", "").replace("\u2010", "") \
            .replace("\u2011", "").isalpha() else None
    det = next((c for c in subj.children if c.dep_ == "det"), None)
    # a person: a person noun, or "he"/"his"/"she"/"her" in the sentence ("The goalkeeper ..., earning
    # his side ...")
    gendered = any(t.lower_ in _PERSON_PRONOUNS for t in subj.sent)
    person = subj.lemma_.lower() in PERSON_NOUNS or (subj.ent_type_ == "" and gendered)
    if subj.tag_ == "NN" and person and det is not None and det.lower_ in ("the", "a", "an"):
        mods = [c for c in subj.children if c.dep_ in ("compound", "amod") and c.i < subj.i]
        first = subj.i
        for m in sorted(mods, key=lambda m: -m.i):  # the words right before the noun only
            if m.i == first - 1 and m.is_alpha and m.text.islower():
                first = m.i
        return "The " + str(subj.doc[first : subj.i + 1].text)
    # an organisation or a thing that speaks ("The Met Office ..., warning that" -> "It warned"); not
    # with "his" or "her" about ("Hartman, read as an organisation, ... his ..." is a person)
    if subj.ent_type_ in ("ORG", "") and subj.tag_ in ("NN", "NNP") and not person and not gendered \
            and (subj.ent_type_ == "ORG" or subj.pos_ == "NOUN"):
        return "It"
    return None


def _phrase(tokens: Any) -> str:
    """The words of ``tokens`` as the text has them, the first one capitalised."""
    text = tokens.text if hasattr(tokens, "text") else " ".join(t.text for t in tokens)
    return text[:1].upper() + text[1:]


def _capitalised(word: str) -> str:
    if odd_case(word) or not word[:1].islower():
        return word
    return word[:1].upper() + word[1:]


class StructureChecker:
    def infos(self) -> tuple[RuleInfo, ...]:
        return INFOS

    def check(self, document: Document, ctx: Context) -> Iterator[Finding]:
        if "parser" not in ctx.capabilities or not any(i.code in ctx.enabled for i in INFOS):
            return
        text = document.text
        for sentence in document.sentences():
            sent = sentence.span
            if sent is None:
                continue
            base = document.blocks[sentence.block].start
            if REPEAT.code in ctx.enabled:
                yield from self._repeats(base, sent)
            if any(q in sent.text for q in _QUOTE_CHARS):
                # a quotation is never cut into; a split after it is fine when it is closed:
                # '"It is a real step," said Lindqvist, who stressed ...' -> '. Lindqvist stressed ...'
                closed = sent.text.count('"') % 2 == 0 and sent.text.count("\u201c") == sent.text.count("\u201d")
                if SPLIT.code in ctx.enabled and closed and _words(sent) > SPLIT_WORDS:
                    last = max(sent.text.rfind(q) for q in _QUOTE_CHARS) + sent.start_char
                    split = self._split(text, base, sent, after=last)
                    if split is not None:
                        yield split
                continue
            found: list[Finding] = []
            if THERE.code in ctx.enabled:
                found.extend(self._there(text, base, sent))
            if OPENER.code in ctx.enabled:
                found.extend(self._opener(text, base, sent))
            if TAIL.code in ctx.enabled:
                found.extend(self._tails(text, base, sent))
            if COMMENT.code in ctx.enabled:
                found.extend(self._comment_sentence(text, base, sent))
            if SPLIT.code in ctx.enabled and _words(sent) > SPLIT_WORDS:
                # offered beside a cut too: where they overlap the fixer takes the cut, and the
                # split when the cut is turned down ("would lose a name")
                split = self._split(text, base, sent)
                if split is not None:
                    found.append(split)
            yield from found

    # --- SEN004 ----------------------------------------------------------------------------------

    @staticmethod
    def _repeats(base: int, sent: Any) -> Iterator[Finding]:
        words = [t for t in sent if not t.is_space]
        for a, b in itertools.pairwise(words):
            if not (a.is_alpha and b.is_alpha) or a.lower_ != b.lower_ or a.lower_ in DOUBLING_OK:
                continue
            if a.text[:1].isupper() and b.text[:1].isupper():
                continue  # "Walla Walla", "Bora Bora": a name
            if a.idx > 0 and sent.doc.text[a.idx - 1] in "-\u2010\u2011":
                continue  # "the Sun-bar bar": the end of a hyphenated compound, not a word typed twice
            between = sent.doc.text[a.idx + len(a.text) : b.idx]
            if between.strip() or "\n\n" in between:
                continue
            start, end = base + a.idx + len(a.text), base + b.idx + len(b.text)
            yield Finding(REPEAT.code, REPEAT.name, REPEAT.category, REPEAT.severity, base + a.idx, end,
                          f"'{a.text} {b.text}': the word is typed twice",
                          Fix((Edit(start, end, ""),), Applicability.SAFE, f"Cut the second '{b.text}'"),
                          {"observed": sent.doc.text[a.idx : b.idx + len(b.text)], "expected": a.text})

    # --- SEN005 ----------------------------------------------------------------------------------

    @staticmethod
    def _there(text: str, base: int, sent: Any) -> Iterator[Finding]:
        words = [t for t in sent if not t.is_space]
        if len(words) < 6 or words[0].lower_ != "there" or words[0].dep_ != "expl":
            return
        be = words[1]
        if be.lemma_.lower() != "be" or be.dep_ != "ROOT":
            return
        attr = next((c for c in be.children if c.dep_ in ("attr", "nsubj") and c.i > be.i), None)
        if attr is None or attr.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
            return
        clause = next((c for c in attr.children if c.dep_ == "relcl"), None)
        if clause is None:
            return
        pron = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                     and c.lower_ in ("who", "that", "which")), None)
        if pron is None:
            return
        np_start = min(t.i for t in attr.subtree)
        if np_start != be.i + 1 or pron.i <= attr.i:
            return  # "There are also many who ...": the adverb would be lost
        if any(t.text in (",", ";", ":", "(", "-", "\u2013", "\u2014") for t in sent.doc[np_start : pron.i]):
            return
        in_clause = {x.i for x in clause.subtree}
        if any(t.i < np_start or t.i > pron.i for t in attr.subtree if t.i not in in_clause):
            return  # the noun phrase goes on past the clause: no clean subject
        if pron.i + 1 >= sent.end - 1:
            return
        doc = sent.doc
        if doc[np_start].text[:1].isdigit():
            return  # a sentence never starts with a figure
        np_text = doc.text[doc[np_start].idx : pron.idx].rstrip()
        first = np_text[:1]
        if odd_case(np_text.split()[0]):
            return
        subject = first.upper() + np_text[1:]
        after = doc[pron.i + 1]
        start = base + words[0].idx
        end = base + after.idx
        said = doc.text[words[0].idx : pron.idx + len(pron.text)]
        yield Finding(THERE.code, THERE.name, THERE.category, THERE.severity, start, base + pron.idx + len(pron.text),
                      f"'{said}' delays the subject; try '{subject} {after.text} ...'",
                      Fix((Edit(start, end, subject + " "),), Applicability.UNSAFE,
                          f"Start with '{subject}'"),
                      {"observed": said, "expected": subject})

    # --- SEN003 ----------------------------------------------------------------------------------

    @staticmethod
    def _comes_as(sent: Any) -> Any:
        """"A consequential juncture in diplomatic affairs materializes as the cabinet endorses ...":
        a judged moment announced before the news; the "as" that ends it, or None. Read by words,
        not by the parse (which often takes "materializes" for a plural noun)."""
        words = [t for t in sent if not t.is_space]
        if len(words) < 8 or words[0].lower_ not in ("a", "an"):
            return None
        i = 1
        while i < len(words) and words[i].lower_ in OPENER_ADJECTIVES | _MOMENT_ADJECTIVES:
            i += 1
        if i == 1 and words[1].lower_ != "turning":
            return None  # no judging word: "A storm comes as ..." is news
        if words[i].lower_ == "turning" and i + 1 < len(words) and words[i + 1].lower_ == "point":
            i += 2
        elif words[i].lemma_.lower() in _MOMENTS:
            i += 1
        else:
            return None
        if words[i].lower_ in ("in", "for", "of"):  # "in diplomatic affairs": up to five plain words
            j = i + 1
            while j < len(words) and j - i <= 5 and words[j].lower_ not in _ARRIVALS:
                if words[j].pos_ in ("PROPN", "NUM") or words[j].ent_type_ or words[j].is_punct:
                    return None
                j += 1
            i = j
        if i + 2 >= len(words) or words[i].lower_ not in _ARRIVALS or words[i + 1].lower_ != "as":
            return None
        return words[i + 1]

    @staticmethod
    def _marking_opener(sent: Any) -> Any:
        """"Marking a historic leap forward for the region, X ...": an opening participle that only
        announces importance (a verb of SEN002's comments, a judging adjective, a noun of moment)
        and no name or number. The comma that closes it, or None."""
        words = [t for t in sent if not t.is_space]
        if len(words) < 10 or words[0].tag_ != "VBG" or words[0].lemma_.lower() not in EMPTY_VERBS:
            return None
        if words[1].lower_ not in ("a", "an", "another"):
            return None
        i = 2
        while i < len(words) and words[i].lower_ in OPENER_ADJECTIVES | _MOMENT_ADJECTIVES:
            i += 1
        if i == 2 or i >= len(words) or words[i].lemma_.lower() not in OPENER_NOUNS | _MOMENTS | {"leap"}:
            return None  # "Marking its 50th year, ...": no judging word, or news
        comma = next((t for t in words[i:] if t.text == ","), None)
        if comma is None or comma.i - words[0].i > 16:
            return None
        for t in sent.doc[words[i].i + 1 : comma.i]:
            if t.pos_ in ("VERB", "AUX", "NUM") or t.ent_type_ or t.text[:1].isupper():
                return None
        return comma

    @staticmethod
    def _no_capital(nxt: Any) -> bool:
        """Whether the word after a cut cannot take the sentence's capital ("iPhone", a lowercase name)."""
        return bool(nxt.text[:1].islower() and nxt.lower_ not in ("the", "a", "an")
                    and (nxt.ent_type_ or nxt.pos_ == "PROPN" or odd_case(nxt.text)))

    @staticmethod
    def _cut_opener(text: str, base: int, first: Any, last: Any, nxt: Any) -> Finding:
        """The SEN003 finding that cuts ``first`` .. ``last`` and gives ``nxt`` the capital."""
        start = base + first.idx
        stop = base + last.idx + len(last.text)
        cut = text[start:stop]
        edit = Edit(start, base + nxt.idx + 1, _capitalised(nxt.text[0]))
        return Finding(OPENER.code, OPENER.name, OPENER.category, OPENER.severity, start, stop,
                       f"'{cut}' adds no news; cut it", Fix((edit,), Applicability.UNSAFE, f"Cut '{cut}'"),
                       {"observed": cut, "expected": ""})

    def _opener(self, text: str, base: int, sent: Any) -> Iterator[Finding]:
        first = sent[0]
        as_ = self._comes_as(sent)
        if as_ is not None:
            nxt = sent.doc[as_.i + 1]
            if not self._no_capital(nxt):
                yield self._cut_opener(text, base, first, as_, nxt)
            return
        marking = self._marking_opener(sent)
        hailed = self._hailed(sent) if marking is None else None
        if marking is not None:
            comma, own = marking, {first.i}  # the participle is the opener's own verb
        elif first.lower_ not in ("in", "at", "with") or first.dep_ != "prep":
            return
        elif hailed is not None:
            comma, own = hailed
        else:
            obj = next((c for c in first.children if c.dep_ == "pobj"), None)
            scene = obj is not None and _scene_setting(obj)
            if obj is None or (obj.lemma_.lower() not in OPENER_NOUNS and not scene):
                return
            judged = any(c.dep_ in ("amod", "compound") and c.lower_ in OPENER_ADJECTIVES for c in obj.children)
            commenting = any(c.dep_ == "relcl" and c.lemma_.lower() in EMPTY_VERBS | REACTION_VERBS
                             for c in obj.children)
            if not (judged or commenting or scene):
                return
            # the first comma closes the opener (the parse often hangs the subject on the opener's last
            # noun, so its subtree is no guide); in between, no verb but the opener's own clause
            comma = next((t for t in sent if t.i > obj.i and t.text == ","), None)
            own = {t.i for c in obj.children if c.dep_ == "relcl" for t in c.subtree}
        if comma is None or comma.i - first.i > 20 or comma.i >= sent.end - 1:
            return
        if any(t.pos_ in ("VERB", "AUX") and t.i not in own for t in sent.doc[first.i : comma.i]):
            return
        nxt = sent.doc[comma.i + 1]
        while nxt.is_space and nxt.i + 1 < sent.end:
            nxt = sent.doc[nxt.i + 1]
        if _words(sent.doc[nxt.i : sent.end]) < 3:
            return
        if self._no_capital(nxt):
            return  # "In a pivotal move, iPhone sales ...": no capital can be given
        yield self._cut_opener(text, base, first, comma, nxt)

    @staticmethod
    def _hailed(sent: Any) -> tuple[Any, set[int]] | None:
        """"In what many are hailing as a historic triumph," or "In what is being called a landmark
        ruling,": a judgment made by no one the story names, with a judging word, no name and no
        number. The comma that closes it and the clause's own tokens, or None."""
        doc = sent.doc
        if len(sent) < 6 or sent[1].lower_ != "what":
            return None
        verb = sent[1].head
        if verb.dep_ != "pcomp" or verb.head.i != sent[0].i or verb.lemma_.lower() not in HAILING_VERBS:
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != sent[1].i]
        if any(c.lower_ not in VAGUE_JUDGES for c in subjects) or (not subjects and verb.tag_ != "VBN"):
            return None  # "In what police called ...": the judgment is someone's, and news
        comma = next((t for t in sent if t.i > verb.i and t.text == ","), None)
        if comma is None:
            return None
        span = doc[sent.start : comma.i]
        if any(t.pos_ in ("PROPN", "NUM") or t.like_num or t.ent_type_ for t in span):
            return None
        if not any(t.lower_ in OPENER_ADJECTIVES or t.lemma_.lower() in OPENER_NOUNS for t in span):
            return None
        return comma, {t.i for t in verb.subtree}

    # --- SEN002 ----------------------------------------------------------------------------------

    def _tails(self, text: str, base: int, sent: Any) -> Iterator[Finding]:
        doc = sent.doc
        last = _last_word(sent)
        for tok in sent:
            if tok.i == sent.start:
                continue
            left = min(t.i for t in tok.subtree)
            right = max(t.i for t in tok.subtree)
            if right != last.i:
                continue
            comma = _prev(doc, left)
            if comma is None or comma.text not in (",", "\u2014", "\u2013") or comma.i <= sent.start:
                continue
            if not self._empty_tail(tok, left):
                continue
            if _words(doc[sent.start : comma.i]) < MIN_PART_WORDS:
                continue
            # cut from the comma (and the space before it) to the end of the clause
            start = base + comma.idx
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            end = base + last.idx + len(last.text)
            cut = text[base + comma.idx:end]
            said = " ".join(cut.lstrip(",\u2014\u2013 ").split())
            short = said if len(said) <= 60 else said[:57].rsplit(" ", 1)[0] + " ..."
            yield Finding(TAIL.code, TAIL.name, TAIL.category, TAIL.severity, base + comma.idx + 1
                          if text[base + comma.idx + 1 : base + comma.idx + 2] != " " else base + comma.idx + 2,
                          end, f"'{short}' comments on the news; cut it",
                          Fix((Edit(start, end, ""),), Applicability.UNSAFE, f"Cut '{short}'"),
                          {"observed": said, "expected": ""})
            return

    @staticmethod
    def _empty_tail(tok: Any, left: int) -> bool:
        lemma = tok.lemma_.lower()
        if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "acl", "conj", "dep") and left == tok.i:
            if lemma in EMPTY_VERBS:
                # "reflecting its rays down on to the square": a physical act, not a comment
                if any(c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in _DIRECTIONS)
                       for c in tok.children):
                    return False
                return not any(t.lower_ in ("first", "last", "since", "only") or t.ent_type_ == "ORDINAL"
                               for t in tok.subtree)
            if _positioning(tok) or _empty_image(tok):
                return True
            # "..., serving as a shining example of ...": standing as one of the comment nouns
            if lemma in ("serve", "stand", "act"):
                return any(c.lower_ == "as" and any(o.dep_ == "pobj" and o.lemma_.lower() in TAIL_NOUNS
                                                    for o in c.children) for c in tok.children)
            return False
        if tok.pos_ == "NOUN" and tok.dep_ in ("appos", "npadvmod", "dobj", "attr", "conj", "dep", "ROOT"):
            det = tok.doc[left]
            if det.lower_ not in ("a", "an", "another", "one"):
                return False
            clauses = [c for c in tok.children if c.dep_ in ("relcl", "acl")]
            if lemma in TAIL_NOUNS and not clauses:
                return True  # "a testament to careful management", "a milestone for the club"
            if lemma in TAIL_NOUNS | TAIL_NOUNS_WITH_CLAUSE and clauses:
                # "a move that underscores ...": the clause only comments; "an affirmation taken up by
                # the council" reports something
                return all(c.lemma_.lower() in EMPTY_VERBS or _positioning(c) or _speaks_volumes(c) or _empty_image(c)
                           for c in clauses)
        return False

    # --- SEN010 ----------------------------------------------------------------------------------

    @staticmethod
    def _commenting_verb(verb: Any) -> bool:
        lemma = verb.lemma_.lower()
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if _speaks_volumes(verb) or _positioning(verb) or _empty_image(verb):
            return True
        if lemma == "be":  # "It is a testament to ...", "The vote is a milestone for the town"
            return any(o.dep_ == "attr" and o.lemma_.lower() in TAIL_NOUNS - _PLACE_NOUNS for o in objects)
        if _positioning(verb):
            return True
        if lemma not in _COMMENT_VERBS or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return False  # "This shows that ..." carries a claim of its own
        return any(o.lemma_.lower() in _COMMENT_OBJECTS for o in objects)

    @staticmethod
    def _news_subject(verb: Any) -> bool:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 1:
            return False
        subj = subjects[0]
        if _positioning(verb):  # "the firm is positioning itself at the forefront of ..."
            return True
        if subj.lower_ in ("this", "it", "that"):
            return True
        dets = [c for c in subj.children if c.dep_ == "det"]
        return (subj.pos_ == "NOUN" and subj.lemma_.lower() in _NEWS_SUBJECTS and len(dets) == 1
                and dets[0].lower_ in ("the", "this", "that", "such"))

    def _comment_sentence(self, text: str, base: int, sent: Any) -> Iterator[Finding]:
        doc = sent.doc
        if all(t.is_space for t in doc[: sent.start]):
            return  # the first sentence is the news itself
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or not self._commenting_verb(root) or not self._news_subject(root):
            return
        if root.tag_ not in ("VBZ", "VBP", "VBD", "VBG", "VB"):
            return
        if any(t.like_num or t.ent_type_ in _NEWS_ENTS for t in sent):
            return  # a number or a date is news
        if any(t.dep_ in ("relcl", "advcl", "conj") and t.pos_ in ("VERB", "AUX") for t in sent):
            return  # a clause of its own may report something
        first = next(t for t in sent if not t.is_space)
        last = _last_word(sent)
        start = base + first.idx
        end = base + sent.end_char
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        said = " ".join(text[base + first.idx : end].split())
        short = said if len(said) <= 60 else said[:57].rsplit(" ", 1)[0] + " ..."
        if last.i + 1 < len(doc) and doc[last.i + 1].i < sent.end and doc[last.i + 1].text not in ".!":
            return  # a question or an odd ending
        yield Finding(COMMENT.code, COMMENT.name, COMMENT.category, COMMENT.severity, base + first.idx, end,
                      f"'{short}' only comments on the news; cut it",
                      Fix((Edit(start, end, ""),), Applicability.UNSAFE, f"Cut '{short}'"),
                      {"observed": said, "expected": ""})

    # --- SEN001 ----------------------------------------------------------------------------------

    def _split(self, text: str, base: int, sent: Any, after: int = -1) -> Finding | None:
        """The best split of ``sent``, at a seam past ``after`` (a character offset in the block)."""
        total = _words(sent)
        # (words before, words after, start, end, replacement, how), offsets into the block's text
        options: list[tuple[int, int, int, int, str, str]] = []
        doc = sent.doc
        root = sent.root
        for tok in sent:
            if tok.i <= sent.start or tok.i >= sent.end - 2:
                continue
            opt = (self._at_semicolon(tok, sent) or self._at_conjunction(tok, sent, root)
                   or self._at_relative(tok, sent) or self._at_participle(tok, sent, root)
                   or self._at_appositive_clause(tok, sent) or self._at_apposition(tok, sent, root)
                   or self._at_with_speaker(tok, sent)
                   or self._at_in_what(tok, sent) or self._at_in_a_noun(tok, sent)
                   or self._at_following(tok, sent, root) or self._at_with_outlook(tok, sent, root)
                   or self._at_appositive_clause(tok, sent) or self._at_shared_subject(tok, sent, root)
                   or self._at_as_clause(tok, sent, root) or self._at_context_phrase(tok, sent, root)
                   or self._at_while(tok, sent, root) or self._at_and_that(tok, sent, root)
                   or self._at_before(tok, sent, root))
            if opt is not None:
                seam, upto, replacement, how = opt
                left = _words(doc[sent.start : seam])
                right = total - left - (1 if not doc[seam].is_punct else 0)
                options.append((left, right, doc[seam].idx, doc[upto].idx + len(doc[upto].text), replacement, how))
            moved = self._mid_relative(text, base, tok, sent, root)
            if moved is not None:
                options.append(moved)
        for made in (self._with_opener(sent, root), self._meeting_subject(sent, root)):
            if made is not None:
                options.append(made)
        best: tuple[float, tuple[int, int, int, int, str, str]] | None = None
        for option in options:
            left, right = option[0], option[1]
            if left < MIN_PART_WORDS or right < MIN_PART_WORDS - 1 or option[2] <= after:
                continue
            score = abs(left - total / 2)
            if best is None or score < best[0]:
                best = (score, option)
        if best is None:
            return None
        _, _, lo, hi, replacement, how = best[1]
        start = base + lo
        # a seam takes the space before it; a rewrite from the sentence's first word keeps it
        while start > 0 and text[start - 1] in " \t" and lo != sent.start_char:
            start -= 1
        end = base + hi
        observed = text[base + lo : end]
        if len(observed) > 40:
            observed = observed[:37].rsplit(" ", 1)[0] + " ..."
        edit = Edit(start, end, replacement)
        # with a quotation in the sentence the finding covers what follows it (no finding may
        # overlap a quotation)
        first = base + (sent.start_char if after < 0 else after + 1)
        return Finding(SPLIT.code, SPLIT.name, SPLIT.category, SPLIT.severity, first, base + sent.end_char,
                       f"{total} words; it splits cleanly {how}",
                       Fix((edit,), Applicability.UNSAFE, f"Split at '{observed.strip()}'"),
                       {"observed": observed, "expected": replacement.strip(), "words": total})

    @staticmethod
    def _next_word(doc: Any, i: int) -> Any:
        k = i + 1
        while k < len(doc) and doc[k].is_space:
            k += 1
        return doc[k] if k < len(doc) else None

    def _at_semicolon(self, tok: Any, sent: Any) -> tuple[int, int, str, str] | None:
        if tok.text != ";":
            return None
        before = [t for t in sent if t.i < tok.i]
        after = [t for t in sent if t.i > tok.i]
        if not any(t.dep_ in _SUBJECTS for t in before) or not any(t.dep_ in _SUBJECTS for t in after):
            return None
        if _reported(tok.head):
            return None
        nxt = self._next_word(sent.doc, tok.i)
        if nxt is not None and nxt.lower_ == "and":  # "; and the ..." -> ". The ..."
            nxt = self._next_word(sent.doc, nxt.i)
        if nxt is None or not nxt.is_alpha or nxt.lower_ in _RELATIVES:
            return None
        if nxt.tag_ in ("VBG", "VBN", "VB", "TO"):
            return None  # an item of a list: "...; establishing penalties ..." is not a sentence
        return tok.i, nxt.i, ". " + _capitalised(nxt.text), "at the semicolon"

    def _at_conjunction(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        if tok.lower_ not in _CONNECTIVES or tok.dep_ != "cc":
            return None
        comma = _prev(sent.doc, tok.i)
        if comma is None or comma.text != ",":
            return None
        head = tok.head
        conj = next((c for c in head.children if c.dep_ == "conj" and c.i > tok.i and c.pos_ in ("VERB", "AUX")), None)
        if conj is None or not _has_subject(conj) or not _finite(conj):
            return None
        # "Officials say that X should ease, but drivers say ...": the parser hangs the second speech
        # verb on the first one's clause, but it reports on its own; so does a clause in the past
        # after a reported "would": "The firm said it would ..., and its chief hailed ..."
        own = head.dep_ == "ccomp" and head.head.i == root.i and (
            (conj.lemma_.lower() in SPEECH_VERBS and any(c.dep_ == "ccomp" for c in conj.children))
            or (conj.tag_ == "VBD" and any(c.tag_ == "MD" and c.dep_ == "aux" for c in head.children)))
        if head.i != root.i and not (head.dep_ == "conj" and head.head.i == root.i) and not own:
            return None
        if head.lemma_.lower() in SPEECH_VERBS and _reported(conj) and not own:
            return None
        subject = next(c for c in conj.children if c.dep_ in _SUBJECTS)
        if subject.i < tok.i:
            return None
        nxt = self._next_word(sent.doc, tok.i)
        if nxt is None or not nxt.is_alpha or nxt.lower_ in _RELATIVES:
            return None  # ", and whose ..." continues a relative clause
        lead = _CONNECTIVES[tok.lower_]
        word = nxt.text if lead else _capitalised(nxt.text)
        return comma.i, nxt.i, ". " + lead + word, f"at ', {tok.lower_}'"

    def _at_relative(self, tok: Any, sent: Any) -> tuple[int, int, str, str] | None:
        if tok.lower_ not in ("which", "who") or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = tok.head
        if clause.dep_ != "relcl" or max(t.i for t in clause.subtree) != _last_word(sent).i:
            return None
        if min(t.i for t in clause.subtree) != tok.i:
            return None
        if self._object_relative(tok):
            return None
        comma = _prev(sent.doc, tok.i)
        if comma is None or comma.text != "," or _reported(clause):
            return None
        antecedent = clause.head
        about = tok.lower_ == "which" and _about_the_clause(clause, antecedent)
        if not about and (antecedent.i != comma.i - 1 or (antecedent.dep_ == "pobj" and not (
                tok.lower_ == "who" and antecedent.ent_type_ == "PERSON") and not _only_noun(antecedent))):
            return None  # "the head of the agency, which ...": which noun is meant is a guess
            # ("..., who" after a named person means that person)
        if tok.lower_ == "which":
            if antecedent.pos_ in ("VERB", "AUX") or about:
                pronoun = "This"
            elif antecedent.pos_ == "PROPN":
                ent = next((e for e in sent.doc.ents if e.start <= antecedent.i < e.end), None)
                if ent is None or ent.end != antecedent.i + 1:
                    return None
                pronoun = _capitalised(ent.text) if not ent.text.lower().startswith("the ") else "T" + ent.text[1:]
            elif antecedent.pos_ == "NOUN":
                # repeat the noun with "the" (Siddharthan): "the new stadium, which" -> "The stadium"
                mods = [c for c in antecedent.children if c.dep_ == "compound" and c.i < antecedent.i]
                if mods and any(m.i + 1 != n.i for m, n in zip(mods, [*mods[1:], antecedent], strict=True)):
                    return None
                phrase = sent.doc[mods[0].i if mods else antecedent.i : antecedent.i + 1].text
                pronoun = "The " + phrase
            else:
                return None
            if (antecedent.tag_ in ("NNS", "NNPS") and clause.tag_ == "VBZ") or \
                    (antecedent.tag_ in ("NN", "NNP") and clause.tag_ == "VBP"):
                return None  # the verb agrees with something else: a misparse
        else:
            if antecedent.ent_type_ != "PERSON":
                return None
            # news style: the surname on second reference
            ent = next((e for e in sent.doc.ents if e.start <= antecedent.i < e.end), None)
            if ent is None or len(ent) < 2:
                return None
            pronoun = _surname(ent)
        return comma.i, tok.i, ". " + pronoun, f"before ', {tok.lower_}'"

    def _object_relative(self, tok: Any) -> bool:
        """Whether the "which"/"who" at ``tok`` is the clause's object though the parse says subject:
        "which the council approved" (another subject, or a noun phrase right after it)."""
        after = self._next_word(tok.doc, tok.i)
        return any(c.dep_ in _SUBJECTS and c.i != tok.i for c in tok.head.children) or (
            after is not None and after.pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"))

    def _mid_relative(self, text: str, base: int, tok: Any, sent: Any,
                      root: Any) -> tuple[int, int, int, int, str, str] | None:
        """A "who"/"which" clause set off by commas after the subject moves out to a sentence of its
        own, after the main one (Siddharthan): "Pierre Joliot, who was named after Pierre Curie, is
        a biochemist." -> "Pierre Joliot is a biochemist. Joliot was named after Pierre Curie." One
        edit, from the first comma to the end of the sentence's last word."""
        if tok.lower_ not in ("which", "who") or tok.dep_ not in ("nsubj", "nsubjpass") or self._object_relative(tok):
            return None
        clause = tok.head
        antecedent = clause.head
        if clause.dep_ != "relcl" or antecedent.dep_ not in ("nsubj", "nsubjpass") or antecedent.head.i != root.i:
            return None
        doc = sent.doc
        comma = _prev(doc, tok.i)
        if comma is None or comma.text != "," or (comma.i != antecedent.i + 1 and not (
                antecedent.ent_iob_ and doc[comma.i - 1].ent_iob_ == "I")):
            return None
        right_edge = max(t.i for t in clause.subtree)
        if min(t.i for t in clause.subtree) != tok.i or right_edge + 2 >= sent.end:
            return None
        closing = doc[right_edge + 1]
        if closing.text != "," or root.i <= closing.i:
            return None
        last = _last_word(sent)
        if last.i <= closing.i + 1 or _reported(clause):
            return None
        if antecedent.ent_type_ == "PERSON":
            ent = next((e for e in doc.ents if e.start <= antecedent.i < e.end), None)
            if ent is None or tok.lower_ != "who":
                return None
            subject = _surname(ent) if len(ent) >= 2 else ent.text
        elif tok.lower_ == "which" and antecedent.pos_ == "NOUN":
            subject = "They" if antecedent.tag_ == "NNS" else "It"
            if (subject == "They" and clause.tag_ == "VBZ") or (subject == "It" and clause.tag_ == "VBP"):
                return None
        elif tok.lower_ == "which" and antecedent.pos_ == "PROPN" and antecedent.ent_type_ in ("ORG", "GPE", "FAC"):
            subject = "It"
        else:
            return None
        after = doc[closing.i + 1]
        if after.i != root.i and not (after.head.i == root.i and after.dep_ in ("aux", "auxpass", "neg", "advmod")):
            return None  # what follows the clause must be the main verb ("..., D. C., for 13 months spoke")
        if any(t.text in (",", ";", "(", ")") for t in doc[tok.i : closing.i]):
            return None  # an aside with commas of its own: where it ends is a guess
        rest = text[base + doc[closing.i + 1].idx : base + last.idx + len(last.text)]
        aside = text[base + doc[tok.i + 1].idx : base + closing.idx].strip()
        if not aside or "\n" in rest or "\n" in aside:
            return None
        main_words = _words(doc[sent.start : comma.i]) + _words(doc[closing.i + 1 : sent.end])
        aside_words = _words(doc[tok.i + 1 : closing.i]) + 1
        replacement = f" {rest}. {subject} {aside}"
        return (main_words, aside_words, comma.idx, last.idx + len(last.text), replacement,
                f"by moving ', {tok.lower_} {aside.split()[0]} ...' to a sentence of its own")

    def _meeting_subject(self, sent: Any, root: Any) -> tuple[int, int, int, int, str, str] | None:
        """A long subject naming a meeting of two parties becomes a sentence of its own: "A recent
        meeting between the mayor of X, Jo Bell, and the head of Y, Al Roy, shows ..." -> "The mayor
        of X, Jo Bell, and the head of Y, Al Roy, met recently. The meeting shows ...". Only for a
        meeting that has happened: a past main verb, or "recent"; never a planned one (a modal, a
        passive, "will take place")."""
        doc = sent.doc
        noun = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if noun is None or noun.lower_ not in _MEETING_NOUNS or noun.left_edge.i != sent.start:
            return None
        if root.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in root.children):
            return None
        if root.lemma_.lower() in ("take", "happen", "occur", "begin", "start", "be", "come", "follow"):
            return None
        left = [c for c in noun.children if c.i < noun.i]
        if not all((c.dep_ == "det" and c.lower_ in ("a", "the")) or (c.dep_ == "amod" and c.lower_ == "recent")
                   for c in left) or not any(c.dep_ == "det" for c in left):
            return None
        recent = any(c.lower_ == "recent" for c in left)
        if not recent and root.tag_ != "VBD":
            return None
        right = [c for c in noun.children if c.i > noun.i and not c.is_punct]
        prep = right[0] if len(right) == 1 else None
        if prep is None or prep.lower_ != "between" or prep.i != noun.i + 1:
            return None
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.right_edge.i != prep.right_edge.i:
            return None
        parties = doc[pobj.left_edge.i : pobj.right_edge.i + 1]
        if not any(t.dep_ == "cc" and t.lower_ == "and" for t in parties) or _words(parties) < 8:
            return None
        end = pobj.right_edge.i + 1
        comma = doc[end] if end < root.i and doc[end].text == "," else None
        if (comma.i + 1 if comma is not None else end) != root.i:
            return None
        first = doc[sent.start]
        named = parties.text
        named = named[:1].upper() + named[1:]
        cc = max(t.i for t in parties if t.dep_ == "cc" and t.lower_ == "and")
        if comma is not None and any(t.text == "," for t in doc[cc + 1 : end]):
            named += ","  # the last party's apposition is closed: "..., General Asim Munir, met"
        met = "met recently" if recent else "met"
        replacement = f"{named} {met}. The {noun.text}"
        hi = comma if comma is not None else doc[end - 1]
        return (_words(parties) + 2, _words(doc[root.i : sent.end]) + 2, first.idx, hi.idx + len(hi.text),
                replacement, "by saying first who met")

    def _with_opener(self, sent: Any, root: Any) -> tuple[int, int, int, int, str, str] | None:
        """An opening "With X done," becomes a sentence of its own: "With the pact firmly sealed, a
        way opens for ..." -> "The pact is firmly sealed. A way opens for ..." (past with a past
        main verb). One edit, from "With" to the first word after the comma."""
        doc = sent.doc
        first = doc[sent.start]
        verb = first.head
        if first.lower_ != "with" or first.dep_ != "mark" or verb.dep_ != "advcl" or verb.head.i != root.i:
            return None
        noun = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.left_edge.i != first.i + 1:
            return None
        lemma = _verb_lemma(verb)
        if lemma is None or verb.tag_ not in ("VBN", "VBD") or inflect(lemma, "VBN") != verb.lower_:
            return None
        if any(c.dep_ in ("aux", "auxpass", "neg", "dobj") for c in verb.children):
            return None
        comma = doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < sent.end else None
        if comma is None or comma.text != "," or verb.left_edge.i != first.i:
            return None
        nxt = self._next_word(doc, comma.i)
        if nxt is None or not nxt.is_alpha or (nxt.text[:1].islower() and (nxt.ent_type_ or odd_case(nxt.text))):
            return None
        if not _has_subject(root) or any(t.is_punct and t.text != "-" for t in doc[first.i + 1 : comma.i]):
            return None
        plural = noun.tag_ in ("NNS", "NNPS")
        be = ("were" if plural else "was") if _tense(root) == "VBD" else ("are" if plural else "is")
        lo, end = doc[first.i + 1].idx, noun.idx + len(noun.text)
        phrase = _capitalised(doc.text[lo:end]) if doc[first.i + 1].lower_ != "the" else "The" + doc.text[lo + 3 : end]
        replacement = f"{phrase} {be}{doc.text[end : comma.idx]}. {_capitalised(nxt.text)}"
        left = _words(doc[first.i + 1 : comma.i]) + 1
        return (left, _words(doc[comma.i + 1 : sent.end]), first.idx, nxt.idx + len(nxt.text), replacement,
                f"after 'With {noun.text} {verb.text},'")

    def _at_apposition(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """A closing noun phrase that names the event ("..., an adjustment driven by ...") becomes
        "This is an adjustment driven by ...", in the root's tense."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in EVENT_NOUNS:
            return None
        if not _apposition(tok):
            return None
        left = min(t.i for t in tok.subtree)
        det = sent.doc[left]
        if det.lower_ not in ("a", "an") or det.i == tok.i:
            return None
        if max(t.i for t in tok.subtree) != _last_word(sent).i:
            return None
        comma = _prev(sent.doc, left)
        if comma is None or comma.text != "," or _reported(tok):
            return None
        tense = _tense(root)
        be = {"VBD": "was", "VBZ": "is"}.get(tense, f"{tense[6:]} be" if tense.startswith("modal:") else "is")
        return comma.i, det.i, f". This {be} {det.text}", f"before ', {det.text} {tok.text}'"

    @staticmethod
    def _runs_to_end(tok: Any, sent: Any) -> bool:
        """Whether the phrase headed by ``tok`` is the rest of the sentence."""
        last = _last_word(sent).i
        if tok.left_edge.i != tok.i or tok.right_edge.i != last:
            return False
        inside = {u.i for u in tok.subtree}
        return all(t.i in inside or t.is_punct or t.is_space for t in sent.doc[tok.i : last + 1])

    def _at_with_speaker(self, tok: Any, sent: Any) -> tuple[int, int, str, str] | None:
        """"..., with Inspector Gail Morrow saying that ..." -> ". Inspector Gail Morrow said that ...";
        "..., with revenue rising 31%" (after a past main verb) -> ". Revenue rose 31%"; "..., with
        officials promoting it" (after a present or future one) -> ". Officials are promoting it"."""
        if tok.lower_ != "with" or not self._runs_to_end(tok, sent):
            return None
        comma = _prev(sent.doc, tok.i)
        if comma is None or comma.text != ",":
            return None
        doc = sent.doc
        verb = next((t for t in doc[tok.i + 1 : min(tok.i + 9, sent.end)] if t.tag_ == "VBG"), None)
        if verb is None or verb.i == tok.i + 1 or verb.lemma_.lower() in ("be", "have", "get"):
            return None
        speaker = doc[tok.i + 1 : verb.i]
        if any(t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") for t in speaker) or not any(
                t.pos_ in ("NOUN", "PROPN", "PRON") for t in speaker):
            return None
        if speaker[0].lower_ in _PRONOUNS and len(speaker) == 1:
            who = _PRONOUNS[speaker[0].lower_]
        elif speaker[0].pos_ == "PRON":
            return None  # "with many saying ...", "with some arguing ..."
        else:
            who = _phrase(speaker)
        lemma = verb.lemma_.lower()
        root = sent.root
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in root.children)
        if lemma in SPEECH_VERBS or _tense(root) == "VBD" or perfect:
            # "..., with revenue rising 31%" after "has reported" -> ". Revenue rose 31%"
            form = inflect(lemma, "VBD")
        else:
            # "..., with officials promoting it" after "will begin" -> ". Officials are promoting it"
            nouns = [t for t in speaker if t.pos_ in ("NOUN", "PROPN", "PRON")]
            plural = nouns[-1].tag_ in ("NNS", "NNPS") or nouns[-1].lower_ in ("they", "we", "you")
            form = f"{'are' if plural else 'is'} {verb.text}" if who != "I" else f"am {verb.text}"
        if not form:
            return None
        return comma.i, verb.i, f". {who} {form}", f"before ', with {speaker.text} {verb.text}'"

    def _at_following(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """A closing "..., following the resignation of ..." -> ". This follows the resignation of
        ..." (past when the main verb is)."""
        if tok.lower_ != "following" or not self._runs_to_end(tok, sent):
            return None
        comma = _prev(sent.doc, tok.i)
        if comma is None or comma.text != "," or _reported(tok):
            return None
        if not any(c.dep_ in ("pobj", "dobj") and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
            return None
        verb = "followed" if _tense(root) == "VBD" else "follows"
        return comma.i, tok.i, f". This {verb}", "before ', following'"

    _OUTLOOK_WORDS = frozenset({"set", "expected", "due", "likely", "poised", "scheduled", "slated", "forecast"})

    def _at_with_outlook(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """"..., with up to 1,200 roles set to be affected" -> ". Up to 1,200 roles are set to be
        affected"."""
        if tok.lower_ != "with" or not self._runs_to_end(tok, sent):
            return None
        comma = _prev(sent.doc, tok.i)
        if comma is None or comma.text != "," or _reported(tok):
            return None
        noun = next((c for c in tok.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if noun is None:
            return None
        word = next((c for c in noun.children if c.dep_ in ("acl", "amod") and c.lower_ in self._OUTLOOK_WORDS
                     and c.i > noun.i), None)
        doc = sent.doc
        if word is None or word.i != noun.i + 1 or doc[word.i + 1].lower_ != "to":
            return None
        if any(t.is_punct for t in doc[tok.i + 1 : noun.i]):
            return None
        plural = noun.tag_ in ("NNS", "NNPS")
        be = ("were" if plural else "was") if _tense(root) == "VBD" else ("are" if plural else "is")
        phrase = _phrase(doc[tok.i + 1 : noun.i + 1])
        return comma.i, noun.i, f". {phrase} {be}", f"before ', with {noun.text} {word.text} to'"

    def _subject_clause(self, noun: Any) -> Any:
        """The "that"/"which"/"who" right after ``noun`` when it is the subject of a finite clause
        about that noun ("a disease that costs ..."), or None."""
        rel = self._next_word(noun.doc, noun.i)
        if rel is None or rel.lower_ not in ("that", "which", "who") or rel.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = rel.head
        if clause.dep_ != "relcl" or clause.head.i != noun.i or not _finite(clause) or self._object_relative(rel):
            return None
        return rel

    def _at_appositive_clause(self, tok: Any, sent: Any) -> tuple[int, int, str, str] | None:
        """A closing apposition with a clause, "..., a disease that costs growers £3.5 billion" ->
        ". The disease costs growers £3.5 billion" (Siddharthan's appositive split)."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() in TAIL_NOUNS:
            return None
        if not _apposition(tok):
            return None
        # an event noun renames the whole clause ("..., a decision that is expected to ..."), any
        # other noun the one before the comma ("potato blight, a disease that ...")
        event = tok.lemma_.lower() in EVENT_NOUNS | TAIL_NOUNS_WITH_CLAUSE
        doc = sent.doc
        det = doc[min(t.i for t in tok.subtree)]
        comma = _prev(doc, det.i)
        if det.lower_ not in ("a", "an") or comma is None or comma.text != "," or (
                comma.i != tok.head.i + 1 and not event
                and not (tok.dep_ in ("appos", "npadvmod") and tok.head.i < comma.i)):
            return None
        if tok.i - det.i > 5 or any(t.pos_ not in ("ADJ", "NOUN", "ADV", "CCONJ") and t.text not in _HYPHEN_MARKS
                                    and not (t.pos_ == "VERB" and t.dep_ == "amod")
                                    for t in doc[det.i + 1 : tok.i]):
            return None  # "a bold and forward-thinking measure", "a much-needed lifeline"
        rel = self._subject_clause(tok)
        if max(t.i for t in tok.subtree) != _last_word(sent).i or _reported(tok):
            return None
        phrase = doc[det.i + 1 : tok.i + 1].text
        if rel is None:
            # "..., a policy that council members described as transformative" -> ". Council
            # members described the policy as transformative"
            made = self._object_clause(tok)
            if made is None:
                return None
            subject, verb = made
            said = doc.text[subject.idx : verb.idx + len(verb.text)]
            if odd_case(subject.text):
                return None
            return (comma.i, verb.i, f". {_capitalised(said[0])}{said[1:]} the {phrase}",
                    f"before ', {det.text} {tok.text} that'")
        return comma.i, rel.i, ". The " + phrase, f"before ', {det.text} {tok.text} {rel.text}'"

    def _object_clause(self, noun: Any) -> tuple[Any, Any] | None:
        """The first word of the subject and the verb of an object clause right after ``noun`` ("a
        policy that council members described as ..."): the noun can go back in as the object."""
        doc = noun.doc
        rel = self._next_word(doc, noun.i)
        if rel is None or rel.lower_ not in ("that", "which"):
            return None
        clause = rel.head
        if clause.dep_ != "relcl" or clause.head.i != noun.i or not _finite(clause) or clause.pos_ != "VERB":
            return None
        if rel.dep_ != "dobj" and not self._object_relative(rel):
            return None
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > clause.i for c in clause.children):
            return None  # the clause has an object of its own: the noun is no object of it
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and rel.i < c.i < clause.i), None)
        if subject is None or subject.lower_ in ("who", "which", "that"):
            return None
        first = min(t.i for t in subject.subtree)
        between = {t.i for t in subject.subtree} | {c.i for c in clause.children
                                                     if c.dep_ in ("aux", "neg", "advmod") and c.i < clause.i}
        if first != rel.i + 1 or any(k not in between for k in range(first, clause.i)):
            return None
        if any(t.is_punct for t in doc[first : clause.i]) or (
                doc[first].pos_ == "PRON" and doc[first].lower_ not in ("it", "they", "we", "he", "she")):
            return None  # "a plan that I ..." stays: "I" at a sentence start reads as a quote
        return doc[first], clause

    def _at_shared_subject(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """", and" before a second verb of the same subject: "The operator said ..., and insisted that
        ..." -> ". It insisted that ..."; "Dunne ..., and added ..." -> ". Dunne added ..."."""
        if tok.lower_ != "and" or tok.dep_ != "cc":
            return None
        comma = _prev(sent.doc, tok.i)
        if comma is None or comma.text != ",":
            return None
        verb = self._next_word(sent.doc, tok.i)
        if verb is None or verb.head.i != tok.head.i or verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ"):
            return None
        if tok.head.i != root.i and not (
                # "The operator said the cuts were needed ..., and insisted that ...": the parser hangs
                # the second speech verb on the reported one, but who insists is who said
                verb.lemma_.lower() in SPEECH_VERBS and root.lemma_.lower() in SPEECH_VERBS
                and tok.head.dep_ == "ccomp" and tok.head.head.i == root.i):
            return None
        if _has_subject(verb) or not self._runs_to_end(verb, sent) or root.tag_ not in ("VBD", "VBZ", "VBN"):
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        named = _named_again(subj)
        if named is None or (named[0] == "It" and verb.tag_ == "VBZ" and subj.tag_ in ("NNS", "NNPS")) or (
                not _agrees(named, root) or not _agrees(named, verb)):
            return None
        who = named[0]
        return comma.i, tok.i, f". {who}", f"at ', and {verb.text}'"

    def _at_as_clause(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """A closing ", as <clause>" that gives the news behind the main clause: "Residents are urged
        to stay alert, as Storm Imogen is set to bring heavy rain" -> "... alert. Storm Imogen is set
        to bring heavy rain"."""
        if tok.lower_ != "as" or tok.dep_ != "mark":
            return None
        clause = tok.head
        if clause.dep_ != "advcl" or clause.head.i != root.i or not _has_subject(clause) or not _finite(clause):
            return None
        if not self._runs_to_end(clause, sent) and not (
                min(t.i for t in clause.subtree) == tok.i and max(t.i for t in clause.subtree) == _last_word(sent).i):
            return None
        comma = _prev(sent.doc, tok.i)
        nxt = self._next_word(sent.doc, tok.i)
        if comma is None or comma.text != "," or nxt is None or not nxt.is_alpha or _reported(clause):
            return None
        if nxt.lower_ in ("well", "part", "a", "soon", "long", "far", "much", "many", "if", "though", "usual",
                          "such", "expected", "planned", "promised", "before", "ever"):
            return None
        if nxt.lower_ in _RELATIVES or (nxt.text[:1].islower() and (nxt.ent_type_ or odd_case(nxt.text))):
            return None
        if clause.tag_ in ("VBZ", "VBP") and clause.lemma_.lower() not in ("be", "have") and not any(
                c.dep_ == "aux" for c in clause.children):
            # "..., as Metro Transit prepares to install ...": on its own the simple present reads as
            # a habit ("Metro Transit prepares to install"); it wants "is preparing"
            return None
        return comma.i, nxt.i, ". " + _capitalised(nxt.text), "before ', as'"

    def _at_context_phrase(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """A closing ", amid growing concern ..." -> ". This comes amid growing concern ..."; ", as part
        of a £3 million programme" -> ". It is part of a £3 million programme" (past with a past verb)."""
        doc = sent.doc
        comma = _prev(doc, tok.i)
        if comma is None or comma.text != "," or _reported(tok) or not self._runs_to_end(tok, sent):
            return None
        past = _tense(root) == "VBD"
        if tok.lower_ in ("amid", "amidst") and any(c.dep_ == "pobj" for c in tok.children):
            return comma.i, tok.i, f". This {'came' if past else 'comes'} {tok.text}", "before ', amid'"
        if tok.lower_ == "after" and tok.dep_ == "prep" and any(
                c.dep_ == "pobj" and c.pos_ == "NOUN" and not c.ent_type_ and any(
                    d.dep_ == "det" for d in c.children) for c in tok.children):
            # "..., after a two-year programme of repairs" -> ". This comes after a two-year ..."
            return comma.i, tok.i, f". This {'came' if past else 'comes'} {tok.text}", "before ', after'"
        nxt = self._next_word(doc, tok.i)
        after = self._next_word(doc, nxt.i) if nxt is not None else None
        if tok.lower_ == "as" and nxt is not None and nxt.lower_ == "part" and after is not None and (
                after.lower_ == "of"):
            return comma.i, nxt.i, f". It {'was' if past else 'is'} part", "before ', as part of'"
        return None

    def _at_while(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """A closing ", while <clause>" that sets another fact beside the main one: "Sales of new cars
        rose ..., while sales of used cars fell ..." -> ". Sales of used cars fell ...". A "while" of
        time ("while the family was away", "while he was sleeping") is not a seam."""
        if tok.lower_ != "while" or tok.dep_ != "mark":
            return None
        clause = tok.head
        if clause.dep_ != "advcl" or clause.head.i != root.i or not _has_subject(clause) or not _finite(clause):
            return None
        if clause.lemma_.lower() == "be" or clause.tag_ == "VBG" or _reported(clause):
            return None
        if min(t.i for t in clause.subtree) != tok.i or max(t.i for t in clause.subtree) != _last_word(sent).i:
            return None
        comma = _prev(sent.doc, tok.i)
        nxt = self._next_word(sent.doc, tok.i)
        if comma is None or comma.text != "," or nxt is None or not nxt.is_alpha:
            return None
        if nxt.text[:1].islower() and (nxt.ent_type_ or odd_case(nxt.text)):
            return None
        return comma.i, nxt.i, ". " + _capitalised(nxt.text), "before ', while'"

    def _at_and_that(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """Reported speech with two "that" clauses: "X said that A, and that B" -> "X said that A.
        X said that B" (the speaker named again: a pronoun, "They", the surname, "The spokesman")."""
        doc = sent.doc
        if tok.lower_ not in ("and", "but") or tok.dep_ != "cc" or root.lemma_.lower() not in SPEECH_VERBS:
            return None
        comma = _prev(doc, tok.i)
        that = self._next_word(doc, tok.i)
        if comma is None or comma.text != "," or that is None or that.lower_ != "that" or that.dep_ != "mark":
            return None
        second = that.head
        first = second.head
        if second.dep_ != "conj" or first.dep_ != "ccomp" or first.head.i != root.i or not _has_subject(second):
            return None
        if root.tag_ not in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("dobj", "dative", "aux", "neg") for c in root.children):
            return None  # "told reporters that", "did not say that": the verb alone does not say it again
        subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
        named = _named_again(subj) if subj is not None else None
        if subj is None or named is None or max(t.i for t in second.subtree) != _last_word(sent).i:
            return None
        who = named[0] if named[0] != "It" or subj.pos_ == "PRON" else _phrase([*doc[subj.left_edge.i : subj.i + 1]])
        if len(who.split()) > 4:
            return None
        lead = "But " if tok.lower_ == "but" else ""
        if lead and who[:1].isupper() and who.split()[0] in ("The", "They", "It", "He", "She", "We"):
            who = who[0].lower() + who[1:]
        return comma.i, that.i, f". {lead}{who} {root.text} that", f"before ', {tok.lower_} that'"

    def _at_before(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """A closing ", before <participle>" becomes what the subject does next: "The minister will meet
        ..., before flying to Brussels ..." -> ". The minister will then fly to Brussels ..."."""
        doc = sent.doc
        if tok.lower_ != "before" or tok.head.i != root.i or not self._runs_to_end(tok, sent):
            return None
        verb = self._next_word(doc, tok.i)
        comma = _prev(doc, tok.i)
        if comma is None or comma.text != "," or verb is None or verb.tag_ != "VBG" or verb.head.i != tok.i:
            return None
        if _has_subject(verb) or self._participles(verb) != [verb] or _reported(tok):
            return None
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        named = _named_again(subj) if subj is not None else None
        lemma = _verb_lemma(verb)
        if named is None or lemma is None or not _agrees(named, root):
            return None
        who, plural = named
        tense = _tense(root)
        form = _like(_verb_form(lemma, tense, plural), verb, lemma)
        if form is None:
            return None
        words = form.split(" ", 1)
        form = f"{words[0]} then {words[1]}" if len(words) == 2 else f"then {form}"
        return comma.i, verb.i, f". {who} {form}", "before ', before'"

    _CALLING_VERBS = frozenset({"describe", "call", "hail", "term", "see", "label", "dub", "brand",
                                "consider", "regard", "view", "bill", "characterize", "characterise"})

    def _at_in_what(self, tok: Any, sent: Any) -> tuple[int, int, str, str] | None:
        """"..., in what observers hailed as a turning point" -> ". Observers hailed it as a turning
        point"; "..., in what is seen as a test" -> ". It is seen as a test"."""
        doc = sent.doc
        nxt = self._next_word(doc, tok.i)
        if tok.lower_ != "in" or nxt is None or nxt.lower_ != "what" or not self._runs_to_end(tok, sent):
            return None
        comma = _prev(doc, tok.i)
        if comma is None or comma.text != ",":
            return None
        verb = nxt.head
        if verb.lemma_.lower() not in self._CALLING_VERBS or verb.i <= nxt.i or verb.i - nxt.i > 7:
            return None
        between = doc[nxt.i + 1 : verb.i]
        if any(t.is_punct for t in between):
            return None
        if all(t.dep_ in ("aux", "auxpass", "advmod", "neg") for t in between):
            # passive: "in what is widely seen as" -> "It is widely seen"
            if not any(t.dep_ == "auxpass" for t in between):
                return None
            return comma.i, verb.i, f". It {between.text} {verb.text}", "before ', in what is ...'"
        if nxt.dep_ not in ("dobj", "nsubjpass", "oprd", "attr") or not any(t.dep_ == "nsubj" for t in between):
            return None
        return comma.i, verb.i, f". {_phrase(between)} {verb.text} it", f"before ', in what {between.text} ...'"

    _EVENT_RECORDS = frozenset({"judgment", "judgement", "ruling", "decision", "move", "deal", "report",
                                "vote", "statement", "speech", "interview", "letter", "study", "survey",
                                "announcement", "verdict", "agreement", "review"})

    def _at_in_a_noun(self, tok: Any, sent: Any) -> tuple[int, int, str, str] | None:
        """"..., in a judgment that is likely to ..." -> ". The judgment is likely to ..."."""
        doc = sent.doc
        if tok.lower_ != "in" or not self._runs_to_end(tok, sent):
            return None
        comma = _prev(doc, tok.i)
        det = self._next_word(doc, tok.i)
        if comma is None or comma.text != "," or det is None or det.lower_ not in ("a", "an"):
            return None
        noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if noun is None or noun.lemma_.lower() not in self._EVENT_RECORDS or noun.i - det.i > 3:
            return None
        rel = self._subject_clause(noun)
        if rel is None or rel.lower_ == "who":
            return None
        if any(t.is_punct for t in doc[det.i : rel.i]):
            return None
        return comma.i, rel.i, ". The " + doc[det.i + 1 : noun.i + 1].text, f"before ', in {det.text} {noun.text} that'"

    @staticmethod
    def _shares_speaker(tok: Any, root: Any) -> bool:
        """Whether ``tok``, hung by the parser on what a speech verb reports, is the speaker's own
        act: "Dunne said the scheme was ..., adding that ..." (a second speech verb), or "The
        company said it would close ..., blaming ..." (the reported clause's subject is the
        speaker again: a pronoun, or the same noun)."""
        head = tok.head
        if head.dep_ != "ccomp" or head.head.i != root.i or root.lemma_.lower() not in SPEECH_VERBS:
            return False
        if tok.lemma_.lower() in SPEECH_VERBS:
            return True
        said = next((c for c in root.children if c.dep_ == "nsubj"), None)
        inner = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if said is None or inner is None:
            return False
        if inner.lower_ in ("it", "they", "he", "she"):
            return bool((inner.lower_ == "they") == (said.tag_ in ("NNS", "NNPS")) or said.pos_ == "PRON")
        return bool(inner.lemma_.lower() == said.lemma_.lower())

    @staticmethod
    def _in_main_clause(node: Any, root: Any) -> bool:
        """Whether ``node`` belongs to the main clause with no subject of its own on the way up: a
        second verb of the same subject ("The storm brought ... and flooded ..., leaving ..."), an
        infinitive ("approved a plan to turn ..., drawing ...")."""
        while node.i != root.i:
            if _has_subject(node) or node.dep_ in ("ccomp", "relcl", "advcl", "parataxis", "csubj", "pcomp"):
                return False
            node = node.head
        return True

    @staticmethod
    def _participles(tok: Any) -> list[Any]:
        """``tok`` and the participles coordinated with it ("cutting ... and bringing ..."), in order."""
        out = [tok]
        node = tok
        while True:
            nxt = next((c for c in node.children if c.dep_ == "conj" and c.tag_ == "VBG" and c.i > node.i), None)
            if nxt is None or _has_subject(nxt):
                return out
            out.append(nxt)
            node = nxt

    def _participle_subject(self, tok: Any, root: Any, lemma: str) -> tuple[str, bool] | None:
        """Who does what a closing participle says, named for a new sentence: "This" for a result of
        the event ("..., raising hopes"), else the main clause's subject again."""
        speech = lemma in SPEECH_VERBS and any(c.dep_ == "ccomp" or c.lower_ in ("that", ":") for c in tok.children)
        if _result_verb(tok) and not speech:
            return "This", False
        subj = next((c for c in root.children if c.dep_ in (("nsubj",) if speech else ("nsubj", "nsubjpass"))), None)
        if subj is None:
            return None
        if subj.dep_ == "nsubjpass" and not speech and any(c.dep_ == "dobj" for c in tok.children):
            # "buildings are built along a bypass, converting it into a town road": who converts it is
            # the building, not the buildings; a passive's subject seldom does what follows
            return None
        if lemma in SPEECH_VERBS and subj.ent_type_ == "" and subj.pos_ == "NOUN" and \
                subj.lemma_.lower() not in SPEAKER_NOUNS:
            # "Sea temperatures hit a record, according to data from the observatory, sounding the
            # alarm on ..." -> not "They warned": things do not speak
            return None
        named = _named_again(subj)
        if named is None or (named[0] == "It" and lemma in SPEECH_VERBS and not speech) or not _agrees(named, root):
            return None
        return named

    def _at_participle(self, tok: Any, sent: Any, root: Any) -> tuple[int, int, str, str] | None:
        """A closing participial clause becomes a sentence of its own: "..., raising hopes of ..." ->
        ". This raised hopes of ..."; "Farmers drove ..., demanding ..." -> ". They demanded ...";
        "..., cutting X and bringing Y" -> ". It will cut X and bring Y"."""
        if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp"):
            return None
        shared = tok.head.i != root.i and not self._in_main_clause(tok.head, root)
        # a result hung by the parser on a clause of time ("... after rain fell, forcing the
        # evacuation of ...") is the whole event's: "This forced ..." whichever verb it hangs on
        of_event = (shared and _result_verb(tok) and tok.head.dep_ == "advcl"
                    and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in tok.head.children))
        if shared and not of_event and not self._shares_speaker(tok, root):
            return None
        if of_event:
            shared = False
        doc = sent.doc
        left = min(t.i for t in tok.subtree)
        comma = _prev(doc, left)
        if comma is None or comma.text != "," or max(t.i for t in tok.subtree) != _last_word(sent).i:
            return None
        # adverbs of the participle may come first: "..., finally bringing ..."
        lead = doc[left : tok.i]
        if any(t.dep_ != "advmod" or t.head.i != tok.i or t.tag_ != "RB" for t in lead) or len(lead) > 2:
            return None
        if _has_subject(tok) or any(
                t.lower_.endswith("ing") and t.tag_ in ("VBG", "NN", "JJ") and t.i > tok.i
                and _prev(doc, t.i).lower_ in ("and", "or", "but") and t not in self._participles(tok)
                for t in tok.subtree):
            # "..., drawing praise from clubs and easing fears" read as "clubs and easing fears": the
            # second participle would be left as it is ("It drew praise ... and easing fears")
            return None
        if not shared and root.lemma_.lower() in SPEECH_VERBS and _reported(tok):
            return None
        lemma = tok.lemma_.lower()
        if lemma in EMPTY_VERBS or lemma in PREPOSITION_PARTICIPLES:
            return None  # a comment (SEN002 offers to cut it), or a preposition ("following")
        named = self._participle_subject(tok, root, lemma)
        if named is None:
            return None
        subject, plural = named
        tense = _tense(root)
        if tense == "VBZ" and root.tag_ == "VBN" and _past_time(tok):
            tense = "VBD"  # "has taken a step ..., voting on Thursday" -> "It voted on Thursday"
        if shared or (lemma in SPEECH_VERBS and tense == "VBZ" and root.tag_ not in ("VBZ", "VBP")):
            tense = "VBD"  # attribution is in the past unless the main verb is plainly in the present
        chain = self._participles(tok)
        forms = [self._second_verb(p, tense, plural, root) for p in chain]
        if any(f is None for f in forms) or (subject == "I" and forms[0] == "is"):
            return None
        first = str(forms[0])
        perfect = next((c for c in root.children if c.dep_ == "aux" and c.lower_ in ("has", "have")), None)
        if (perfect is not None and root.tag_ == "VBN" and not tense.startswith("modal:")
                and not _past_time(tok)
                and subject != "This" and not lemmas_of(tok.lower_) & _INTENT_VERBS
                and (len(lead) or lemma not in SPEECH_VERBS)):
            # the perfect carries on: "has gone through ..., often facing ..." -> "It has often
            # faced ..."; "have broken up a ring, seizing ..." -> "They have seized ..." (a present
            # "They seize" would move the seizure out of the past); what was said stays in the
            # past, a result ("This offers a rare look") and an aim ("They hope to learn ...")
            # in the present
            made = [_like(inflect(_verb_lemma(p) or "", "VBN"), p, _verb_lemma(p) or "") for p in chain]
            if any(not m for m in made):
                return None
            forms = [f"{'have' if plural else 'has'} {made[0]}", *made[1:]]
            first = str(forms[0])
        if len(lead):
            words = first.split(" ", 1)
            first = f"{words[0]} {lead.text} {words[1]}" if len(words) == 2 else f"{lead.text} {first}"
        text = f". {subject} {first}"
        # the words between the participles stay as they are; each participle takes the verb's form
        for prev, p, form in zip(chain, chain[1:], forms[1:], strict=False):
            text += doc.text[prev.idx + len(prev.text) : p.idx] + str(form).split(" ")[-1]
        return comma.i, chain[-1].i, text, f"before ', {doc[comma.i + 1].text}'"

    @staticmethod
    def _second_verb(verb: Any, tense: str, plural: bool, root: Any) -> str | None:
        """``verb`` (a participle) as the verb of a new sentence in the main clause's time; a
        progressive main verb keeps its aspect ("are staying ..., betting" -> "They are betting")."""
        lemma = _verb_lemma(verb)
        if lemma is None:
            return None
        be = next((c for c in root.children if c.dep_ == "aux" and c.lemma_.lower() == "be"), None)
        if root.tag_ == "VBG" and be is not None and be.tag_ in ("VBZ", "VBP", "VBD"):
            past = be.tag_ == "VBD"
            return f"{('were' if plural else 'was') if past else ('are' if plural else 'is')} {verb.text}"
        return _like(_verb_form(lemma, tense, plural), verb, lemma)


__all__ = ["INFOS", "OPENER", "REPEAT", "SPLIT", "TAIL", "THERE", "StructureChecker"]


def plain_long_sentences(findings: list[Finding]) -> list[Finding]:
    """``findings`` with the SEN001 splits of plain sentences made display-only: a sentence of
    SPLIT_WORDS to LONG_WORDS words is split by ``fix --unsafe-fixes`` only when an inflated or wordy
    finding lies in it (plain news runs long sentences that read well; inflated ones gain most from
    a cut). The finding stays, so a person still sees where it would split."""
    marks = [(f.start, f.end) for f in findings if f.code.startswith(INFLATED_FAMILIES)]
    out = []
    for f in findings:
        if (f.code == SPLIT.code and f.fix is not None and int(f.data.get("words", LONG_WORDS + 1)) <= LONG_WORDS
                and not any(s < f.end and e > f.start for s, e in marks)):
            f = dataclasses.replace(f, fix=dataclasses.replace(
                f.fix, applicability=Applicability.DISPLAY_ONLY,
                why_not=f"a plain sentence of {f.data.get('words')} words; split it if it reads better"))
        out.append(f)
    return out
