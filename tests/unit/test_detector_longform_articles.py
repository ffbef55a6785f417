"""Whole long-form articles, one or more per error class of issue 8 (`tests/fixtures/longform/`).

Every article is written for this repository (invented people and places); none comes from a
corpus. Each file names the event types it reports (none for a negative) and, optionally, the
killed figure of an event.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.core.detector import detect

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "longform"


def _load(path: Path) -> tuple[str, str, list[str], dict[str, int]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    expected: list[str] = []
    killed: dict[str, int] = {}
    while lines and lines[0].startswith("# "):
        key, _, value = lines.pop(0)[2:].partition(":")
        value = value.strip()
        if key == "expected" and value != "none":
            expected = sorted(v.strip() for v in value.split(","))
        elif key == "killed":
            name, _, count = value.partition("=")
            killed[name.strip()] = int(count)
    title = lines.pop(0)
    return title, "\n".join(lines).strip(), expected, killed


ARTICLES = sorted(FIXTURES.glob("*.txt"))


def test_every_error_class_has_articles() -> None:
    classes = {p.read_text(encoding="utf-8").splitlines()[0] for p in ARTICLES}
    assert len(ARTICLES) >= 15 and len(classes) >= 9


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_longform_article(path: Path) -> None:
    title, text, expected, killed = _load(path)
    events = detect(title, text)
    assert sorted(e.type for e in events) == expected
    for event in events:
        assert event.evidence, event.type
        if event.type in killed:
            assert event.casualties.killed == killed[event.type]


# Type assignment inside a protest story (issue 8, class 1): what the crowd or the police did is
# protest violence; an attack aimed at a person is an attempt. Sentences written for this file.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Demonstrators stormed the mayor's office on Monday and set it on fire, and one "
            "demonstrator was shot dead by police.",
            ["protest_violence"],
        ),
        ("Police shot dead an opposition activist at the rally on Sunday.", ["protest_violence"]),
        (
            "Angry protesters torched the residence of the provincial governor on Friday after a "
            "student was killed by police; the governor was not at home.",
            ["protest_violence"],
        ),
        (
            "Gunmen opened fire on the car of Governor Ali Umar on Monday, wounding him.",
            ["assassination_attempt"],
        ),
        (
            "Dozens of protesters were shot and killed by police over three days of unrest in Tamsen.",
            ["protest_violence"],
        ),
    ],
)
def test_type_assignment_in_protest_stories(text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(None, text)) == expected


def test_a_count_after_shot_and_killed_is_the_toll() -> None:
    (event,) = detect(
        None, "Dozens of protesters were shot and killed by police over three days of unrest in Tamsen."
    )
    assert event.casualties.killed == 12


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of students rallied in Tamsen on Friday to demand an end to what they called "
        "excessive use of force by police.",
        "Nurses marched to the ministry on Monday to call for a probe into the deaths of three patients.",
        "The families held a vigil and demanded accountability for the killings of two farmers.",
    ],
)
def test_what_a_peaceful_protest_demands_is_not_its_violence(text: str) -> None:
    assert detect(None, text) == []


# Background clauses (issue 8, class 4): what followed a killing, what honours it, a seat it
# emptied, a comparison with an earlier event. Sentences written for this file.
@pytest.mark.parametrize(
    "text",
    [
        "Following his assassination, the vice president took office and declared a state of emergency.",
        "After the leader's murder, the movement split into three factions.",
        "The square was renamed in honour of the murdered mayor.",
        "He was elected to the seat left vacant by the assassination of the sitting member.",
        "Union leaders compared the march to the strike of 1971, when troops opened fire on dockers and "
        "killed eleven of them.",
        "The memory of the 2009 election, in which the candidate Tobias Renn was shot dead at a rally, led "
        "the commission to ban rallies after dark.",
        "The crowds dispersed peacefully by nightfall.",
    ],
)
def test_background_clauses_raise_nothing(text: str) -> None:
    assert detect(None, text) == []


def test_a_bombed_rally_is_no_protest_violence() -> None:
    text = (
        "A bomb exploded on a bus carrying supporters of the party to a rally in the city on Monday, "
        "killing 27 people and wounding dozens."
    )
    assert detect(None, text) == []


def test_petrol_bombs_thrown_by_a_crowd_are_still_protest_force() -> None:
    text = "Protesters threw petrol bombs at police, who fired tear gas to disperse them on Monday."
    assert [e.type for e in detect(None, text)] == ["protest_violence"]


# A dated sentence that narrates the attack on a person the text has introduced is the text's own
# event (TAXONOMY: main subject, not date), told by a pronoun or by "escaped assassination".
@pytest.mark.parametrize(
    "text",
    [
        "Ostrava became a republic in 1958 under President Ilan Saro. When he was assassinated at a "
        "parade in 1961, the army took power.",
        "Under President Odo Meret the country joined the union in 1970. Meret survived a coup in 1972 "
        "and narrowly escaped assassination in 1974.",
    ],
)
def test_dated_narration_of_an_introduced_person_is_reported(text: str) -> None:
    assert [e.type for e in detect(None, text)] == ["assassination_attempt"]


def test_a_role_given_to_the_texts_subject_before_the_attack_binds_it() -> None:
    text = (
        "Lena Brook was elected to parliament in 1990 and taught law before that. Brook chaired the "
        "budget committee for six years. In 1999 the president appointed her minister of the interior. "
        "She reorganised the border police. On 2 May 2001 a bomb exploded under Brook's car outside her "
        "home, and she was badly hurt. Brook returned to work in June."
    )
    (event,) = detect(None, text)
    assert event.type == "assassination_attempt"
    assert event.entities.target is not None and event.entities.target.role.lower() == "minister"


# Sentences that name a role or a crowd but report no attempt and no protest violence (issue 8,
# classes 3, 5, 8). Written for this file.
@pytest.mark.parametrize(
    "text",
    [
        "The 1985 bombing of the airliner killed all 329 people on board, including a senior diplomat.",
        "A drone strike killed the group's commander and four bodyguards.",
        "The party leader was assassinated politically by his rivals at the congress.",
        "Two grenades were thrown into a crowd at the rally, killing two supporters; the candidate had left.",
        "Demonstrators burned an effigy of the president outside the embassy.",
    ],
)
def test_no_attempt_and_no_protest_violence(text: str) -> None:
    assert detect(None, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Several people were hurt as police charged a crowd of opposition supporters.",
        "Traders protesting market closures fought running battles with police.",
    ],
)
def test_force_on_a_gathering_and_battles_with_police_are_protest_violence(text: str) -> None:
    assert [e.type for e in detect(None, text)] == ["protest_violence"]


def test_no_reported_casualties_is_no_speech_verb() -> None:
    text = (
        "Gunmen fired at the house of Ana Reyes in the port on Monday. Reyes, a senior municipal "
        "official, was not harmed as there were no reported casualties."
    )
    assert [e.type for e in detect(None, text)] == ["assassination_attempt"]


def test_the_introduction_that_gives_the_role_is_shown_in_the_evidence() -> None:
    text = (
        "Ilse Marr served as president of Calder from 1979 until 1987. She nationalised the mines. "
        "In 1981 the front was declared illegal. Her party won the 1982 local elections. On 14 "
        "October 1983 Marr's motorcade was ambushed on the coast road and two of her bodyguards were "
        "killed."
    )
    (event,) = detect(None, text)
    assert event.type == "assassination_attempt"
    assert event.evidence[-1].startswith("Ilse Marr served as president")
    assert event.casualties.killed == 2
    assert event.entities.target is not None and event.entities.target.name == "Ilse Marr"
