"""A story's final toll is the highest reported: each report's count is the narrated event's."""

from __future__ import annotations

import pytest

from agents.core.detector import detect
from agents.core.detector.casualties import count_casualties, sentence_counts


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # The number before an active verb of harm with an object counts who fired.
        ("Two men on a scooter shot and wounded radio presenter Ada Uche outside her studio.", None, None),
        ("Three gunmen killed the village chief on Sunday.", 1, None),
        ("Four attackers shot dead a customs officer at the checkpoint.", 1, None),
        # Reduced passives keep their number: a preposition, punctuation or an adverb follows.
        ("Nine people killed in overnight clashes, officials said.", 9, None),
        ("Eleven injured, police said.", None, 11),
        ("Six people wounded critically were flown to the capital.", None, 6),
        ("Two guards were shot and wounded outside the court.", None, 2),
        ("Scores of marchers were shot and killed by soldiers.", 10, None),
    ],
)
def test_a_number_counts_victims_not_attackers(
    sentence: str, killed: int | None, injured: int | None
) -> None:
    assert sentence_counts(sentence) == (killed, injured)


def test_the_wounded_target_alone_is_the_toll_when_two_attackers_fired() -> None:
    events = detect(
        "Radio journalist shot outside studio",
        "Two men on a scooter shot and wounded radio journalist Ada Uche outside her studio in Enugu on "
        "Friday, her station said. She was taken to hospital and is in a stable condition.",
    )
    assert [(e.type, e.casualties.killed, e.casualties.injured) for e in events] == [
        ("assassination_attempt", 0, 1)
    ]


LEDE_TOLL = (
    "Riot police used tear gas to clear a road blockade by cattle herders outside Tamale on Monday, and "
    "17 people were injured in the clashes, local officials said. Protesters hurled rocks at officers "
    "and set tyres alight on the northern highway. Traffic was halted for most of the day."
)


def test_the_ledes_toll_counts_when_the_evidence_starts_right_after_it() -> None:
    events = detect("Herders clash with police at Tamale blockade", LEDE_TOLL)
    assert [(e.type, e.casualties.injured) for e in events] == [("protest_violence", 17)]


def test_a_lede_about_another_event_gives_no_toll() -> None:
    text = (
        "The clashes came days after an earlier protest in which 40 people were injured. Protesters hurled "
        "rocks at officers and set tyres alight on the northern highway near Tamale on Monday. Traffic was "
        "halted for most of the day."
    )
    events = detect("Herders clash with police at Tamale blockade", text)
    assert [e.type for e in events] == ["protest_violence"]
    assert events[0].casualties.injured != 40


def test_a_person_hurt_in_a_sentence_of_their_own_adds_to_a_count_of_others() -> None:
    counts = count_casualties(
        [
            "Three guards were killed and four passers-by wounded when the bomb went off beside the car.",
            "Mwangi, the deputy speaker, was slightly hurt.",
        ]
    )
    assert (counts.killed, counts.injured) == (3, 5)
    # A count of people in general may already hold that person: no addition.
    counts = count_casualties(["Four people were wounded in the blast.", "Mwangi was slightly hurt."])
    assert counts.injured == 4


def test_survived_with_wounds_is_hurt_and_her_driver_died_is_a_death() -> None:
    events = detect(
        "Senator survives ambush; driver killed",
        "Senator Rose Achieng survived an ambush on her car outside Kisumu on Friday with wounds to her "
        "arm, her office said. Her driver died at the scene and two of her bodyguards were wounded.",
    )
    assert [(e.type, e.outcome, e.casualties.killed, e.casualties.injured) for e in events] == [
        ("assassination_attempt", "injured", 1, 3)
    ]


def test_a_historic_centre_is_a_place_not_a_date() -> None:
    events = detect(
        "Clashes in Cusco",
        "Riot police fired tear gas at farmers protesting water cuts in Cusco on Thursday. The clashes, "
        "which spread through the historic centre, left two people dead and 19 injured.",
    )
    assert [(e.type, e.casualties.killed, e.casualties.injured) for e in events] == [
        ("protest_violence", 2, 19)
    ]


def test_a_city_name_with_a_lower_case_link_is_one_place() -> None:
    events = detect(
        "Tear gas at Dar es Salaam market",
        "Police fired tear gas at traders protesting a levy in Dar es Salaam on Monday; six were injured.",
    )
    assert [p.country_code for e in events for p in e.entities.places] == ["TZ"]
