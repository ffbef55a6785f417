from __future__ import annotations

import pytest

from agents.core.detector.casualties import count_casualties, sentence_counts
from agents.core.detector.numbers import parse_number
from agents.core.detector.text import build_document


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("7", 7),
        ("1,250", 1250),
        ("seven", 7),
        ("twenty-one", 21),
        ("two dozen", 24),
        ("a dozen", 12),
        ("several", 3),
        ("some", 3),
        ("a few", 3),
        ("many", 10),
        ("scores of", 10),
        ("dozens", 12),
        ("dozens of", 12),
        ("hundreds", 100),
        ("three hundred", 300),
        ("banana", None),
    ],
)
def test_parse_number(phrase: str, value: int | None) -> None:
    assert parse_number(phrase) == value


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Seven of the minister's bodyguards were injured in the blast.", None, 7),
        ("The attack killed two people and wounded 11 others.", 2, 11),
        ("Two dozen protesters were hurt.", None, 24),
        ("Several demonstrators were wounded.", None, 3),
        ("In addition to the bomber, four people were killed.", 5, None),
        ("The explosion killed the bomber and six others.", 7, None),
        ("A gunman shot and killed the judge outside the court.", 1, None),
        ("The councillor and his son were killed.", 2, None),
        ("No casualties were reported.", 0, 0),
        ("Police said 3 dead and 40 injured.", 3, 40),
    ],
)
def test_sentence_counts(sentence: str, killed: int | None, injured: int | None) -> None:
    assert sentence_counts(sentence) == (killed, injured)


def test_repeated_totals_take_the_largest_not_the_sum() -> None:
    counts = count_casualties(["Five people were killed in the attack.", "The five dead included a child."])
    assert counts.killed == 5


def test_furniture_is_stripped() -> None:
    doc = build_document(
        "Headline here",
        "First real sentence about the council.\nALSO READ: Another Story Entirely\nRelated: more links\n"
        "Share this article\nPlease enter your comment!\nSecond real sentence.",
    )
    assert doc.sentences == [
        "Headline here",
        "First real sentence about the council.",
        "Second real sentence.",
    ]


def test_abbreviations_do_not_split_sentences() -> None:
    doc = build_document(None, "Gen. Ali Hassan met Dr. Smith on Monday. They spoke for an hour.")
    assert len(doc.sentences) == 2


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The gunmen opened fire, killing three villagers, two teachers and the driver.", 6),
        ("The blast killed the mayor, his son and four bodyguards before dawn.", 6),
        ("Rebels attacked the post, killing two soldiers, and fled into the hills.", 2),
    ],
)
def test_listed_victims_add_up(sentence: str, killed: int) -> None:
    assert sentence_counts(sentence)[0] == killed


def test_suicide_attackers_are_counted_once() -> None:
    from agents.core.detector.casualties import suicide_attackers

    assert suicide_attackers(["Two suicide bombers struck the governor's convoy, killing four guards."]) == 2
    assert suicide_attackers(["A suicide bomber blew himself up near the judge's car."]) == 1
    assert suicide_attackers(["In addition to the suicide bomber, three guards were killed."]) == 0
    assert (
        suicide_attackers(["Police arrested a would-be suicide bomber before he reached the minister."]) == 0
    )


def test_suicide_attack_on_an_official_counts_the_bomber() -> None:
    from agents.core.detector import detect

    text = (
        "A suicide bomber detonated an explosive vest next to the convoy of provincial governor Amir Rahimi "
        "on Tuesday. The governor escaped unhurt, but four of his guards were killed and six people were "
        "wounded in the blast."
    )
    events = [
        e for e in detect("Governor survives suicide attack", text) if e.type == "assassination_attempt"
    ]
    assert events and events[0].casualties.killed == 5


def test_others_with_their_own_verb_are_not_added_to_the_killed() -> None:
    assert sentence_counts("The colonel was killed and three other soldiers wounded.") == (1, 3)
    assert sentence_counts("The bomb killed the judge and two others.")[0] == 3


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # a number after "shot dead" / "gunned down"
        ("Gunmen shot dead two guards outside the ministry.", 2, None),
        ("Attackers gunned down 4 police officers at a checkpoint.", 4, None),
        ("Gunmen shot dead the mayor and two aides.", 3, None),
        # one victim is counted once, not by two patterns
        ("A gunman killed one bodyguard and injured 3 others at the gate.", 1, 3),
        ("Troops fired into the crowd, killing a student and wounding two more.", 1, 2),
        # a named or described victim and others share one verb
        ("Councillor Mendes, a veteran lawmaker, and one other person were killed in the ambush.", 2, None),
        ("The gunman and three customers were killed.", 4, None),
        ("Two soldiers and three civilians were killed.", 5, None),
        ("Armed men stormed the office and two guards were killed.", 2, None),
        ("The prosecutor was killed, as were her driver and a bodyguard.", 3, None),
        ("The judge was killed along with a court clerk and a bailiff.", 3, None),
        ("A couple was killed in the attack, and a passer-by was injured.", 2, 1),
        # asides between a count and its verb
        ("Five guards, including the unit's commander, were killed.", 5, None),
        ("The bomb killed two officers (both sergeants) and a cook.", 3, None),
        ("The bomb killed al-Sayed, three bodyguards and a passer-by.", 5, None),
        # a death without a number; attackers in the plural are at least two
        ("One demonstrator succumbed to gunshot injuries overnight and 30 were hurt.", 1, 30),
        ("In addition to the attackers, six villagers were killed.", 8, None),
        # a total over many attacks is not this attack's count
        ("Forty people died across all the attacks that swept the province on Friday.", None, None),
    ],
)
def test_sentence_counts_across_clauses(sentence: str, killed: int | None, injured: int | None) -> None:
    assert sentence_counts(sentence) == (killed, injured)


def test_deaths_reported_as_also_killed_add_to_the_toll() -> None:
    sentences = [
        "The governor was killed along with two aides.",
        "Four attackers were also killed in the gunfight.",
    ]
    assert count_casualties(sentences).killed == 7
    # a repeated total still counts once
    assert count_casualties(["Gunmen killed three guards.", "Three guards died, police said."]).killed == 3


def test_attackers_killed_by_guards_are_already_counted() -> None:
    from agents.core.detector.casualties import suicide_attackers

    sentences = [
        "Three suicide bombers tried to reach the compound.",
        "Soldiers shot dead one of the bombers at the gate.",
    ]
    assert suicide_attackers(sentences) == 0
