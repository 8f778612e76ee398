"""Every edit is checked in its sentence: the bad patterns a copy editor found, as regression tests,
and the structural rewrites (SEN) with their exact output. The sentences are the project's own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _properties import assert_rewrite_properties
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rewriter import Config, analyze, rewrite
from rewriter.candidate import odd_case, sentence_problem
from rewriter.fix import finding_key, name_count
from rewriter.rules.structure import LONG_WORDS

SEN = Config(select=("SEN",))


def unsafe(text: str, config: Config | None = None) -> str:
    return rewrite(text, unsafe=True, config=config).text


# --- the word in its sentence ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "bad"),
    [
        ("The firm showed an innovative new product at the fair.", "new new"),  # doubled
        ("The app will facilitate easier booking for patients.", "ease easier"),  # near-repeat
        ("Crews will begin and commence the repairs in May.", "begin and begin"),  # doubled lemma
        ("A myriad of 12 stakeholders signed the letter.", "Many 12"),  # quantifier before a number
        ("The wind farm is a flagship project for the firm.", "a main project"),  # 'main' wants 'the'
    ],
)
def test_a_replacement_never_clashes_with_its_neighbours(given: str, bad: str) -> None:
    out = unsafe(given)
    assert bad.lower() not in out.lower(), out


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # a metaphor of motion is taken whole, never half-swapped ("drive ... into a hopeful path")
        ("The envoys want to propel the partnership towards a promising trajectory.",
         "The envoys want to drive the partnership forward."),
        ("The talks aim to propel the alliance into a promising trajectory of closer trade.",
         "The talks aim to drive the alliance towards closer trade."),
        ("The visit was meant to mend the bilateral rapport with its neighbour.",
         "The visit was meant to mend relations with its neighbour."),
    ],
)
def test_an_image_is_replaced_whole(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("The gallery reopened its doors on Saturday.", "The gallery reopened on Saturday."),
        # the longer phrase is taken whole ("threw open" is never left behind), a different sense is left
        ("The theatre threw open its doors on Friday.", "The theatre opened on Friday."),
        ("The museum will open its doors to refugees.", "The museum will open its doors to refugees."),
        ("A judge took careful account of every mitigating circumstance.",
         "A judge took careful account of every mitigating circumstance."),
    ],
)
def test_a_phrase_is_cut_only_where_it_is_empty(given: str, expected: str) -> None:
    assert unsafe(given) == expected


def test_a_replacement_is_not_echoed_in_its_sentence() -> None:
    text = ("Both sides amplify their resolute dedication to the talks, underlining their shared "
            "commitment to peace.")
    out = unsafe(text)
    assert out.lower().count("commitment") <= 1, out


def test_a_failed_default_falls_back_to_the_next_alternative() -> None:
    # 'firm commitment' would echo 'commitment': the second alternative of the entry is taken
    text = "The board restated its resolute dedication and its commitment to the plan."
    report = analyze(text)
    f = next(f for f in report.findings if f.data.get("observed") == "resolute dedication")
    assert f.fix is not None and f.fix.edits[0].replacement == "dedication"
    assert "resolute" not in unsafe(text)


def test_no_alternative_passes_means_display_only_with_the_reason() -> None:
    text = "The innovative and new tool and the original design won prizes."
    report = analyze(text)
    f = next(f for f in report.findings if f.data.get("observed") == "innovative")
    assert f.fix is not None and f.fix.applicability.label == "display-only"
    assert "new" in f.fix.why_not and "original" in f.fix.why_not
    result = rewrite(text, unsafe=True)
    assert "innovative" in result.text
    reasons = [s.reason for s in result.skipped if s.finding.data.get("observed") == "innovative"]
    assert reasons and reasons[0].startswith("needs a person: ")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("It is worth noting that pH levels rose in the lake.", "pH"),
        ("It is worth noting that mRNA vaccines were used.", "mRNA"),
        ("It is worth noting that iPhone sales fell.", "iPhone"),
    ],
)
def test_a_cut_never_recapitalises_a_word_of_unusual_case(given: str, kept: str) -> None:
    out = unsafe(given)
    assert kept in out and kept.upper() not in out.replace(kept, ""), out


def test_plural_of_a_mass_noun_is_refused(tmp_path: Path) -> None:
    house = tmp_path / "house.toml"
    house.write_text(
        'code = "HSE001"\nname = "house"\ncategory = "house"\nsummary = "house words"\n'
        "[[entry]]\nmatch = \"synergy\"\nreplace = [\"cooperation\", \"link\"]\nreason = \"jargon\"\n"
        'applicability = "unsafe"\nsource = "own"\n', encoding="utf-8")
    config = Config(select=("HSE",), extra_lexicons=(str(house),))
    out = rewrite("The synergies between the two firms were small.", unsafe=True, config=config).text
    assert "cooperations" not in out and "links" in out
    # the singular is fine
    assert "cooperation" in rewrite("The synergy was small.", unsafe=True, config=config).text


def test_a_chosen_alternative_gets_its_article_fixed() -> None:
    text = "The council drew up a holistic plan for the park."
    report = analyze(text)
    f = next(f for f in report.findings if f.data.get("observed") == "holistic")
    assert f.fix is not None and "overall" in f.fix.alternatives
    out = rewrite(text, accept={finding_key(f)}, choices={finding_key(f): "overall"}, report=report).text
    assert "an overall plan" in out, out


def test_heralded_after_be_is_hailed_not_signalled() -> None:
    out = unsafe("The striker was heralded by fans as the best in the league.")
    assert "hailed" in out and "signal" not in out


def test_hard_never_lands_before_its_verb() -> None:
    out = unsafe("The candidates have been tirelessly knocking on doors.")
    assert "hard knocking" not in out
    assert "worked hard" in unsafe("The volunteers worked tirelessly all week.")


def test_two_edits_that_clash_keep_only_the_first() -> None:
    # each swap is fine alone; together they would say 'changing' twice in one sentence
    text = "The evolving rules have gone through fluctuating phases this year."
    out = unsafe(text)
    assert out.lower().count("changing") <= 1, out


def test_sentence_problem_and_odd_case() -> None:
    assert sentence_problem("An old map.", "A old map.") is not None
    assert sentence_problem("The new plan.", "The new new plan.") is not None
    assert sentence_problem("They set a firm goal and a clear plan.", "They set a firm goal and a firm plan.")
    assert sentence_problem("The big plan.", "The broad plan.") is None
    assert odd_case("pH") and odd_case("mRNA") and odd_case("iPhone")
    assert not odd_case("Paris") and not odd_case("NATO") and not odd_case("plain")


def test_a_capital_at_a_sentence_start_does_not_count_as_a_name() -> None:
    assert name_count("Notably, the vote. Then Notably spoke.", "Notably") == 1
    assert name_count("Smith said so. Smith left.", "Smith") == 0
    assert name_count("He met Smith and Smith left.", "Smith") == 2
    assert name_count('"Smith is here," she said of Smith.', "Smith") == 1


def test_hypothesis_found_case_is_idempotent() -> None:
    text = "Notably, the the the Acme Corp the Notably, the bolstered."
    once = unsafe(text)
    assert unsafe(once) == once


# --- above the word (SEN) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "The county board approved the new budget for the coming year after a long and often heated "
            "debate in the council chamber on Monday night, and the mayor signed it into law at a short "
            "ceremony the next morning.",
            "The county board approved the new budget for the coming year after a long and often heated "
            "debate in the council chamber on Monday night. The mayor signed it into law at a short "
            "ceremony the next morning.",
        ),
        (
            "The river rose by almost two metres overnight after three days of heavy rain in the hills above "
            "the town and the valley; crews closed the lower bridge and moved the Saturday market to the "
            "school car park by the church.",
            "The river rose by almost two metres overnight after three days of heavy rain in the hills above "
            "the town and the valley. Crews closed the lower bridge and moved the Saturday market to the "
            "school car park by the church.",
        ),
        (
            "The central bank cut its main interest rate by half a point at its regular monthly meeting in "
            "the capital on Thursday afternoon, raising hopes of cheaper loans for families and small firms "
            "across the whole of the region.",
            "The central bank cut its main interest rate by half a point at its regular monthly meeting in "
            "the capital on Thursday afternoon. This raised hopes of cheaper loans for families and small "
            "firms across the whole of the region.",
        ),
        (
            "After months of delays, two public meetings and a long and bitter row over its cost, the county "
            "board on Monday finally approved the new library, which will open on the east side of town "
            "early next spring.",
            "After months of delays, two public meetings and a long and bitter row over its cost, the county "
            "board on Monday finally approved the new library. The library will open on the east side of "
            "town early next spring.",
        ),
        (
            "The city opened two new shelters for homeless families on Friday, underscoring its commitment "
            "to the most vulnerable.",
            "The city opened two new shelters for homeless families on Friday.",
        ),
        (
            "The club paid off its old debts this year, a testament to careful management.",
            "The club paid off its old debts this year.",
        ),
        (
            "In a significant development for local families, the council froze school fees.",
            "The council froze school fees.",
        ),
        (
            "In a move that signals its support for shops, the council froze parking fees.",
            "The council froze parking fees.",
        ),
    ],
)
def test_structural_rewrites(given: str, expected: str) -> None:
    assert unsafe(given, SEN) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the split would cut the attribution off the second half
        "The mayor said that the board had approved the new budget for the coming year after a very "
        "long debate, and that she would sign it into law at a short ceremony on Tuesday.",
        # a tail that names a place is kept (no name is ever lost)
        "The city opened two new shelters for homeless families on Friday, underscoring its commitment "
        "to Springfield.",
        # a tail with a number is kept
        "The team won the cup for the third time in a row on Sunday, marking 25 years since the club's "
        "founding.",
        # a participle that works as a preposition
        "Voters in the north of the county will go to the polls for the second time this year in "
        "November, following the resignation of the sitting member.",
        # a plain sentence of 32 words: its split ("This offers a rare look ...") is only shown
        "Astronomers at the observatory in the hills have taken a sharp new image of a distant cluster "
        "of galaxies, offering a rare look at the early universe.",
    ],
)
def test_structural_rewrites_leave_alone(text: str) -> None:
    assert unsafe(text, SEN) == text


def test_a_long_sentence_is_split_until_its_parts_are_short() -> None:
    text = ("The council approved the plan for the new park on the edge of town after a debate that "
            "ran late into the night, and the mayor signed it the next morning at a short ceremony in "
            "the town hall; building work will begin in the spring and should be finished by the "
            "autumn of next year.")
    out = unsafe(text, SEN)
    parts = [s for s in re.split(r"(?<=[.!?])\s+", out) if s]
    # split until no part is over LONG_WORDS (plain parts of 26-35 words are left to a person)
    assert len(parts) >= 2, out
    assert all(len(p.split()) <= LONG_WORDS for p in parts), out
    assert all(p[0].isupper() for p in parts)
    assert unsafe(out, SEN) == out


PLAIN_30 = ("The county board approved the new budget for the coming year after a long debate on Monday "
            "night, and the mayor signed it into law at a short ceremony the next morning.")


def test_a_plain_sentence_of_thirty_words_is_shown_a_split_but_not_split() -> None:
    f = next(f for f in analyze(PLAIN_30).findings if f.code == "SEN001")
    assert f.fix is not None and f.fix.applicability.label == "display-only"
    assert "plain sentence of 32 words" in f.fix.why_not
    assert unsafe(PLAIN_30) == PLAIN_30


def test_an_inflated_sentence_of_thirty_words_is_split() -> None:
    text = PLAIN_30.replace("a long debate", "a robust debate")
    f = next(f for f in analyze(text).findings if f.code == "SEN001")
    assert f.fix is not None and f.fix.applicability.label == "unsafe"
    out = unsafe(text)
    assert "Monday night. The mayor signed" in out and "robust" not in out


# --- properties -----------------------------------------------------------------------------------

CLAUSES = [
    "the council approved the new budget for the coming year after a long debate on Monday night",
    "the mayor signed the order at a short ceremony in the town hall the next morning",
    "crews closed the lower bridge over the river for most of the week",
    "the bank cut its main rate by half a point at its meeting in May",
    "Acme Corp opened a new plant near the old mill on the edge of town",
]
JOINS = [", and ", ", but ", "; ", ", raising hopes of cheaper loans for families across the region",
         ", underscoring its commitment to the town", ", a testament to careful planning", ", which will open in 2026",
         ". "]
OPENERS = ["", "In a landmark move, ", "In a significant development for the region, ", "Notably, "]


@st.composite
def long_sentences(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(1, 3))):
        first = draw(st.sampled_from(CLAUSES))
        join = draw(st.sampled_from(JOINS))
        second = draw(st.sampled_from(CLAUSES)) if join in (", and ", ", but ", "; ", ". ") else ""
        if join == ". ":
            second = second[0].upper() + second[1:]
        s = draw(st.sampled_from(OPENERS)) + first + join + second
        out.append(s[0].upper() + s[1:] + ".")
    return " ".join(out)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_sentences())
def test_structural_rewrite_properties(text: str) -> None:
    assert_rewrite_properties(text)


# --- spelling variety -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected_word", "wrong_word"),
    [
        ("Nestled in the heart of the old town, the gallery reopened. Its favourite room is grey.",
         "centre", "center"),
        ("Nestled in the heart of the old town, the gallery reopened. Its favorite room is gray.",
         "center", "centre"),
    ],
)
def test_a_replacement_is_spelled_as_the_draft_spells(given: str, expected_word: str, wrong_word: str) -> None:
    out = unsafe(given)
    assert expected_word in out and wrong_word not in out, out


def test_variety_needs_the_draft_to_lean_one_way() -> None:
    from rewriter.spelling import in_variety, variety

    assert variety("The colour of the neighbour's car.") == "gb"
    assert variety("The color of the neighbor's car.") == "us"
    assert variety("The colour and the color.") == "gb"  # one each: the variety used first
    assert variety("The color and the colour.") == "us"
    assert variety("A plain sentence.") is None
    assert in_variety("organize the center", "We organise the theatre festival.") == "organise the centre"
    assert in_variety("Center", "The centre and the colour.") == "Centre"
    assert in_variety("center", "Plain text.") == "center"  # no variety: unchanged


def test_a_capitalised_lexicon_adverb_is_not_a_name() -> None:
    # found by Hypothesis: 'Notably' in mid-sentence looked like a name to the first pass only
    text = "It is worth noting that Notably, the."
    once = unsafe(text)
    assert unsafe(once) == once
    assert "Notably" not in analyze(text).names


# --- passes after a refusal, cuts before a comma, clauses that can stand alone (issue 10) --------


def test_a_refused_long_cut_lets_the_word_inside_it_through() -> None:
    # the empty tail would lose a place name, so it stays; the inflated verb inside it is still fixed
    given = ("The port handled 6.1 million tonnes of cargo last year, a remarkable achievement that "
             "solidifies its position as a gateway for trade with Norway.")
    out = unsafe(given)
    assert "Norway" in out
    assert "strengthens its position" in out, out
    assert unsafe(out) == out


def test_a_phrase_that_ends_its_clause_is_cut_before_the_comma() -> None:
    given = ("The rail company apologised for any inconvenience caused, adding that a review of the "
             "signals was under way.")
    assert unsafe(given) == "The rail company apologised, adding that a review of the signals was under way."


def test_one_word_before_a_comma_is_not_cut_out_of_a_doubling() -> None:
    given = "The crowd was truly, truly delighted by the late goal on Saturday."
    assert ", ," not in unsafe(given)
    assert "was, " not in unsafe(given)


def test_a_conjunction_split_needs_a_clause_that_can_stand_alone() -> None:
    # "and others seeking ..." is a second object, not a clause: splitting there leaves a fragment
    text = ("Under its new rules the college will now consider applications from local students, and "
            "others seeking a place to study or work at the college, regardless of where they live or "
            "what they earn each year.")
    assert "Others seeking" not in unsafe(text, SEN)
    # a finite second clause still splits
    split = ("The bond issue will go to the state courts for a test of the new act in the spring, and "
             "then the sales will begin and contracts will be let for repairs on the busiest roads.")
    assert ". Then the sales will begin" in unsafe(split, SEN)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Shares in the firm soared on Monday after the results.",
         "Shares in the firm rose on Monday after the results."),
        ("The club has emerged as a key player in the league.",
         "The club has become a key player in the league."),
        ("She clinched the title in four sets.", "She won the title in four sets."),
        ("Delegates will discuss a list of pressing issues.", "Delegates will discuss a list of urgent issues."),
        ("Police are appealing to members of the public who saw the crash.",
         "Police are appealing to people who saw the crash."),
        ("The mayor will engage with residents at three meetings.",
         "The mayor will talk to residents at three meetings."),
        ("Leaders met for a high-level summit in Suva.", "Leaders met for a summit in Suva."),
        ("The town marked the milestone anniversary with a parade.", "The town marked the anniversary with a parade."),
        ("Teenage sensation Ada Berg etched her name into the history books on Sunday.",
         "Teenager Ada Berg made history on Sunday."),
        ("The cuts will hit the provision of youth services.", "The cuts will hit youth services."),
        ("The drive aims to reach every corner of the county.", "The drive aims to reach all of the county."),
    ],
)
def test_press_release_phrases_from_our_own_paragraphs(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    "text",
    [
        "An eagle soared above the valley at dawn.",
        "The prosecutor said the letter would clinch the case against him.",
        "Details emerged as the police searched the house.",
        "He kept pressing the issue with the mayor all night.",
        "The judge ruled that the provision of the act was void.",
        "She refused to engage with the argument.",
    ],
)
def test_press_release_phrases_leave_their_plain_senses_alone(text: str) -> None:
    assert unsafe(text) == text


def test_a_past_verb_with_its_own_subject_stays_past_tense() -> None:
    # "soared" heads a clause with a subject: the past tense "rose", never the participle "risen"
    assert unsafe("As prices soared in the spring, the council froze rents.") == \
        "As prices rose in the spring, the council froze rents."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # the speaker of a speech participle is named again: surname, person noun, or pronoun
        ("Then, when the case finally went to the jury late on Friday afternoon, the judge excused one of the "
         "jurors from the panel, saying the juror had told him he had been accosted by masked men.",
         "Then, when the case finally went to the jury late on Friday afternoon, the judge excused one of the "
         "jurors from the panel. The judge said the juror had told him he had been accosted by masked men."),
        ("Councillor Ray Dunne said the scheme represented a real change in the district's efforts to tackle "
         "the shortage of homes for young families, adding that it was essential that each new resident could "
         "see a doctor.",
         "Councillor Ray Dunne said the scheme represented a real change in the district's efforts to tackle "
         "the shortage of homes for young families. Dunne added that it was essential that each new resident "
         "could see a doctor."),
        # ", with X saying ..." -> ". X said ..."
        ("Officers made extensive enquiries throughout the day and are now appealing to anyone who may have "
         "seen the crash on the ring road to come forward, with Inspector Gail Morrow saying that road safety "
         "remains the force's first concern.",
         "Officers made extensive enquiries throughout the day and are now appealing to anyone who may have "
         "seen the crash on the ring road to come forward. Inspector Gail Morrow said that road safety "
         "remains the force's first concern."),
        # ", in what X called Y" -> ". X called it Y"; passive -> "It is ..."
        ("Leaders from 14 island nations gathered in Suva on Wednesday for a summit aimed at planning the next "
         "steps on money for coastal defences and farming, in what many observers hailed as a turning point "
         "for the region.",
         "Leaders from 14 island nations gathered in Suva on Wednesday for a summit aimed at planning the next "
         "steps on money for coastal defences and farming. Many observers hailed it as a turning point for "
         "the region."),
        ("Voters in the ward will head to the polls on 14 November in a by-election for the seat left by the "
         "retiring member of the council, in what is widely seen as a test for the governing coalition.",
         "Voters in the ward will head to the polls on 14 November in a by-election for the seat left by the "
         "retiring member of the council. It is widely seen as a test for the governing coalition."),
        # ", in a judgment that ..." -> ". The judgment ..."
        ("The High Court in Belfast on Thursday ruled that the department had acted unlawfully in its handling "
         "of the closure of the old footbridge over the river, in a judgment that is likely to have wide "
         "effects.",
         "The High Court in Belfast on Thursday ruled that the department had acted unlawfully in its handling "
         "of the closure of the old footbridge over the river. The judgment is likely to have wide effects."),
    ],
)
def test_long_sentences_split_where_news_copy_splits(given: str, expected: str) -> None:
    out = unsafe(given, SEN)
    assert out == expected
    assert unsafe(out, SEN) == out


@pytest.mark.parametrize(
    "text",
    [
        # "with many saying": no one to name
        "Thousands of people lined the streets of the old town for the parade on Saturday afternoon in the "
        "rain and the wind, with many saying it was the best in years.",
        # "in a way that": not a record of anything
        "The council has changed the rules for parking permits in the centre of town for the third time in "
        "two years, in a way that few residents expected.",
        # "adding to": a result, not speech, so "This added to ..."
        "Prices rose sharply across the region during the long dry summer that followed the floods of the "
        "spring before, adding to the strain on families already hit by high rents.",
    ],
)
def test_long_sentences_keep_what_has_no_plain_second_sentence(text: str) -> None:
    out = unsafe(text, SEN)
    assert "Many said" not in out and ". The way" not in out and "Prices added" not in out
    # what is offered, if anything: no seam at "with many" or "in a way that"; "adding to" is a
    # result ("This added to"), never a speaker
    offered = [e.replacement for f in analyze(text, SEN).findings if f.code == "SEN001" and f.fix
               for e in f.fix.edits]
    assert offered == ([". This added"] if "adding to" in text else [])


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("A retired official, familiar with the dynamics of trade talks, said the deal was close.",
         "A retired official, familiar with trade talks, said the deal was close."),
        ("Instances such as the raid on the compound strained the partnership.",
         "The raid on the compound strained the partnership."),
        ("The rise of the new government under the leadership of Ana Ruiz has eased tensions.",
         "The rise of the new government led by Ana Ruiz has eased tensions."),
        ("She warned that the sale might not be without difficulties.", "She warned that the sale might be difficult."),
        ("The talks were not without difficulties, the minister said.", "The talks were difficult, the minister said."),
    ],
)
def test_empty_openers_and_double_negatives(given: str, expected: str) -> None:
    assert unsafe(given) == expected


def test_instances_such_as_inside_a_phrase_is_left_alone() -> None:
    text = "The rules apply in instances such as a flood or a fire."
    assert unsafe(text) == text


def test_a_split_is_offered_when_the_cut_beside_it_is_turned_down() -> None:
    # cutting the closing comment would lose "Northern Europe": the sentence is split there instead
    given = ("The Port of Kilbrannan has reported its busiest year on record, handling 6.4 million tonnes of "
             "cargo in 2023, a remarkable feat that strengthens its place as a gateway for trade between "
             "Scotland and Northern Europe.")
    out = unsafe(given, SEN)
    assert "in 2023. The remarkable feat strengthens its place" in out, out
    assert "Northern Europe" in out


def test_a_split_keeps_an_organisation_whose_name_starts_with_the() -> None:
    given = ("The Met Office has issued an amber warning for the whole of the region from 6am to 9pm on Thursday, "
             "and the Environment Agency said it had put up temporary barriers in the town centre overnight.")
    out = unsafe(given, SEN)
    assert ". The Environment Agency said" in out, out


def test_who_after_a_named_person_in_a_phrase_is_split_off() -> None:
    given = ("A Crown Court judge in Leeds on Friday handed down a sentence of seven years to former finance "
             "director Martin Selby, who had taken about £2.3 million from a children's charity over five years.")
    assert unsafe(given, SEN).endswith("director Martin Selby. Selby had taken about £2.3 million from a "
                                       "children's charity over five years.")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Voters in the Marsden ward will head to the polls on 14 November in a by-election that is widely seen "
         "as a test for the governing coalition at the county hall, following the resignation of councillor "
         "Derek Haines.",
         "Voters in the Marsden ward will head to the polls on 14 November in a by-election that is widely seen "
         "as a test for the governing coalition at the county hall. This follows the resignation of councillor "
         "Derek Haines."),
        ("The council voted to close the old library on the corner of Mill Street and the high road in the east "
         "of the town last night after a long and heated debate, following months of protests by readers.",
         "The council voted to close the old library on the corner of Mill Street and the high road in the east "
         "of the town last night after a long and heated debate. This followed months of protests by readers."),
        ("The department store chain Hallett and Company has announced plans to cut its workforce across the "
         "north and the west of the country this year, with up to 1,200 roles set to be affected by the "
         "restructuring programme.",
         "The department store chain Hallett and Company has announced plans to cut its workforce across the "
         "north and the west of the country this year. Up to 1,200 roles are set to be affected by the "
         "restructuring programme."),
    ],
)
def test_closing_phrases_become_sentences(given: str, expected: str) -> None:
    out = unsafe(given, SEN)
    assert out == expected
    assert unsafe(out, SEN) == out


def test_following_as_a_plain_preposition_mid_sentence_is_left_alone() -> None:
    text = ("Following months of protests by readers, the council voted to keep the old library on the corner of "
            "Mill Street open for at least another five years.")
    assert unsafe(text, SEN) == text


def test_boasting_becomes_with_not_having() -> None:
    # "Having a line-up ..., the festival drew" reads as a cause; "With" is what an editor writes
    assert unsafe("Boasting a diverse line-up of local bands, the festival drew a record crowd.") == \
        "With a diverse line-up of local bands, the festival drew a record crowd."
    assert unsafe("The firm has grown fast, boasting a workforce of 210 people.") == \
        "The firm has grown fast, with a workforce of 210 people."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Storm Ada is set to batter the coast with gusts of up to 70mph.",
         "Storm Ada is set to hit the coast with gusts of up to 70mph."),
        ("Waiting lists have fallen dramatically this year.", "Waiting lists have fallen sharply this year."),
        ("The operator is slashing its timetable.", "The operator is cutting its timetable."),
        ("A group of intrepid walkers raised £4,000.", "A group of brave walkers raised £4,000."),
        ("The choir raised a staggering £48,600 for the hospice.", "The choir raised £48,600 for the hospice."),
        ("The theatre threw open its doors on Friday.", "The theatre opened on Friday."),
        ("The restoration will breathe new life into the old mill.", "The restoration will revive the old mill."),
        ("Police have launched a crackdown on speeding.", "Police have cracked down on speeding."),
        ("A spate of thefts has hit the town.", "A series of thefts has hit the town."),
        ("The road will stay shut for the foreseeable future.", "The road will stay shut for now."),
        ("The MP has thrown her weight behind the campaign.", "The MP has backed the campaign."),
        ("The plan flies in the face of the evidence.", "The plan defies the evidence."),
        ("Upwards of 300 people attended.", "More than 300 people attended."),
        ("The rules apply with effect from 6 April.", "The rules apply from 6 April."),
        ("The scheme will save north of £1 million per annum.", "The scheme will save more than £1 million a year."),
        ("The find could potentially change the way in which farmers work.",
         "The find could change how farmers work."),
        ("The win brings to an end a 27-year wait.", "The win ends a 27-year wait."),
        ("The chain will shutter four stores amid mounting losses.",
         "The chain will close four stores amid growing losses."),
        ("Commuters have been left fuming after the changes.", "Commuters have been left angry after the changes."),
        ("The firm employs a workforce of 420 people.", "The firm employs 420 people."),
        ("The bridge is slated for completion in 2027.", "The bridge is due to be finished in 2027."),
        ("It was a pulsating final.", "It was an exciting final."),
    ],
)
def test_news_inflation_after_the_first_held_out_set(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The batter hit the ball over the fence.",
        "Farmers say blight has cost them dearly.",
        "The crowd surged forward when the gates opened.",
        "The staircase spirals down to the cellar.",
        "The report was long-awaited.",
        "She signed the form on the back of the envelope.",
        "The university will confer degrees on Friday.",
        "Prices could spiral out of control.",
    ],
)
def test_news_inflation_entries_leave_plain_senses_alone(text: str) -> None:
    assert unsafe(text) == text


def test_an_organisation_that_speaks_is_it_in_the_second_sentence() -> None:
    given = ("The Met Office has issued an amber warning for the whole of the north-west of England and most of "
             "Wales for Thursday and Friday, cautioning that there is a risk of power cuts and travel disruption.")
    assert unsafe(given, SEN) == (
        "The Met Office has issued an amber warning for the whole of the north-west of England and most of Wales "
        "for Thursday and Friday. It cautioned that there is a risk of power cuts and travel disruption.")


def test_with_and_a_participle_takes_the_main_verbs_time() -> None:
    past = ("The software firm Kelvinbright in Glasgow has delivered a strong set of annual results for the year to "
            "the end of March, with revenue rising 31% to £64.8 million on demand for its payroll platform from "
            "small firms.")
    assert ". Revenue rose 31% to £64.8 million" in unsafe(past, SEN)
    future = ("The replacement of the Route 9 bridge over the Tannery River in Eastbrook will begin next month "
              "after years of delay and argument in the town, with state officials promoting the $46 million "
              "project as vital.")
    assert ". State officials are promoting the $46 million project" in unsafe(future, SEN)


def test_an_adverb_of_degree_never_lands_before_a_noun() -> None:
    out = unsafe("Residents called the vote a very pivotal moment for the town.")
    assert "very turning point" not in out


def test_which_as_the_object_of_its_clause_is_not_split_off() -> None:
    text = ("Many residents oppose the plan, which the council, after a long and at times heated debate that ran "
            "late into the night, finally approved by a narrow margin of five votes to four.")
    out = unsafe(text, SEN)
    assert ". The plan the council" not in out
    assert out == text


@pytest.mark.parametrize(
    ("given", "expected_part"),
    [
        ("Scientists at the University of Dunmore have found a gene in a wild Peruvian potato that could help "
         "farmers in the west tackle potato blight, a disease that costs growers an estimated £3.5 billion "
         "worldwide each year.",
         "tackle potato blight. The disease costs growers an estimated £3.5 billion"),
        ("The operator said the cuts to the timetable were needed because it was facing a shortage of "
         "qualified drivers across the whole of its network this year, and insisted that it remained committed "
         "to its customers.",
         "this year. It insisted that it remained committed"),
        ("The mayor opened the new library on the corner of Mill Street and the high road on Saturday morning "
         "in front of a crowd of about 200 people, and thanked the volunteers who had raised the money.",
         "about 200 people. The mayor thanked the volunteers"),
    ],
)
def test_appositions_and_second_verbs_become_sentences(given: str, expected_part: str) -> None:
    out = unsafe(given, SEN)
    assert expected_part in out, out
    assert unsafe(out, SEN) == out


def test_a_second_verb_with_a_plural_subject_is_not_it() -> None:
    text = ("The two firms signed the deal for the new stadium on the edge of the old town at a short ceremony "
            "in the council chamber on Monday afternoon, and shook hands in front of the cameras.")
    assert ". It shook" not in unsafe(text, SEN)


def test_a_sentence_with_a_quotation_splits_after_it() -> None:
    given = ("\u201cIt's not a finished product, but it is a real step,\u201d said lead author Professor Hana "
             "Lindqvist, who stressed that the findings open up many possibilities for storing power on the grid "
             "for long periods.")
    out = unsafe(given, SEN)
    assert out == ("\u201cIt's not a finished product, but it is a real step,\u201d said lead author Professor Hana "
                   "Lindqvist. Lindqvist stressed that the findings open up many possibilities for storing power "
                   "on the grid for long periods.")


def test_an_open_quotation_stops_any_split() -> None:
    text = ("\u201cWe will not give up on this town, said the mayor at the opening of the new library on the corner "
            "of Mill Street on Saturday, who thanked the volunteers who had raised the money for the books.")
    assert unsafe(text, SEN) == text


def test_an_initial_is_never_named_as_the_subject_of_a_second_sentence() -> None:
    text = ("Gaining her second straight win, Norman B. Small's filly Garden Fresh, a 3-year-old, beat the colts in "
            "the $4,500 St. Patrick's Day Purse, the featured seventh race here today, and paid $7.20 to win.")
    assert ". B. paid" not in unsafe(text, SEN)


def test_an_opener_that_only_says_how_people_felt_is_cut() -> None:
    assert unsafe("In a case that shocked the close-knit community, a judge on Monday jailed a builder for 3 years.",
                  SEN) == "A judge on Monday jailed a builder for 3 years."
    kept = "In a case that could affect thousands of tenants, the court ruled that the fees were unlawful."
    assert unsafe(kept, SEN) == kept


def test_a_name_at_a_sentence_start_is_a_name_when_the_paragraph_says_so() -> None:
    text = "Harbinger rose 4% on Monday. Shares in Harbinger have doubled this year."
    assert unsafe(text) == text
    assert unsafe("Harbinger of doom, the storm came early.").startswith("Sign of doom")


def test_a_closing_decision_clause_becomes_the_decision_sentence() -> None:
    given = ("Councillors in the district voted 22 to 11 at the town hall on Thursday night to approve the new "
             "scheme for bins and recycling, a decision that is expected to save the council about £1.1 million a "
             "year.")
    assert unsafe(given, SEN).endswith("recycling. The decision is expected to save the council about £1.1 million "
                                       "a year.")


def test_north_of_after_a_noun_is_left_alone() -> None:
    assert "savings more than" not in unsafe("The plan will bring savings north of £1.1 million.")
    assert unsafe("The house sold for north of £2 million.") == "The house sold for more than £2 million."


@pytest.mark.parametrize(
    ("given", "expected_part"),
    [
        ("Residents of the Severn Valley and the hills to the west of the river are being urged to stay alert "
         "this week, as Storm Imogen is set to bring heavy rain and winds of up to 70mph to the region on Thursday.",
         "stay alert this week. Storm Imogen is set to bring heavy rain"),
        ("Health officials in Glenmore have launched a vaccination drive across every school and surgery in the "
         "county and the city this month, amid growing concern about a sharp rise in measles cases among young "
         "children in the towns.",
         "this month. This comes amid growing concern about a sharp rise in measles cases"),
        ("The council will spend £3 million on new cycle lanes and crossings in the centre of the town and on "
         "the main roads into it over the next two years, as part of a plan to cut traffic.",
         "the next two years. It is part of a plan to cut traffic."),
    ],
)
def test_closing_context_becomes_its_own_sentence(given: str, expected_part: str) -> None:
    out = unsafe(given, SEN)
    assert expected_part in out, out
    assert unsafe(out, SEN) == out


def test_as_in_other_senses_is_not_a_seam() -> None:
    text = ("The council will spend £3 million on new cycle lanes and crossings in the centre of the town and on "
            "the main roads into it over the next two years, as well as a new bridge over the river for walkers.")
    assert unsafe(text, SEN) == text


def test_say_never_lands_twice_in_one_sentence() -> None:
    text = "Noting that the town had lost its biggest plant, he said industry would not come back soon."
    assert "Saying" not in unsafe(text)


def test_slash_is_cut_only_of_money_jobs_and_services() -> None:
    assert unsafe("In the fifth, Wally Post slashed a 2-run homer off the reliever.") == \
        "In the fifth, Wally Post slashed a 2-run homer off the reliever."
    assert unsafe("The firm slashed prices by 10%.") == "The firm cut prices by 10%."


def test_hardware_is_equipment() -> None:
    assert unsafe("The law covers the sale of military equipment and hardware to allies.") == \
        "The law covers the sale of military equipment to allies."


@pytest.mark.parametrize(
    "text",
    [
        "The principle is commendable, but the plan is not.",
        "A budget of $5 billion was envisioned for the 1970s.",
        "The singer has a warm rapport with his audience.",
        "A total of 1,500 people attended the match.",
        "Every single one of them was sold by noon.",
        "The earth rests on the backs of three elephants.",
        "It is not clear who emerges as the main character.",
    ],
)
def test_plain_news_senses_stay_plain(text: str) -> None:
    assert unsafe(text) == text


def test_the_press_release_senses_still_change() -> None:
    assert unsafe("Sales rose on the back of strong demand.") == "Sales rose because of strong demand."
    assert unsafe("The firm employs a total of 400 people.") == "The firm employs 400 people."


def test_hypothesis_found_entity_flip_at_a_sentence_start_is_idempotent() -> None:
    # the small model calls "Bolstered council harbinger" an entity and "Bolstered council sign" not:
    # the verdict must not hang on that guess
    out = unsafe("The the. Bolstered council harbinger.")
    assert unsafe(out) == out


def test_a_name_that_opens_a_sentence_in_capitals_is_kept() -> None:
    assert unsafe("Novel Industries said profits rose.") == "Novel Industries said profits rose."


def test_a_paragraph_start_counts_as_a_sentence_start_for_the_filters() -> None:
    # NWS002 'however' needs "." before it: the first sentence of a paragraph has it too
    first = analyze("However, the town voted on Monday to keep the pool open.")
    later = analyze("The pool was to close. However, the town voted on Monday to keep it open.")
    assert any(f.code == "NWS002" and str(f.data.get("observed")).startswith("However") for f in first.findings)
    assert any(f.code == "NWS002" and str(f.data.get("observed")).startswith("However") for f in later.findings)


def test_hypothesis_found_sentence_guess_flip_is_idempotent() -> None:
    out = unsafe("The the. Harbinger harbinger Notably, harbinger.")
    assert unsafe(out) == out


def test_hypothesis_found_sentence_check_refusal_is_retried() -> None:
    out = unsafe("Harbinger harbinger it is worth noting that harbinger.")
    assert unsafe(out) == out


def test_a_formal_connective_takes_its_comma_with_it() -> None:
    assert unsafe("However, the jury said it was fine.") == "But the jury said it was fine."
    assert unsafe("The rule held. Therefore, the plan stands.") == "The rule held. So the plan stands."
    assert unsafe("It was, however, late.") == "It was, however, late."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # found reading the Brown press edits: each of these made plain copy worse
        ("He operates the helm of the state.", "He operates the helm of the state."),  # not "runs the helm"
        ("She operates the bakery on Main Street.", "She runs the bakery on Main Street."),
        ("Consequently, it is unclear.", "So it is unclear."),  # the comma goes with the word
        ("The countries allocated more than $1 billion in aid.",
         "The countries allocated more than $1 billion in aid."),  # not "divided": shown, not changed
        ("The estate will comprise 300 homes.", "The estate will comprise 300 homes."),  # not "form"
        ("He collaborated with many singers.", "He worked with many singers."),  # not "worked together with"
        ("They used the modified rocket.", "They used the modified rocket."),  # an adjective, not "changed"
        ("The club modified its rules.", "The club changed its rules."),
        ("If anybody solicits by phone, hang up.",
         "If anybody solicits by phone, hang up."),  # "asks for" needs an object
        ("Regarding the new airport, the jury made a plan.", "On the new airport, the jury made a plan."),
        ("He wrote to the mayor regarding the plan.", "He wrote to the mayor about the plan."),
    ],
)
def test_formal_words_that_read_worse_replaced_are_left_or_fixed_in_their_frame(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # a one-syllable replacement takes -er/-est instead of keeping "more"/"most"
        ("Engineers want to build more resilient bridges along the coast road.",
         "Engineers want to build tougher bridges along the coast road."),
        ("More resilient crops are needed, the minister said.", "Tougher crops are needed, the minister said."),
        # a longer replacement keeps "more"
        ("It was the most intricate design the jury had seen.", "It was the most complex design the jury had seen."),
    ],
)
def test_a_replaced_adjective_after_more_or_most_is_compared_the_way_english_compares_it(
        given: str, expected: str) -> None:
    out = unsafe(given)
    assert out == expected
    assert "more tough" not in out.lower()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("We are thrilled to announce that the Delmar Library will reopen on Monday.",
         "The Delmar Library will reopen on Monday."),
        ("We are pleased to announce that our two clinics have merged.", "Our two clinics have merged."),
        ("The mayor had praised the levy as a cornerstone of her plan for the parks.",
         "The mayor had praised the levy as central to her plan for the parks."),
        ("The ruling paved the way for a new vote in the spring.", "The ruling led to a new vote in the spring."),
    ],
)
def test_press_release_openers_and_whole_figures_are_replaced_whole(given: str, expected: str) -> None:
    assert unsafe(given) == expected


def _offered_split(text: str) -> str:
    fixes = [f.fix for f in analyze(text, SEN).findings if f.code == "SEN001" and f.fix is not None]
    assert fixes, text
    return fixes[0].edits[0].replacement


def test_a_participle_after_a_present_perfect_keeps_the_event_in_the_past() -> None:
    given = ("Investigators in three counties have dismantled a large ring of car thieves operating across the state "
             "line, seizing more than 40 stolen vehicles and vans from a warehouse near the river.")
    assert _offered_split(given) == ". They have seized"
    # a finished time takes the past: "They have seized ... on Tuesday" is no English
    dated = given.replace("near the river.", "near the river on Tuesday.")
    assert _offered_split(dated) == ". They seized"
    # an aim goes on
    aim = ("Volunteers at the reserve have ringed more than two hundred young owls in the woods over the past four "
           "winters, hoping to learn where the birds go in the spring.")
    assert _offered_split(aim) == ". They hope"
    # and so does a state
    state = ("Founded in 2011, the Marlpit bakery has grown into one of the biggest employers in the valley towns, "
             "boasting a staff of 140 bakers and drivers across its five shops.")
    assert _offered_split(state) == ". It boasts"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # the verb after the phrase is taken along in its base form
        ("The trust will open 8 clinics this year, with a view to adding more should the pilot work.",
         "The trust will open 8 clinics this year, to add more should the pilot work."),
        ("The new ward has been instrumental in cutting waiting times at the hospital.",
         "The new ward has helped cut waiting times at the hospital."),
        ("The board met on Friday with the aim of settling the dispute.",
         "The board met on Friday to settle the dispute."),
        # no -ing verb: the next alternative, or no change ("to a sale" would not be English)
        ("The striker was instrumental in the win at Dunmore.", "The striker was key to the win at Dunmore."),
        ("The family bought the farm with a view to a sale.", "The family bought the farm with a view to a sale."),
    ],
)
def test_a_phrase_that_governs_an_ing_verb_is_replaced_with_the_verb_adapted(given: str, expected: str) -> None:
    assert unsafe(given) == expected


def test_a_long_subject_naming_a_meeting_says_first_who_met() -> None:
    given = ("The two towns agreed on a plan. A recent summit between the prime minister of Norway, Jonas Dahl, "
             "and the president of Chile, Ana Rojas, produced a pact on fishing rights in the south.")
    replacement = _offered_split(given)
    assert replacement == ("The prime minister of Norway, Jonas Dahl, and the president of Chile, Ana Rojas, met "
                           "recently. The summit")
    out = rewrite(given, unsafe=True, accept=[finding_key(f) for f in analyze(given, SEN).findings]).text
    # the space before the rewritten sentence is kept
    assert out.startswith("The two towns agreed on a plan. The prime minister of Norway"), out


@pytest.mark.parametrize(
    "given",
    [
        # a planned meeting has not happened
        ("A meeting between the mayor of Dunmore, Jo Bell, and the head of the county water board, Al Roy, "
         "will take place on Monday at the town hall to settle the price of water for the year."),
        # no "recent" and a present verb: not known to have happened
        ("A summit between the prime minister of Norway, Jonas Dahl, and the president of Chile, Ana Rojas, "
         "offers a chance to settle the long row over fishing rights in the south."),
    ],
)
def test_a_meeting_not_known_to_have_happened_is_not_said_to_have(given: str) -> None:
    offered = [f.fix.edits[0].replacement for f in analyze(given, SEN).findings if f.code == "SEN001" and f.fix]
    assert not any(" met" in r for r in offered), offered


def test_an_acronym_moved_to_the_front_of_a_sentence_is_still_counted() -> None:
    assert name_count("Talks went well. US officials met.", "US") == 1
    assert name_count("Notably, rates rose.", "Notably") == 0


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # "notify X of Y": "let know" would split from its object ("let know the UN")
        ("In 2011 the country formally notified the UN of its exit from the treaty.",
         "In 2011 the country formally told the UN of its exit from the treaty."),
        # a verb with an adjective after its object takes "make", never "give"
        ("The ruling renders that consent unnecessary for the agency.",
         "The ruling makes that consent unnecessary for the agency."),
        # "perfectly feasible" -> "perfectly possible", not "perfectly can be done"
        ("The engineers say the mission is perfectly feasible.",
         "The engineers say the mission is perfectly possible."),
        # after a noun, a past form read as a modifier may be the main verb: no guess between
        # "gave" and "given"
        ("The firm rendered services to the county.", "The firm rendered services to the county."),
        # ... while after a preposition it is a modifier
        ("The pact is a channel for bolstered military cooperation.",
         "The pact is a channel for strengthened military cooperation."),
    ],
)
def test_a_replacement_keeps_the_frame_of_the_word_it_replaces(given: str, expected: str) -> None:
    assert unsafe(given) == expected


def test_a_list_item_after_a_semicolon_is_not_made_a_sentence() -> None:
    given = ("The bill would make several changes to oversight of the agency, including requiring an annual public "
             "report on the number of searches of the phone records; establishing criminal penalties of up to ten "
             "years for misuse of the data; and limiting the number of staff who may search the records.")
    offered = [f.fix.edits[0].replacement for f in analyze(given, SEN).findings if f.code == "SEN001" and f.fix]
    assert ". Establishing" not in offered and ". Limiting" not in offered, offered


def test_a_physical_act_after_a_comment_verb_is_not_cut_as_a_comment() -> None:
    given = ("High on the hill above the town, three large mirrors track the sun across the sky all day, "
             "reflecting its rays down on to the square below.")
    assert not [f for f in analyze(given, SEN).findings if f.code == "SEN002"]
    comment = ("The council approved the plan for the square on Monday, reflecting the growing concern of "
               "residents about traffic.")
    assert [f for f in analyze(comment, SEN).findings if f.code == "SEN002"]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # "occurs as a powder" means "is found as": 'happens' would be wrong
        ("In its pure form, the salt occurs as a white powder.",
         "In its pure form, the salt occurs as a white powder."),
        ("The collision occurred on Monday near the pier.", "The collision happened on Monday near the pier."),
        # a helicopter is an aircraft and no plane: shown, not changed
        ("Two aircraft circled the harbour at dawn.", "Two aircraft circled the harbour at dawn."),
    ],
)
def test_a_plain_word_keeps_its_sense(given: str, expected: str) -> None:
    assert unsafe(given) == expected


def test_a_passive_subject_is_not_made_the_doer_of_a_closing_participle() -> None:
    given = ("If there are no strong planning rules, shops are built along a ring road, turning it into an ordinary "
             "high street, and the ring road may soon become as busy as the streets it was meant to relieve.")
    out = unsafe(given)
    assert "They turn it" not in out, out
    assert "shops are built along a ring road, turning it into an ordinary high street." in out, out


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("The mayor was named the recipient of a civic award last spring.",
         "The mayor won a civic award last spring."),
        ("Neighbors rallied together to rebuild the barn.", "Neighbors rallied to rebuild the barn."),
        ("Officials said they were cautiously optimistic about the talks.",
         "Officials said they were hopeful about the talks."),
        ("The firm painstakingly restored the mural.", "The firm carefully restored the mural."),
        # a tail that only comments on the figure before it goes
        ("Sales rose 4 percent in March, a figure that paints a picture of steady demand.",
         "Sales rose 4 percent in March."),
    ],
)
def test_stock_phrases_of_announcements_are_replaced_whole(given: str, expected: str) -> None:
    assert unsafe(given) == expected


def test_a_figure_with_a_tail_that_states_a_fact_is_kept() -> None:
    # the relative clause names who holds the figure: it carries news and must stay
    given = "Sales rose 4 percent in March, a figure that the bank confirmed on Friday."
    assert unsafe(given) == given


def test_a_split_names_a_hyphenated_surname_whole() -> None:
    given = ("Board chair Felix Montrose-Ade said the orchestra remains steadfastly committed to its mission of "
             "bringing world-class music to audiences of all ages, and that it will redouble its efforts to court new "
             "donors.")
    out = unsafe(given)
    assert "Montrose-Ade said that it will" in out, out
    assert " Ade said" not in out, out


def test_a_company_read_as_a_person_is_it_on_second_reference() -> None:
    # "Home" is no surname: the noun before the name says it is a company
    given = ("Struggling furniture retailer Oakhaven Home filed for bankruptcy protection on Wednesday, capping a "
             "dramatic fall from grace for a brand that was once a household name across the Midwest.")
    out = unsafe(given)
    assert "Home capped" not in out, out
    assert "Wednesday. It capped" in out, out


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # "due for" means "in need of": a date is set
        ("Sentencing is slated for March 14.", "Sentencing is set for March 14."),
        # the replacement in the American spelling of the rest of the lexicon
        ("The choir masterfully sang the hymn.", "The choir skillfully sang the hymn."),
        ("The new wing is a crown jewel of the city's arts scene.",
         "The new wing is a highlight of the city's arts scene."),
        # only a person can say what a merger's "synergies" are, or what drove a "labor of love"
        ("The merger is expected to unlock synergies.", "The merger is expected to unlock synergies."),
        ("The quilt was a labor of love.", "The quilt was a labor of love."),
    ],
)
def test_replacements_a_copy_editor_kept_on_the_dev4_reading(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("The grant will be leveraged to repair the roof.", "The grant will be used to repair the roof."),
        ("The app aims to transform the way farmers sell grain.", "The app aims to change how farmers sell grain."),
        ("The club has made the difficult decision to close its youth team.",
         "The club has decided to close its youth team."),
        ("The coach praised the volunteers for going above and beyond.",
         "The coach praised the volunteers for doing more than asked."),
        # the noun is a stock image; the verb "fell from grace" is left for a person
        ("The verdict ends a swift fall from grace for the banker.",
         "The verdict ends a swift downfall for the banker."),
        ("The banker fell from grace within a year.", "The banker fell from grace within a year."),
        ("New measures aimed at helping renters were passed.", "New measures to help renters were passed."),
        # a passive "is aimed at" and a clause set off by commas keep their words; so does a target
        ("The rules are aimed at cutting waste.", "The rules are aimed at cutting waste."),
        ("The campaign, aimed at reducing waste, starts Monday.",
         "The campaign, aimed at reducing waste, starts Monday."),
        ("He fired a shot aimed at the goal.", "He fired a shot aimed at the goal."),
        # the whole verb phrase, so no "go back to the start"
        ("The designers went back to the drawing board after the test.",
         "The designers started over after the test."),
    ],
)
def test_stock_frames_read_in_the_dev4_misses_are_replaced_whole(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # the name now opens the sentence and is still there: the cut loses nothing
        ("In a landmark move, Acme cut its prices by half on Monday.", "Acme cut its prices by half on Monday."),
        ("A pivotal moment in the dispute came as Norway agreed to reopen the fishing grounds.",
         "Norway agreed to reopen the fishing grounds."),
    ],
)
def test_a_cut_that_moves_a_name_to_the_front_keeps_it(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # a euphemism for killing, only when the object is a person; a tax is still eliminated
        ("Troops moved in to eliminate Osama bin Laden in 2011.", "Troops moved in to kill Osama bin Laden in 2011."),
        ("The plan would eliminate the fuel tax.", "The plan would eliminate the fuel tax."),
        # 'potentially' goes only where the sentence has already said it may happen
        ("A possible deal would allow the club to potentially sign two players.",
         "A possible deal would allow the club to sign two players."),
        ("The storm is potentially deadly.", "The storm is potentially deadly."),
        ("In May the potentially deadly storm hit.", "In May the potentially deadly storm hit."),  # the month
        # the opener only
        ("Historically, the port has handled grain.", "In the past, the port has handled grain."),
        ("Rates are historically low this year.", "Rates are historically low this year."),
        # a speech verb with 'that'; the noun and other uses stay
        ("A police spokesman cautions that roads are icy.", "A police spokesman warns that roads are icy."),
        ("Drivers should use caution on the bridge.", "Drivers should use caution on the bridge."),
        # active scolding, not formal discipline
        ("The coach reprimanded the players for their late arrival.",
         "The coach scolded the players for their late arrival."),
        ("The officer was reprimanded for the error.", "The officer was reprimanded for the error."),
        ("The ruling firmly cemented her place in the record books.",
         "The ruling secured her place in the record books."),
        ("The raid amplified tensions along the border.", "The raid raised tensions along the border."),
        # a plural that 'cooperation' cannot take goes to 'relations'
        ("She knows Franco-German interactions well.", "She knows Franco-German relations well."),
        ("The two sides differ on security-related matters.", "The two sides differ on security."),
        ("A possible way emerges for the city to sell the old depot.", "The city may sell the old depot."),
        ("An opportunity arose for local firms to bid on the bridge contract.",
         "Local firms could bid on the bridge contract."),
        # dev4 misses: stock verb phrases taken whole, an opener, a jargon noun
        ("The club said it will redouble its efforts to find a coach.",
         "The club said it will try harder to find a coach."),
        ("Parents mounted a fierce campaign against the closure.", "Parents campaigned hard against the closure."),
        ("In the face of rising costs, the bakery raised its prices.",
         "Facing rising costs, the bakery raised its prices."),
        ("The driver stayed calm in the face of the crowd.", "The driver stayed calm in the face of the crowd."),
        ("The manager praised the team for operational excellence.", "The manager praised the team for efficiency."),
        # the tagger calls "leverages" a plural noun; 'leverage' the noun has no plural
        ("The new scanner leverages cheap sensors.", "The new scanner uses cheap sensors."),
        ("Banks cut their leverage last year.", "Banks cut their leverage last year."),
    ],
)
def test_entries_and_rules_for_the_seed_misses(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # a result the parser hangs on a clause of time is the whole event's: "This forced ..."
        ("The river burst its banks on Sunday after heavy rain fell across the valley for most of the weekend, "
         "forcing the closure of two bridges and several roads.",
         "The river burst its banks on Sunday after heavy rain fell across the valley for most of the weekend. "
         "This forced the closure of two bridges and several roads."),
        ("Snow fell across the hills overnight as the cold front moved in from the north on Friday, turning quiet "
         "lanes into skating rinks for the morning commute.",
         "Snow fell across the hills overnight as the cold front moved in from the north on Friday. This turned "
         "quiet lanes into skating rinks for the morning commute."),
        # 'agreed to pay' is an act, not a report: the closing result splits off
        ("The county has agreed to pay $40,000 to a cyclist who was hurt by a falling branch in the park last "
         "spring, ending a dispute that had dragged on for a year.",
         "The county has agreed to pay $40,000 to a cyclist who was hurt by a falling branch in the park last "
         "spring. This ends a dispute that had dragged on for a year."),
    ],
)
def test_a_closing_result_splits_off_whichever_clause_the_parser_hangs_it_on(given: str, expected: str) -> None:
    splits = [f for f in analyze(given, SEN).findings if f.code == "SEN001"]
    assert len(splits) == 1, splits
    edit = splits[0].fix.edits[0]
    assert given[: edit.start] + edit.replacement + given[edit.end :] == expected


def test_turning_to_someone_is_no_result() -> None:
    text = ("She spoke to reporters at length after the match ended in a draw on Sunday evening, turning to the "
            "crowd to wave goodbye before she left the ground.")
    assert not any(f.code == "SEN001" and "This turned" in f.fix.edits[0].replacement
                   for f in analyze(text, SEN).findings if f.fix)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # a replacement that is not a verb never takes a verb's ending ("urgenting effort")
        ("Crews are racing against the clock to clear the line.", "Crews are rushing to clear the line."),
        # a verb is replaced by a verb: "We effort to ..." is no English; the noun takes 'effort'
        ("We endeavor to answer every letter.", "We attempt to answer every letter."),
        ("The loan will fund the endeavor.", "The loan will fund the effort."),
        # 'hard' only follows its verb; before it the adverb is cut
        ("The mayor, who has tirelessly championed the plan, spoke first.",
         "The mayor, who has backed the plan, spoke first."),
        ("Volunteers worked tirelessly to clear the snow.", "Volunteers worked hard to clear the snow."),
        # 'survive' takes no 'of'
        ("The grant helps the club weather the storm of rising rents.",
         "The grant helps the club weather the storm of rising rents."),
        # a theatre's autumn season is its programme, not the time of year
        ("Tickets go on sale for the theatre's autumn season next week.",
         "Tickets go on sale for the theatre's autumn season next week."),
        # the closing image goes with its comma
        ("The storm toppled dozens of trees, leaving a trail of devastation in its wake.",
         "The storm toppled dozens of trees."),
        # 'leading' cannot follow 'places the city squarely'
        ("The law places the city squarely on the cutting edge of the fight against litter.",
         "The law places the city squarely at the front of the fight against litter."),
    ],
)
def test_edits_a_copy_editor_undid_on_dev5(given: str, expected: str) -> None:
    assert unsafe(given) == expected


def test_an_agent_opening_something_is_no_result() -> None:
    # "opening three clinics" is the department's act, not a result: "It has opened", not "This opens"
    given = ("In response, the health department has stepped up its vaccination work across the county, opening "
             "three pop-up clinics that will run on Saturdays through the end of March.")
    assert _offered_split(given) == ". It has opened"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("The final vote is scheduled to take place on June 9.", "The final vote is set for June 9."),
        ("Repairs went on over a period of three years.", "Repairs went on over three years."),
        ("The app was built in partnership with a local firm.", "The app was built with a local firm."),
        ("A dedicated team of 12 volunteers runs the shelter.", "A team of 12 volunteers runs the shelter."),
        ("The garden is a shining example of what neighbours can do.",
         "The garden is an example of what neighbours can do."),
        ("Her last race brought the curtain down on a long career.", "Her last race ended a long career."),
        ("The letters offer a rare window into village life.", "The letters offer a rare look at village life."),
        ("The fair makes its triumphant return to the park on Friday.", "The fair returns to the park on Friday."),
        ("Runners from all corners of the globe took part.", "Runners from around the world took part."),
        ("The mayor flipped the switch on the new lights.", "The mayor switched on the new lights."),
        ("The festival kicks off on Friday.", "The festival starts on Friday."),
        ("The band hails from Leeds.", "The band comes from Leeds."),
        ("Fans paid an eye-popping 900 dollars for a seat.", "Fans paid a huge 900 dollars for a seat."),
        ("Temperatures fell to a bone-chilling minus 20.", "Temperatures fell to a bitter minus 20."),
        ("Crews were able to successfully clear the line by noon.", "Crews were able to clear the line by noon."),
        ("Chosen with painstaking care, the show opens Friday.", "Chosen with great care, the show opens Friday."),
        ("The new depot will be fully operational by May.", "The new depot will be running by May."),
        # after a present perfect, "so far"; elsewhere "now"
        ("No arrests have been made at this point in time.", "No arrests have been made so far."),
        ("The pool is closed at the present time.", "The pool is closed now."),
    ],
)
def test_stock_phrases_read_in_the_dev5_misses(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Marking a historic leap forward for clean energy in the valley, the cooperative switched on a solar farm.",
         "The cooperative switched on a solar farm."),
        ("In an era where online shopping reigns supreme, the town opened a new market hall.",
         "The town opened a new market hall."),
        # a name only the opener holds keeps the opener
        ("Marking a major step for Leeds, the council approved the budget.",
         "Marking a major step for Leeds, the council approved the budget."),
    ],
)
def test_openers_that_only_announce_importance_are_cut(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # an object clause on a closing apposition: the noun goes back in as the object
        ("The council voted 7-2 on Tuesday to approve a $48 million overhaul of the old bus depot on Carver "
         "Street, a project that officials promoted as a game-changer for the east side.",
         "The council voted 7-2 on Tuesday to approve a $48 million overhaul of the old bus depot on Carver "
         "Street. Officials promoted the project as a major change for the east side."),
        # an apposition a few words after its noun, with a hyphenated adjective
        ("The theatre has secured a $250,000 grant from the Orla Foundation, a much-needed lifeline that will "
         "allow the old hall to stay open through the winter.",
         "The theatre has secured a $250,000 grant from the Orla Foundation. The needed lifeline will allow the "
         "old hall to stay open through the winter."),
    ],
)
def test_closing_appositions_with_a_clause_split_off(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # the first of two closing participles is cut with its 'and': never ", and damaging"
        ("A storm tore through the village of Alden late Monday, leaving a trail of devastation in its wake "
         "and flooding at least 30 homes.",
         "A storm tore through the village of Alden late Monday, flooding at least 30 homes."),
        # things do not speak: no "They warned" for temperatures, and never "warn on"
        ("River levels rose to a record for the third day running, according to figures from the water board, "
         "sounding the alarm on the state of the old dykes.",
         "River levels rose to a record for the third day running, according to figures from the water board, "
         "warning about the state of the old dykes."),
        # the simple present after 'as' is not split off ("Metro prepares to ..." reads as a habit)
        ("Drivers on the coast road can expect long delays this spring, as the county prepares to resurface "
         "a state-of-the-art four-mile stretch of the old harbour route near the ferry terminal.",
         "Drivers on the coast road can expect long delays this spring, as the county prepares to resurface "
         "a modern four-mile stretch of the old harbour route near the ferry terminal."),
        # a beacon of hope is a source of hope, never "a model of hope"
        ("The clinic will serve as a beacon of hope for families in the valley.",
         "The clinic will be a source of hope for families in the valley."),
        # 'groundbreaking new' is 'new', never "an original new study"
        ("Scientists have published a groundbreaking new study of the river's eels.",
         "Scientists have published a new study of the river's eels."),
        # the intransitive, literal 'navigate' is left alone (never "how bees handle in fog")
        ("The study shows how pigeons navigate in thick fog.", "The study shows how pigeons navigate in thick fog."),
        # 'instrumental in' before a noun is 'key to', never "helped in the revival"
        ("The new coach has been instrumental in the club's revival.",
         "The new coach has been key to the club's revival."),
        # 'always' belongs before the verb: "stay calm always" is not kept
        ("Staff must stay calm at all times.", "Staff must stay calm at all times."),
    ],
)
def test_edits_a_copy_editor_undid_on_dev6(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("The department store will shut for good on Jan. 9, closing a chapter in the town's retail history.",
         "The department store will shut for good on Jan. 9."),
        ("The museum bought a rare 1902 map of the harbour, a purchase that elevates its standing among "
         "maritime collections.",
         "The museum bought a rare 1902 map of the harbour."),
        ("The town approved the new skate park. The decision marks a new chapter for its young people.",
         "The town approved the new skate park."),
        # literal pages and chapters stay
        ("The mayor signed the new visitor book, turning the first page of it with care.",
         "The mayor signed the new visitor book, turning the first page of it with care."),
        ("The author read from her memoir on Friday, opening a chapter on her childhood.",
         "The author read from her memoir on Friday, opening a chapter on her childhood."),
    ],
)
def test_comments_on_the_news_are_cut_whole(given: str, expected: str) -> None:
    assert unsafe(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("No cases have been found thus far, owing to the cold spring.",
         "No cases have been found so far, because of the cold spring."),
        ("The appeal has raised $9,000 to date.", "The appeal has raised $9,000 so far."),
        ("The shop keeps its accounts up to date.", "The shop keeps its accounts up to date."),  # not 'so far'
        ("The hall was paid for through a combination of grants and gifts.",
         "The hall was paid for through grants and gifts."),
        ("The best results come from a combination of rest and exercise.",
         "The best results come from a combination of rest and exercise."),  # the mix is the point
        ("The board gave the green light to the new bus depot.", "The board approved the new bus depot."),
        ("The county said it would file an appeal with the state court.",
         "The county said it would appeal to the state court."),
        ("The new record, eclipsing the old mark by a second, stood for a decade.",
         "The new record, topping the old mark by a second, stood for a decade."),
        ("The moon will eclipse at dawn.", "The moon will eclipse at dawn."),  # no object: the sky
    ],
)
def test_stock_phrases_read_in_the_dev6_misses(given: str, expected: str) -> None:
    assert unsafe(given) == expected
