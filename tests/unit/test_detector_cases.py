"""Hand-written fixtures for the detector's hard cases (none copied from any corpus)."""

from __future__ import annotations

import pytest

from agents.core.detector import detect
from agents.core.models import Event


def types(title: str | None, text: str) -> set[str]:
    return {e.type for e in detect(title, text)}


def only(events: list[Event], kind: str) -> Event:
    matching = [e for e in events if e.type == kind]
    assert len(matching) == 1, [e.type for e in events]
    return matching[0]


NEGATIVES = {
    "furniture": (
        "City council approves new budget",
        "The council of Lisbon approved a new transport budget on Tuesday after a long debate.\n"
        "ALSO READ: Opposition Leader Shot Dead Outside Parliament\n"
        "Read more: Police fire tear gas at protesters in capital\n"
        "Please enter your comment!\nPlease enter your name here",
    ),
    "negation": (
        None,
        "The interior ministry denied reports that the governor had been attacked, saying he was travelling "
        "abroad at the time. Officials denied any attack on his convoy.",
    ),
    "threat": (
        None,
        "The militant group threatened to kill the provincial governor if he did not release prisoners. "
        "Analysts warned that the group could target senior officials in the coming weeks.",
    ),
    "anniversary": (
        None,
        "Thousands gathered in Tel Aviv on Saturday on the anniversary of Prime Minister Yitzhak Rabin's "
        "assassination. Rabin was assassinated in 1995 by a right-wing extremist.",
    ),
    "film": (
        "Review: a tense political thriller",
        "The film follows a bodyguard who must stop the assassination of the president. The actor playing "
        "the president is superb, and the movie's final act, in which a sniper opens fire on the motorcade, "
        "is the best sequence of the season. The series returns next year.",
    ),
    "game": (
        None,
        "In the new video game, players can assassinate a corrupt governor using poison or a hidden blade. "
        "The game launches on consoles next month.",
    ),
    "sports_attack": (
        "United edge City in derby",
        "United's attack overwhelmed the City defence in the first half and the striker scored twice. "
        "The coach praised his shooting guard-style playmaker, and the fans stormed onto the pitch to "
        "celebrate "
        "the league title. City's manager said his side never recovered from the early goals.",
    ),
    "shooting_guard": (
        None,
        "The shooting guard scored 31 points as the home team beat the visitors in the playoffs on Sunday.",
    ),
    "heart_attack": (
        None,
        "The former minister died of a heart attack at his home on Monday, his family said. He was 74.",
    ),
    "cyber_attack": (
        None,
        "A cyber-attack on the ministry's servers disrupted payments for two days; the minister said no data "
        "was stolen in the cyberattack.",
    ),
    "political_attacks": (
        None,
        "The senator launched fierce political attacks on the president over his budget, and the president "
        "attacked her record on taxes during the debate.",
    ),
    "character_assassination": (
        None,
        "The mayor called the newspaper's report a character assassination and said he would sue.",
    ),
    "riot_of_colour": (
        None,
        "The spring festival was a riot of colour as dancers filled the streets of the old town.",
    ),
    "disaster_toll": (
        None,
        "An earthquake killed at least 120 people and injured hundreds in the mountain province, the "
        "governor "
        "said. The deputy governor died when a building collapsed on his office during the quake.",
    ),
    "peaceful_protest": (
        None,
        "Thousands of teachers marched peacefully through the capital on Monday to demand higher wages. "
        "The protest ended without incident and no injuries were reported.",
    ),
    "banned_protest": (
        None,
        "Authorities banned a planned opposition rally in the capital, citing security concerns. Police said "
        "they would monitor the area, and organisers postponed the march.",
    ),
    "arrests_without_force": (
        None,
        "Police arrested 14 demonstrators who had blocked a motorway near the port during a climate protest. "
        "They were released later the same day.",
    ),
    "mob_violence": (
        None,
        "A mob attacked a man accused of theft in a village market and beat him to death, police said. "
        "Three suspects were detained.",
    ),
    "market_bombing": (
        None,
        "A car bomb exploded in a crowded market in the city on Friday, killing 23 people and wounding "
        "dozens of shoppers, police said. No group claimed responsibility.",
    ),
    "battle": (
        None,
        "Fighting between government troops and rebels killed dozens of fighters near the border town, and "
        "artillery shelling continued overnight, the army said.",
    ),
    "business": (
        "Retailer profits rise",
        "Shares of the retailer jumped 8 percent after it reported quarterly profits above expectations. "
        "The chief executive said online sales drove the growth, and the company raised its forecast.",
    ),
    "protest_against_killing": (
        None,
        "Hundreds of students rallied outside the university to protest against the killing of a journalist "
        "last month, chanting slogans and holding candles. The demonstration was peaceful.",
    ),
}


