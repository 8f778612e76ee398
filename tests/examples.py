"""Should-flag / should-pass examples for every rule (proselint's table, ruff's fixtures).

``EXAMPLES[code]`` has:

- ``flag``: texts in which the rule must report ``code``;
- ``pass``: texts in which it must not (plain versions, near misses, proper names, other senses);
- ``select`` (optional): the codes to enable besides ``code`` itself (RW rules police other rules);
- ``languagetool`` (optional): the examples run against the fake LanguageTool server of
  ``test_grammar`` (GRM rules report what LanguageTool says; the fake knows a few patterns).

``KNOWN_FAILURES`` lists examples that show a known problem in the data, with the reason; they run
as strict xfails, so the table tells the lexicon authors when one is fixed.

The sentences are the project's own, written for these tests. Lexicon examples use entries that
exist in ``rewriter/data/*.toml``; test_rules_meta checks that every rule has both kinds.
"""

from __future__ import annotations

from typing import Any

EXAMPLES: dict[str, dict[str, Any]] = {
    # --- inflated words and stock phrases -------------------------------------------------------
    "INF001": {
        "flag": [
            "The storm was a harbinger of a long winter for the farm towns.",
            "Crews will utilize new trucks to clear the snow.",
            "The mayor said the plan would bolster the city's tax base.",
            "The report delves into the agency's spending.",
            "The vote marked a pivotal moment for the school board.",
            "Officials hope the park will foster trust between neighbours.",
            "The market is a tapestry of stalls and food trucks.",
            "Engineers found a novel way to cut costs.",  # 'novel' the adjective
            "The court issued a landmark ruling on Friday.",
            "The two firms inked a deal on Tuesday.",  # 'ink' the verb
            "Utilizing new trucks, crews cleared the snow.",  # inflected and sentence-initial
            "The town has witnessed efforts to revive the market.",  # 'witness' the verb
        ],
        "pass": [
            "The storm was a sign of a long winter for the farm towns.",
            "Crews will use new trucks to clear the snow.",
            "The Harbinger Group said it would sell the building.",
            "Beacon Capital said on Monday that it had raised new money.",
            "The council approved the budget, the mayor said.",
            "She wrote a novel about the war.",  # 'novel' the book
            "The old mill is a local landmark.",  # a landmark building
            "The printer ran out of ink.",  # 'ink' the noun
            "The school held its commencement ceremony on Friday.",
            "The family will foster two children.",  # the literal, plain sense of 'foster'
            "The ferry will navigate the river at night.",  # literal navigation, not figurative
        ],
    },
    "INF002": {
        "flag": [
            "The new library serves as a testament to the town's patience.",
            "The merger will usher in a new era for the airline.",
            "The team will embark on a tour of six cities.",
            "The port plays a pivotal role in the regional economy.",
            "The museum offers a glimpse into life on the farm.",
            "Firms must navigate the complex landscape of new rules.",
            "The minister underscored that the plan was safe.",  # the phrase, not the word
        ],
        "pass": [
            "The new library shows the town's patience.",
            "The merger starts a new period for the airline.",
            "The team will start a tour of six cities.",
            "The usher showed us to our seats.",
            "The port matters to the regional economy.",
        ],
    },
    # --- wordy phrases ------------------------------------------------------------------------------
    "WRD001": {
        "flag": [
            "The city raised fees in order to pay for the new bridge.",
            "Due to the fact that the road flooded, buses ran late.",
            "At this point in time the mayor has no comment.",
            "Officials have not as yet named the driver.",
            "The council raised fees in an effort to balance the budget.",  # issue 11 inventory
        ],
        "pass": [
            "The city raised fees to pay for the new bridge.",
            "The order arrived on time.",
            "The road flooded, so buses ran late.",
            "As yet another storm approached, crews waited.",  # 'as yet' needs a negation before it
        ],
    },
    # --- redundancy ---------------------------------------------------------------------------------
    "RED001": {
        "flag": [
            "The senator spoke about her past history in the state house.",
            "The new rules will completely eliminate the backlog.",
            "The two unions agreed to join together next spring.",
            "The end result was a longer school day.",
            "The mistake was blatantly obvious to the auditors.",
            "Visitors may bring a bouquet of flowers to the ward.",
            "The county sends the water samples to a lab, which tests them for the whole entire year.",
            "Prices of the software program rose in May.",
        ],
        "pass": [
            "The senator spoke about her history in the state house.",
            "The new rules will eliminate the backlog.",
            "There is no reason why the vote should wait.",  # 'no reason why' is idiom, not redundancy
            "She stepped off the bus.",
        ],
    },
    # --- cliches ------------------------------------------------------------------------------------
    "CLI001": {
        "flag": [
            "The ruling could pave the way for similar lawsuits.",
            "The closure sent shockwaves through the town.",
            "Coaches called the new stadium a game-changer for the league.",
            "The deal was signed at the eleventh hour.",
            "When the power failed, all hell broke loose in the station.",
        ],
        "pass": [
            "The ruling could allow similar lawsuits.",
            "The company is moving forward with the merger.",  # literal: 'moving forward with'
            "The surgeon works at a modern hospital.",
            "The school board met on Tuesday.",
        ],
    },
    # --- hedges and intensifiers --------------------------------------------------------------------
    "HDG001": {
        "flag": [
            "It is worth noting that the tax rate fell.",
            "Needless to say, the vote was close.",
            "In terms of cost, the plan is cheap.",
            "I would argue that the new tax is unfair.",
        ],
        "pass": [
            "The tax rate fell.",
            "The vote was close.",
            "It is worth ten dollars, the owner said.",
        ],
    },
    "HDG002": {
        "flag": [
            "The storm was very strong.",
            "The results were extremely close.",
            "The mayor was really angry about the delay.",
        ],
        "pass": [
            "The storm was strong.",
            "The pretty garden drew visitors.",  # 'pretty' the adjective, not the intensifier
            "He said it on the very day the law passed.",  # 'very' the adjective
        ],
    },
    # --- nominalizations ----------------------------------------------------------------------------
    "NOM001": {
        "flag": [
            "The board will make a decision on Friday.",
            "Police will conduct an investigation into the fire.",
            "The two sides reached an agreement after midnight.",
        ],
        "pass": [
            "The board will decide on Friday.",
            "Police will investigate the fire.",
            "The decision surprised the staff.",
        ],
    },
    # --- newsroom house style -----------------------------------------------------------------------
    "NWS001": {
        "flag": [
            "The mayor stated that the pool would reopen in June.",
            "The coach noted that two players were injured.",
            "\"We ran out of money,\" the treasurer explained.",
            "The fire chief emphasized that nobody was hurt.",
            "About 40 individuals waited outside the clinic.",
            "The crash occurred shortly after midnight.",
            "The town will purchase three new snowplows.",
            "The hall seats approximately 300 people.",
        ],
        "pass": [
            "The mayor said that the pool would reopen in June.",
            "The stated aim of the plan is to cut waiting times.",  # 'stated' the adjective
            "As noted in the report, the pool needs a new roof.",
            "The teacher will explain the rules to the class.",  # not attribution
            "The town bought three new snowplows after the purchase was approved.",  # 'purchase' the noun
            "Each individual on the list was called.",  # the singular, a person counted one by one
            "The hall seats about 300 people.",
        ],
    },
    "NWS002": {
        "flag": [
            "The clerk will furnish the papers to the court next week.",
            "Crews will expend the rest of the budget on the roads.",
            "The board will convene on Monday to discuss the budget.",
            "The school subsequently closed its pool.",
            "The minister promised to tackle homelessness in the capital.",
            "The board will terminate the contract in May.",
            "Inspectors will monitor the river for a month.",
        ],
        "pass": [
            "The clerk will give the papers to the court next week.",
            "According to police, the fire started at noon.",  # 'according to' is not 'accord'
            "The army will deploy troops to the border.",  # 'deploy' of soldiers
            "The police liaison officer met the family.",  # a job title
            "You should know that that sentence was wrong.",  # 'should' is not 'shall'
            "The full-back made a late tackle in the second half.",  # the noun, in sport
            "The heart monitor beeped all night.",  # the noun
        ],
    },
    "NWS003": {
        "flag": [
            "The mayor will accompany the delegation to Paris.",
            "Crews will need additional trucks to clear the roads.",
            "The agency will attempt to obtain new funding.",
        ],
        "pass": [
            "The mayor will go with the delegation to Paris.",
            "The couple decided to foster children after their son left home.",  # 'foster' of children
            "The firm will deliver parcels on Sundays from June.",  # 'deliver' of goods
        ],
    },
    "WRD002": {
        "flag": [
            "In the event of a storm, the ferry will not sail.",
            "The majority of flights left on time.",
            "The mayor will consult with the police before the march.",
        ],
        "pass": [
            "If there is a storm, the ferry will not sail.",
            "Most flights left on time.",
            "The party won a majority of seats.",  # a count of seats, not 'most'
        ],
    },
    # --- passive voice --------------------------------------------------------------------------------
    "PAS001": {
        "flag": [
            "The budget was approved by the council on Monday.",
            "Three people were hurt in the crash.",
            "The bridge has been closed since May.",
            "It's been decided that the school will close.",  # "'s been" + participle stays passive
            "He's fired if the audit finds the money gone.",  # "'s" is "is" here
        ],
        "pass": [
            "The council approved the budget on Monday.",
            "The crash hurt three people.",
            "The mayor was angry about the delay.",  # 'was' + adjective is not passive
            "The team got lucky in the final minute.",
            'The chief said "the suspect was arrested by our officers" last night.',  # inside a quote
            "He's gone to the coast for the weekend.",  # "'s" is "has": a perfect, not a passive
            "She's finished the report on the harbour.",
            "The coach says he's come back stronger.",
        ],
    },
    # --- readability --------------------------------------------------------------------------------
    "RD001": {
        "flag": [
            "The county commissioners approved a controversial proposal to expand the landfill despite "
            "objections from residents.",
        ],
        "pass": [
            "The county board voted to make the landfill bigger, though people who live nearby objected.",
            "Commissioners approved controversial infrastructure modifications.",  # too short to judge
        ],
    },
    "RD002": {
        "flag": [
            "Regional transportation officials announced yesterday that the proposed infrastructure "
            "improvements would require considerable additional investment.",
        ],
        "pass": [
            "Transit officials said on Tuesday that the road work would cost much more than planned.",
        ],
    },
    "RD003": {
        "flag": [
            "We ran to the park and then to the shed and then to the car and then to the bus and then to "
            "the pier and then to the shop and then to the lake and then home.",
        ],
        "pass": [
            "We ran to the park and then to the shed. Then we went to the car and the bus. Then we "
            "went home.",
        ],
    },
    "RD004": {
        "flag": [
            "The bus was late. The rain fell. The road was wet. A car slid. No one was hurt. The road is "
            "open now. Crews are still there.",
        ],
        "pass": [
            "The bus was late. The rain fell. The road was wet.\n\nA car slid. No one was hurt. The road "
            "is open now. Crews are still there.",
        ],
    },
    "RD005": {
        "flag": [
            "Regional transportation officials announced that infrastructure improvements would require "
            "considerable investment.",
        ],
        "pass": [
            "The dog ran home. The cat sat in the sun. It was warm.",
        ],
    },
    # --- sentence structure -------------------------------------------------------------------------
    "SEN001": {
        "flag": [
            # a split after a closed quotation
            'The coach said the team "played with heart for the whole of the second half of the match", '
            "and the players walked slowly back to the bus after the long game in the rain.",
            # ", and" before a clause with its own subject
            "The county board approved the new budget for the coming year after a long debate on Monday "
            "night, and the mayor signed it into law at a short ceremony the next morning.",
            # a semicolon between two clauses
            "The river rose by almost two metres overnight after three days of heavy rain in the hills; "
            "crews closed the lower bridge and moved the market to the school car park.",
            # a closing participial clause about the event
            "The central bank cut its main interest rate by half a point at its meeting on Thursday "
            "afternoon, raising hopes of cheaper loans for families and small firms across the region.",
            # two reported 'that' clauses: the second is said again by its speaker ('The mayor said that')
            "The mayor said that the board had approved the new budget for the coming year after a very "
            "long debate, and that she would sign it into law at a short ceremony on Tuesday.",
            # a person is the subject of the participle: the person is named again ("The judge hoped")
            "Then, when the case finally went to the jury late on Friday afternoon, the judge excused one of "
            "the jurors from the panel, hoping to bring the long trial to an end before the holiday.",
            # a closing non-restrictive 'which' clause
            "After months of delays and two public meetings, the county board on Monday finally approved "
            "the new library, which will open on the east side of town next spring.",
        ],
        "pass": [
            # short enough already
            "The board approved the budget, and the mayor signed it.",
            # 'told' has its object: 'The mayor told reporters that' is not said again by the verb alone
            "The mayor told reporters that the board had approved the new budget for the coming year after a "
            "very long debate, and that she would sign it into law at a short ceremony on Tuesday.",
            # a quotation is never split, and no split comes before one
            'The coach, who had said "we will play with heart for the whole of the second half of the match, '
            'and we did", walked slowly back to the bus after the long game in the rain.',
            # 'which' after a noun inside a prepositional phrase: the main or the station? a guess
            "Workers on the east side of the city finished the long delayed repairs to the old water "
            "main near the station, which had burst twice during the cold weather last winter.",
            # a restrictive 'who' clause: which students is part of the news
            "Students who applied for a place at one of the three new sixth-form colleges in the city before "
            "the end of March will hear whether they have been successful by the middle of next month.",
            # no clean split point in the parse
            "The long and winding road from the old mill at the edge of the village to the new bridge "
            "over the river in the next valley was closed for most of the week in the snow.",
        ],
    },
    "SEN002": {
        "flag": [
            "The city opened two new shelters for homeless families on Friday, underscoring its commitment "
            "to the most vulnerable.",
            "The school board approved the new reading programme on Monday, marking a new chapter for the "
            "district.",
            "The club paid off its old debts this year, a testament to careful management.",
            "The council froze parking fees for another year, a move that signals its support for the "
            "high street.",
            "The old mill reopened as a museum this week, standing as a reminder of the town's industrial past.",
            "The bakery opened a second shop this month, positioning itself at the forefront of the local food "
            "scene.",
            "The port dredged its main channel, a step that positions the town as a hub for bigger ships.",
            "The county banned plastic bags at all shops from May 1, a bold measure that places it on the "
            "cutting edge of the fight against litter.",
        ],
        "pass": [
            # placing soldiers or goods is an act, not a claim of rank
            "The army moved two brigades north, positioning troops along the river.",
            # a tail with news in it (a number) is not empty
            "The city opened two new shelters on Friday, bringing the total to nine.",
            # the participle reports, not comments
            "The council froze parking fees, saying shop owners had asked for help.",
            # 'marking the first time' is news
            "The team won away from home, marking the first time it had done so this season.",
            # a move with a clause that says what happened
            "The council froze parking fees, a move that will cost the town about half its budget surplus.",
            # serving in a role is news, not a comment
            "The mayor opened the new library on Monday, serving as host for the first reading.",
            # the edge of ruin is a place, not a rank
            "The council passed the budget on Monday, a measure that places the town on the edge of ruin.",
        ],
    },
    "SPL001": {
        "flag": [
            # a British draft with one American spelling
            "The colour of the new centre pleased the neighbours, though the color of the roof did not.",
        ],
        "pass": [
            "The colour of the new centre pleased the neighbours.",  # one variety throughout
            "The color of the new center pleased the neighbors.",
            "Lord Grey of the Color Guard opened the new centre and the theatre.",  # names are not spellings
        ],
    },
    "SEN010": {
        "flag": [
            "The council voted on Tuesday to repave the streets of the old town. The decision marks a pivotal "
            "chapter in the town's long journey.",
            "The bakery began selling bread made from local wheat. With this launch, the bakery is positioning "
            "itself at the forefront of the region's food scene.",
            "The county kept its libraries open on Sundays. This underscores its commitment to learning.",
            "The club paid off its old debts. It is a testament to careful management.",
            "The school opened a new science wing. The move speaks volumes about the board's priorities.",
        ],
        "pass": [
            # the first sentence of a paragraph is the news
            "The decision marks a new chapter for the port.",
            # a number or a date is news
            "The city opened two shelters. The move marks the first time since 1990 that it has built one.",
            # a clause of its own makes a claim someone can check
            "The city opened two shelters. This shows that the old ones were full.",
            # a literal landmark
            "The council restored the old clock tower. It is a landmark on the high street.",
            # a subject that is not the news named again
            "The city opened two shelters. The mayor marked the day with a speech.",
        ],
    },
    "SEN004": {
        "flag": [
            "The council voted to to close the old pool on Friday.",
            "The the board met on Tuesday.",
        ],
        "pass": [
            "He had had enough of the delays.",  # English allows it
            "She said that that plan would fail.",
            "They flew to Walla Walla on Monday.",  # a name
            "They met for lunch at the Sun-bar bar on the pier.",  # a compound ending in the word
        ],
    },
    "SEN005": {
        "flag": [
            "There are many residents who oppose the plan for the new road.",
            "There were three people who were hurt in the crash on Monday.",
        ],
        "pass": [
            "There are also many who oppose it strongly.",  # the adverb would be lost
            "There is a reason why the bridge closed.",  # no subject clause
            "There were 12 pupils who passed the exam in June.",  # a sentence never starts with a figure
        ],
    },
    "SEN008": {
        "flag": [
            "There were long queues at the polling station on Monday.",
            "There is a new plan for the harbour wall.",
            "There's no money left in the repair fund.",
        ],
        "pass": [
            "Voters queued for hours at the polling station on Monday.",
            "There are many residents who oppose the plan for the new road.",  # SEN005's, with a rewrite
            "Is there a plan for the harbour wall?",  # a question
            "The mayor said there is a new plan for the harbour wall.",  # not the opener
        ],
    },
    "SEN006": {
        "flag": [
            "It was the county clerk who found the missing ballots.",
            "It is the cost that worries residents most.",
        ],
        "pass": [
            "The county clerk found the missing ballots.",
            "It was a storm that lasted three days.",  # 'it' may stand for something said before
            "It was not the mayor who signed the order.",  # a negated cleft keeps its contrast
            "It was the first time that the team had won away.",  # 'that' is not the clause's subject
        ],
    },
    "SEN007": {
        "flag": [
            "The plan is an echo is an echo of last year's budget.",
            "She said that that that plan would fail.",
            "The council voted the council voted to close the pool.",
        ],
        "pass": [
            "She said that that plan would fail.",  # a doubling English allows
            "It was very, very cold on the hill.",  # across a comma: emphasis
            "They sang New York, New York at the end.",
            "They argued for years and years and still disagreed.",  # 'X and X': emphasis
        ],
    },
    "SEN009": {
        "flag": [
            "A possible way emerges for the city to sell the old depot.",
            "An opportunity arose for local firms to bid on the bridge contract.",
            "A new avenue opens for the council to borrow money.",
        ],
        "pass": [
            "The city may sell the old depot.",
            "A rare opportunity arose for fans to meet the team.",  # the adjective is news
            "A path opened in May for the council to borrow.",  # more rides on the verb
            "An opportunity arose for him to leave the club.",  # 'him' cannot open the sentence
            "The opportunity arose for the club to sign a striker.",  # a definite subject
            "A new road opens for drivers on Monday.",  # a real road, no 'to' clause
        ],
    },
    "WRD003": {
        "flag": [
            "The ministers clashed over trade-related issues at the summit.",
            "The two sides differ on security-related matters.",
        ],
        "pass": [
            "The ministers clashed over trade at the summit.",
            "Security-related issues came up at the summit.",  # no preposition before it
            "They asked about tax-related questions that remain open.",  # the clause needs the noun
            "A list of health-related issues was published.",  # 'of' is not one of the prepositions
        ],
    },
    "RED002": {
        "flag": [
            "Never share your PIN number with anyone.",
            "The bank closed two ATM machines on Main Street.",
            "The clinic offers free tests for the HIV virus.",
        ],
        "pass": [
            "Never share your PIN with anyone.",
            "The bank closed two ATMs on Main Street.",
            "The PIN is four numbers long.",  # not the doubled noun
            "She works at HIV Virus Research, a charity in Leeds.",  # a name, in capitals
        ],
    },
    "SEN003": {
        "flag": [
            "In a significant development for local families, the council froze school fees.",
            "In a landmark move, the hospital opened its doors to visitors again.",
            "In a stinging defeat for the visitors, the home side won the cup final.",
            "In what many are calling a historic moment for the town, the bridge reopened.",
            "In what is being hailed as a landmark decision, the board dropped the fee.",
            "In a bold step toward a greener future, the club planted a row of oaks.",
            "In a blockbuster deal, the grocer agreed to buy its rival.",
            "A turning point in the talks came as the union dropped its demand for a shorter week.",
            "A consequential juncture in city politics materializes as the council votes to sell the depot.",
            "Marking a historic leap forward for clean energy in the valley, the cooperative switched on a solar farm.",
            "In an era where online shopping reigns supreme, the town opened a new market hall.",
        ],
        "pass": [
            "In a bid to cut costs, the council froze school fees.",  # says why: news
            # a judgment someone named makes is news; so is one with a number in it
            "In what the coroner called a tragic accident, a cyclist died on the bridge.",
            "In what many called the worst flood since 1953, the river burst its banks.",
            "In a victory for tenants, the council capped rents.",  # no judging word
            "In a 5-4 ruling, the court struck down the law.",
            "In a surprise vote, the board fired the coach.",  # how it happened is news
            "A storm comes as the city braces for floods.",  # the storm is news
            "In a statement, the hospital said visitors were welcome again.",
            "In the morning, the hospital opened its doors to visitors again.",
            "Marking its 50th year, the club held a dinner for its members.",  # an anniversary is news
            "In an era of rising prices, families are cutting back on holidays.",  # context, not scene-setting
        ],
    },
    # --- suppression directives -------------------------------------------------------------------
    "RW100": {
        "select": ("PAS001",),
        "flag": ["<!-- rewriter: ignore PAS001 -->\nThe mayor signed the order.\n"],
        "pass": ["<!-- rewriter: ignore PAS001 -->\nThe order was signed by the mayor.\n"],
    },
    "RW101": {
        "select": ("PAS001",),
        "flag": ["<!-- rewriter: ignore PASS001 -->\nThe order was signed by the mayor.\n"],
        "pass": ["<!-- rewriter: ignore PAS -->\nThe order was signed by the mayor.\n"],
    },
    "RW102": {
        "select": ("PAS001",),
        "flag": ["<!-- rewriter: of -->\nThe mayor signed the order.\n"],
        "pass": ["<!-- rewriter: off -->\nThe order was signed by the mayor.\n<!-- rewriter: on -->\n"],
    },
    # --- LanguageTool (the fake server of test_grammar knows these patterns) ------------------------
    "GRM001": {
        "languagetool": True,
        "flag": ["They was late for the vote."],
        "pass": ["They were late for the vote."],
    },
    "GRM002": {
        "languagetool": True,
        "flag": ["The council met to discuss teh budget."],
        "pass": ["The council met to discuss the budget."],
    },
    "GRM003": {
        "languagetool": True,
        "languagetool-rules": (("ALL",), ()),  # LanguageTool's typography rules are off by default
        "flag": ["The mayor  said no."],
        "pass": ["The mayor said no."],
    },
}

# (code, text) -> why the example fails today; test_rules_examples runs these as strict xfails
KNOWN_FAILURES: dict[tuple[str, str], str] = {
}
