"""Event mentions: a trigger bound to its target or crowd in one clause (sentences written here).

Each sentence is a construction seen in real reports, reworded with invented names and places:
the victim as object, as passive subject, as owner of what was attacked, named first and
described later; crowd-control force next to a protest, or told in the next sentence.
"""

from __future__ import annotations

import pytest

from agents.core.detector import detect


def _types(text: str) -> list[str]:
    return sorted(e.type for e in detect(None, text))


@pytest.mark.parametrize(
    "text",
    [
        "Unidentified gunmen shot and wounded a local councillor in the town of Rivas on Monday.",
        "A roadside bomb struck a vehicle carrying the district police chief, killing two of his guards.",
        "Assailants hurled a grenade at the home of a provincial lawmaker; no one was hurt.",
        "The judge was critically injured when an explosive device attached to his car detonated.",
        "Two men on a motorcycle fired at the car of a senior prosecutor, who escaped unharmed.",
        "Gunmen stormed the residence of the village chief and killed him along with his son.",
        "Militants ambushed a party official's convoy on the highway, injuring the official and three aides.",
        "Police said the mayor was the target of the shooting, which left his driver dead.",
        "A parcel bomb addressed to the minister exploded at the post office, injuring a clerk.",
        "The victim, a tribal elder, was shot several times by unknown men.",
        "Men opened fire on a vehicle in which the secretary of the local party branch was travelling.",
        "Armed men intercepted the car of a magistrate and shot him twice in the chest.",
        "A member of the provincial assembly was wounded when his car was hit by gunfire.",
        "A senior police officer was killed by a car bomb outside his home.",
        "An activist who campaigned against logging was shot dead in her garden.",
        "Gunmen attacked Tomas Verlo, the regional party secretary, outside his home in Brack.",
        "The blast wounded six people, including the provincial governor.",
        "A man attacked the senator with an axe at a town hall meeting.",
        "A mob lynched the district chief after the vote.",
        "A gunman opened fire on volunteers, striking four people \u2014 including Ana Vell, the deputy "
        "speaker \u2014 at the park.",
        "The governor was driving home when gunmen fired at his car, wounding his driver.",
        "Ali Vero was on his way to work when a bomb exploded near his convoy. Vero, a judge, was unhurt.",
    ],
)
def test_attack_bound_to_its_target(text: str) -> None:
    assert "assassination_attempt" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the attack on the bus station killed 12 people.",
        "Gunmen attacked a police checkpoint, killing four officers; the governor condemned the raid.",
        "A bomb exploded at a wedding, killing 30 guests; the minister of interior visited the site.",
        "Five people, including a teacher, were killed when a bomb exploded in the market.",
        "The prime minister visited the scene of the bombing on Friday.",
        "Rebels shelled the town, killing nine civilians, the governor said.",
        "The gunman, Karel Dost, shot four people at the depot. Dost had once worked for a senator.",
        "Striking workers, including the union leader, marched to the ministry.",
        "Protesters attacked the minister's car with stones outside the assembly.",
        "Supporters of the mayor attacked a reporter covering the rally, breaking his camera.",
    ],
)
def test_attack_words_beside_an_official_are_not_an_attempt(text: str) -> None:
    assert "assassination_attempt" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of students demonstrated against fee increases; police beat several of them with batons.",
        "Residents blocked the highway with burning tyres to protest power cuts, and police dispersed them.",
        "Demonstrators gathered outside parliament, but police charged them with batons.",
        "Police fired rubber bullets at farmers marching on the capital, injuring ten.",
        "Thousands protested in the city on Friday. Police used water cannon against them.",
        "On 1 May, workers protested over unpaid wages at a mill. Several workers were injured when police "
        "intervened.",
        "Residents angry over repeated power cuts attacked the office of the electricity company.",
        "Students denouncing the closure of the university threw rocks at security forces.",
        "Hundreds of protesters gathered in the square. Security forces fired live ammunition, killing two.",
    ],
)
def test_force_bound_to_a_protest(text: str) -> None:
    assert "protest_violence" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters held placards reading 'stop the violence' outside the ministry.",
        "Police monitored a rally of 300 people outside the embassy; no incidents were reported.",
        "The government banned a protest planned for Saturday.",
        "Police arrested eight activists who were distributing leaflets.",
        "Workers demanding higher pay met the management on Tuesday.",
        "The crowd cheered as the team arrived; two fans were injured in a crush.",
        "Residents demanding better roads met the governor. Two days later, a bus crash killed four people.",
        "Students protested against the bombing of the city, which killed 40 civilians.",
        "Demonstrators marched to the embassy of the country whose troops killed 12 civilians in a raid.",
    ],
)
def test_protest_words_beside_harm_elsewhere_are_not_protest_violence(text: str) -> None:
    assert "protest_violence" not in _types(text)