@pytest.mark.parametrize("case", sorted(NEGATIVES))
def test_hard_negatives_raise_nothing(case: str) -> None:
    title, text = NEGATIVES[case]
    assert types(title, text) == set()


def test_mayor_killed_is_assassination_with_outcome_killed() -> None:
    text = (
        "Gunmen on a motorcycle shot dead the mayor of a northern town as he left his office on Tuesday. "
        "Mayor Carlos Ramirez, 52, was killed instantly and his driver was wounded, police said."
    )
    event = only(detect(None, text), "assassination_attempt")
    assert event.outcome == "killed"
    assert event.casualties.killed == 1
    assert event.casualties.injured == 1
    assert event.entities.target is not None
    assert event.entities.target.name == "Carlos Ramirez"
    assert "firearm" in event.entities.weapons


def test_foiled_plot() -> None:
    text = (
        "Security services foiled a plot to assassinate the justice minister, arresting three men who had "
        "explosives in a flat in Lyon, the prosecutor's office said on Thursday."
    )
    event = only(detect(None, text), "assassination_attempt")
    assert event.outcome == "foiled"
    assert event.casualties.killed == 0
    assert any(p.country_code == "FR" for p in event.entities.places)


def test_journalist_injured_gtd_style() -> None:
    text = (
        "Assailants opened fire on Tomas Herrera in a suburb of Guatemala City. Herrera, a radio journalist, "
        "was wounded in the attack. No group claimed responsibility."
    )
    event = only(detect(None, text), "assassination_attempt")
    assert event.outcome == "injured"
    assert event.casualties.injured == 1
    assert event.entities.target is not None and event.entities.target.role.lower() == "journalist"


def test_tear_gas_only_dispersal_is_low() -> None:
    text = (
        "Police fired tear gas to disperse hundreds of protesters who gathered outside parliament to "
        "denounce the new fuel tax on Saturday."
    )
    event = only(detect(None, text), "protest_violence")
    assert event.severity.level == "low"
    assert event.casualties.killed in (None, 0)
    assert "tear gas" in event.entities.weapons


def test_protest_with_injuries_is_medium_and_deaths_higher() -> None:
    injured = detect(
        None,
        "Demonstrators clashed with riot police in the port city on Sunday. Eight protesters were injured "
        "when officers charged the crowd with batons.",
    )
    deadly = detect(
        None,
        "Security forces opened fire on demonstrators in the port city on Sunday, killing four protesters "
        "and wounding 30 others, witnesses said.",
    )
    low = only(injured, "protest_violence")
    high = only(deadly, "protest_violence")
    assert low.casualties.injured == 8
    assert low.severity.level == "medium"
    assert high.casualties.killed == 4 and high.casualties.injured == 30
    assert high.severity.level in ("high", "critical")
    assert high.severity.score > low.severity.score


def test_rioters_torched_cars() -> None:
    text = "Rioters torched cars and looted shops after the protest over fuel prices spread to three cities."
    assert "protest_violence" in types(None, text)


