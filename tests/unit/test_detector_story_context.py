"""Target, toll and place come from the event the report narrates, not from its background lines.

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from agents.core.detector import detect
from agents.core.detector.casualties import count_casualties, sentence_counts
from agents.core.detector.context import elsewhere, own
from agents.core.detector.entities import find_target
from agents.core.detector.places import find_places


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The stabbing came a day after gunmen fired on the motorcade of Senator Joao Mbeki.", True),
        ("More than twenty people have been killed in land protests across the province this year.", True),
        ("Police said the blast was unrelated to a robbery in the port district.", True),
        ("In a separate attack, a councillor was wounded in the north.", True),
        ("The mayor, elected last year, was shot in the chest on Monday.", False),
        ("It was the deadliest attack on a judge this year, officials said.", False),
        ("Three protesters were killed when police fired on the march.", False),
    ],
)
def test_elsewhere_tells_background_from_the_narrated_event(sentence: str, expected: bool) -> None:
    assert elsewhere(sentence) is expected


def test_own_keeps_every_sentence_when_all_look_elsewhere() -> None:
    only = ["The attack came hours after a bomb hit the market."]
    assert own(only) == only


def test_a_year_tally_is_not_the_event_toll() -> None:
    sentences = [
        "Two marchers were killed and 18 injured when police charged the rally in the capital on Friday.",
        "More than forty people have been killed in protests across the country this year.",
    ]
    assert count_casualties(sentences).killed == 2
    assert count_casualties(sentences).injured == 18


def test_a_rising_death_toll_is_read_as_the_killed_count() -> None:
    assert sentence_counts("The death toll from Friday's riot rose to five on Sunday, doctors said.")[0] == 5


def test_wounding_a_list_counts_each_person() -> None:
    sentence = "A gunman fired into the judge's car, seriously wounding him and his clerk, police said."
    assert sentence_counts(sentence)[1] == 2


def test_an_aside_between_count_and_verb_does_not_hide_the_count() -> None:
    assert sentence_counts("Twelve people, three of them firefighters, were injured in the clashes.")[1] == 12


def test_a_speech_clause_is_not_one_more_victim() -> None:
    sentence = "The bomb killed one of her drivers and wounded two others, regional officials said."
    assert sentence_counts(sentence) == (1, 2)
    later = "Two days after an attack that killed one of his aides, the senator told a rally he would stay."
    assert sentence_counts(later)[0] == 1


def test_the_target_is_the_victim_not_a_person_in_a_background_sentence() -> None:
    sentences = [
        "Two men shot and wounded radio journalist Tomas Ekwueme outside his studio on Wednesday.",
        "The shooting came hours after gunmen ambushed the convoy of Governor Halima Dankwa elsewhere.",
    ]
    target, _ = find_target(sentences)
    assert target is not None
    assert target.name == "Tomas Ekwueme"
    assert target.role.lower() == "journalist"


def test_a_detected_attempt_keeps_its_own_victim_and_toll() -> None:
    title = "Radio journalist shot outside studio in Kano"
    text = (
        "Two men on a motorbike shot and wounded radio journalist Tomas Ekwueme outside his studio in Kano "
        "on Wednesday, his colleagues said. Ekwueme was taken to hospital in a stable condition. The "
        "shooting came hours after gunmen ambushed the convoy of Governor Halima Dankwa in another part of "
        "the city, killing four guards."
    )
    events = detect(title, text)
    assert [e.type for e in events] == ["assassination_attempt"]
    target = events[0].entities.target
    assert target is not None and target.name is not None and "Ekwueme" in target.name
    assert not events[0].casualties.killed  # the four guards were the governor's convoy's


def test_a_small_town_inside_a_person_name_is_a_surname() -> None:
    places = [p.name for p, _ in find_places(["Senator Ana Villanueva Cruz was shot in Manila on Monday."])]
    assert places == ["Manila"]


def test_country_possessive_then_city_gives_both_places() -> None:
    places = [p.name for p, _ in find_places(["Miners clashed with police in southern Peru's Cusco region."])]
    assert places == ["Peru", "Cusco"]


def test_a_city_in_a_background_sentence_does_not_place_the_event() -> None:
    sentences = [
        "Riot police fired tear gas at miners blocking a highway in the south on Tuesday.",
        "The unrest was unrelated to a teachers' strike in Lima the same day.",
    ]
    assert [p.name for p, _ in find_places(sentences)] == []
    # a country named there still counts (usually the same country)
    sentences[1] = "The unrest was unrelated to a teachers' strike elsewhere in Peru."
    assert [p.name for p, _ in find_places(sentences)] == ["Peru"]
