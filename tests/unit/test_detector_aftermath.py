"""Issue 8, fourth pass: the aftermath of an attack, comparisons with an earlier year, figures of
speech and speakers' titles. Sentences written for this file (invented people and places); each
negative has a positive of the same shape beside it, so a rule that drops everything fails."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

CASES = [
    # a quoted figure of speech is no killing; a killing called political still is
    ('Premier Ola Brenn accused her rivals of attempting a "political assassination" with attack ads.', []),
    (
        "Police said the shooting of Mayor Ivo Stam outside his home on Monday was a political"
        " assassination.",
        ["assassination_attempt"],
    ),
    # the title of a spokesman is the source, not the object of "attacks on army posts"
    (
        "The rebel was wanted for a string of attacks on army posts, army spokesman Colonel Ahmed Rauf said.",
        [],
    ),
    (
        "Gunmen attacked the convoy of Colonel Ahmed Rauf near the border on Monday.",
        ["assassination_attempt"],
    ),
    # a comparison with an earlier year opens a background clause
    (
        "The ministry said on Thursday that 6,000 officers would guard the candidates and their rallies,"
        " twice as many as in 2021, when a candidate was shot and wounded at a rally.",
        [],
    ),
    (
        "A candidate was shot and wounded at a campaign rally on Thursday, police said.",
        ["assassination_attempt"],
    ),
    # a trial named only as a time reference does not make the attack the court's business
    (
        "Gunmen shot and wounded a state prosecutor on Monday, days before a verdict in the gang trial.",
        ["assassination_attempt"],
    ),
    ("The trial of the man accused of shooting the state prosecutor opened on Monday.", []),
    # "in weeks" is a span of time, not a clause about an earlier event
    (
        "The capital saw its worst violence in weeks after stone-throwing protesters clashed with police"
        " on Friday.",
        ["protest_violence"],
    ),
    (
        "Crowds gathered on Friday, three weeks after protesters clashed with police in the square.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_aftermath_and_figures(text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(None, text)) == expected


# What an earlier attack set off is background; the attack told as news is not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Parliament will install scanners, the speaker said on Tuesday, after a review ordered when a"
            " lawmaker was stabbed at a constituency meeting in March.",
            [],
        ),
        (
            "A lawmaker was stabbed at a constituency meeting on Tuesday, the speaker said.",
            ["assassination_attempt"],
        ),
    ],
)
def test_review_set_off_by_an_attack(text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(None, text)) == expected


_NOVEL = (
    "Karo Lind's new novel opens as a sniper waits for the motorcade of the interior minister. Within ten"
    " pages the minister has been shot dead and an inspector is handed the case. The book is tense and the"
    " plot intricate. Its villain is a fictional chief of police. Lind writes quiet scenes well. The ending"
    " is too neat. Readers will race through it. It is being adapted for television."
)


def test_a_review_whose_lead_names_the_novel_raises_nothing() -> None:
    assert detect("Review: a thriller about a murdered minister", _NOVEL) == []


def test_a_film_in_a_news_lead_is_no_review() -> None:
    # the headline names a film, two sentences use that vocabulary: short of the three the veto needs
    text = (
        "Gunmen shot dead the mayor of Tarn on Monday as he walked home. Two guards were wounded."
        " Police said the attackers fled on motorcycles. The mayor had received threats. A curfew was"
        " imposed."
        " The film festival he had opened was cancelled. Traders stayed home. The governor condemned the"
        " killing."
    )
    events = detect("Mayor of Tarn shot dead on his way home from a film premiere", text)
    assert [e.type for e in events] == ["assassination_attempt"]


# Combat, grievances, quotations, reports of plans: sentences written for this file.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed sides fighting are no communities: the combat veto must still see "fighting between"
        (
            "A cameraman was killed on Wednesday when a shell landed near a group of reporters covering"
            " fighting between government troops and rebels.",
            [],
        ),
        (
            "Gunmen shot dead a cameraman and a reporter outside their office on Wednesday.",
            ["assassination_attempt"],
        ),
        # a masked "drone strike" leaves blanks; the army's strike on an armed group's commander is combat
        ("An army drone strike killed a senior commander of the Crescent Brigades on Friday.", []),
        ("A drone attack on the governor's convoy killed two guards on Friday.", ["assassination_attempt"]),
        ("The strike hit a vehicle carrying the group's operations chief, the army said.", []),
        # whom a march demands justice for is its grievance
        (
            "Thousands marched on Saturday to demand justice for Ana Roe, the environmental activist who was"
            " shot dead outside her home ten days ago.",
            [],
        ),
        ("Thousands marched to demand justice for murdered activist Ana Roe.", []),
        (
            "Gunmen shot dead the environmental activist Ana Roe outside her home on Saturday.",
            ["assassination_attempt"],
        ),
        # a quotation and its attribution are two clauses
        (
            '"Ana was killed because she defended the river," said Luis Ben, a friend who organised'
            " the march.",
            [],
        ),
        (
            "Police fired tear gas at the march and one protester was killed on Saturday.",
            ["protest_violence"],
        ),
        # messages that discuss an attack report no attack
        (
            "The site published messages between two men discussing an attack on Governor Nadia"
            " Brell's convoy.",
            [],
        ),
    ],
)
def test_combat_grievance_quote_and_plans(text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(None, text)) == expected


def test_an_arrest_in_an_earlier_killing_is_the_arrest_s_news() -> None:
    text = (
        "Police said on Friday they had arrested a man suspected of the murder of Mayor Ivar Sol, who was"
        " shot dead outside his home in March. The suspect was detained at a border crossing. He will appear"
        " before a judge on Monday."
    )
    assert detect("Police arrest suspect in killing of mayor", text) == []
    fresh = "Gunmen shot dead Mayor Ivar Sol outside his home on Friday. Police arrested two men hours later."
    assert [e.type for e in detect("Mayor shot dead", fresh)] == ["assassination_attempt"]


def test_writing_dated_from_now_is_current_writing() -> None:
    # "last month" in the lead: an opinion piece, not an encyclopedia section narrating its subject
    text = (
        "When Senator Ola Brin was stabbed at a town-hall meeting last month, the reaction in parliament was"
        " swift. A month later, the promised review has not begun. Threats keep coming. Councillors are"
        " quitting. We must take threats seriously."
    )
    assert detect("Opinion: fear must not run our democracy", text) == []
    # an encyclopedia section that narrates a dated stabbing still reports it
    wiki = (
        "On 4 May 1998 Senator Ola Brin was stabbed at a town-hall meeting in Varn by a man who had stalked"
        " her for months. She survived after surgery. Her attacker was later found to be mentally ill."
    )
    assert [e.type for e in detect("Stabbing of Ola Brin", wiki)] == ["assassination_attempt"]