def test_casualties_are_per_event() -> None:
    text = (
        "A roadside bomb struck the convoy of Governor Amina Yusuf on Monday; she escaped unhurt but four of "
        "her bodyguards were injured.\n\n"
        "In a separate incident in the city, police fired live ammunition at protesters demanding jobs. "
        "Two demonstrators were killed and 15 were wounded, hospital officials said."
    )
    events = detect(None, text)
    attempt = only(events, "assassination_attempt")
    riot = only(events, "protest_violence")
    assert attempt.outcome == "unharmed"
    assert attempt.casualties.injured == 4
    assert attempt.casualties.killed == 0
    assert riot.casualties.killed == 2
    assert riot.casualties.injured == 15
    assert not set(attempt.evidence) & set(riot.evidence)


def test_hyphenated_allegiance_is_not_a_place() -> None:
    from agents.core.detector.places import find_places

    found = find_places(
        ["Hundreds of pro-Russia activists and anti-Kyiv marchers gathered in Kharkiv on Sunday."]
    )
    names = {p.name: p.country_code for p, _ in found}
    assert names == {"Kharkiv": "UA"}


def test_a_surname_after_of_is_no_town_and_a_city_after_a_country_is_in_it() -> None:
    from agents.core.detector.places import find_places

    def names(sentence: str) -> dict[str, str | None]:
        return {p.name: p.country_code for p, _ in find_places([sentence])}

    # "of" opens the run "Anselmo Tavares": Tavares (a Florida town) is his surname there.
    assert names(
        "Police are investigating an attack on the house of Anselmo Tavares, the mayor of Petrolina."
    ) == {"Petrolina": "BR"}
    # "Brazil's Minas Gerais": no Minas of Uruguay; "Peru's Arequipa" and "In Celaya" still count.
    assert names("A councillor in Brazil's Minas Gerais state was wounded in Belo Horizonte.") == {
        "Brazil": "BR",
        "Belo Horizonte": "BR",
    }
    assert names("Miners clashed with police in Peru's Arequipa region.") == {"Peru": "PE", "Arequipa": "PE"}
    assert names("In Celaya, gunmen shot at the mayor's car.") == {"Celaya": "MX"}
    # A small town that only opens a longer name is not that town: "Minas Gerais" is a state.
    assert names("Police clashed with miners in Minas Gerais on Monday.") == {}
    assert names("Gunmen attacked a convoy in Kano State.") == {"Kano": "NG"}
    assert names("Troops fought rebels in Arequipa Region.") == {"Arequipa": "PE"}


def test_the_outcome_is_the_targets_fate_not_a_companions() -> None:
    from agents.core.detector.entities import find_outcome
    from agents.core.models import Target

    councillor = Target(name="Luciana Barreto", role="Councillor")

    def fate(sentence: str) -> str:
        return find_outcome([sentence], councillor)

    assert fate("Councillor shot, driver killed") == "unknown"
    assert fate("Gunmen fired on councillor Luciana Barreto, killing her driver.") == "unknown"
    assert fate("The councillor's bodyguard was killed and Barreto was hit in the shoulder.") == "injured"
    # Joined to the target, the others' deaths are hers too; and her own death stays a killing.
    assert fate("Barreto and her driver were killed when gunmen fired on their car.") == "killed"
    assert fate("Gunmen killed Councillor Barreto outside her home on Monday.") == "killed"
    commander = Target(name="Jorge Patino", role="commander")
    assert (
        find_outcome(["Patino, a police commander, and another officer were killed."], commander) == "killed"
    )


def test_the_target_keeps_the_fullest_name_the_evidence_gives() -> None:
    from agents.core.detector.entities import find_target

    # The lead names him in full; a later sentence names him by his two surnames as "the third
    # mayor": one person, the full name kept (the stories stage matches names by their tokens).
    target, _ = find_target(
        [
            "Mayor Tomás Andrés Robles Quiroga of Irapuato was shot dead in his car on Friday.",
            "Robles Quiroga is the second mayor killed in the state this year, officials said.",
        ]
    )
    assert target is not None and target.name == "Tomás Andrés Robles Quiroga"
