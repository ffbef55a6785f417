"""Short attempt reports and short false alerts of the kinds issue 8 names: killings of people who
are not public figures, threats, sentences, anniversaries, mass attacks, state operations against
armed men, fiction, figures of speech, sport, accidents. Written for this file (invented places)."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

ATTEMPTS = [
    "Gunmen shot dead the mayor of Kerro outside his home on Tuesday.",
    "A bomb exploded under the car of a judge in Lado, wounding him and his driver.",
    "Assailants opened fire on the convoy of Governor Ames near Tavi; two guards were killed.",
    "A suicide bomber targeted a provincial police chief in Sella, killing him and three bodyguards.",
    "The opposition leader survived an attack when a grenade was thrown at his rally stage in Port Lin.",
    "Unknown attackers stabbed a journalist who had reported on corruption in Duro.",
    "A drone struck the residence of the prime minister in the capital; he was unharmed.",
    "Police foiled a plot to kill the interior minister and arrested three men.",
    "A lawmaker was shot and wounded by a gunman on a motorcycle in Orsa on Monday.",
    "The village chief of Olma was hacked to death by men armed with machetes.",
    "Militants ambushed a district governor's vehicle in Kasso province, killing his driver.",
    "A parcel bomb addressed to the chief prosecutor exploded at his office, injuring a clerk.",
]

NO_ATTEMPT = [
    "A businessman was shot dead outside his home in Kerro by unknown gunmen on Tuesday.",
    "Gunmen killed a shopkeeper and his son in a robbery in Lado market.",
    "The nephew of the finance minister was stabbed in a bar fight in Orsa.",
    "A stray bullet killed a schoolgirl during a shoot-out between police and robbers in Tavi.",
    "The senator received a letter threatening to kill her family if she voted for the bill.",
    "A man was jailed for 20 years for the 2019 shooting of Governor Ames.",
    "Crowds gathered in Port Lin to mark the tenth anniversary of the assassination of President Oru.",
    "A bomb exploded in a crowded market in Sella, killing nine people, among them a local councillor.",
    "Police killed a wanted gang leader in a shoot-out in the hills near Duro.",
    "The army said it had killed the commander of a rebel group in an air raid.",
    "The film tells the story of a journalist who is shot after exposing a corrupt mayor.",
    "The prime minister accused the opposition of a political assassination campaign against her.",
    "The striker's late shot killed off the champions' hopes.",
    "A retired judge died in a car crash on the coast road near Olma.",
    "Six soldiers were killed when their patrol hit a roadside bomb in Kasso province.",
    "The mayor condemned the shooting of three teenagers outside a nightclub.",
    "Police are investigating the murder of a taxi driver whose body was found near the airport.",
    "The governor visited the victims of the mosque bombing in hospital.",
    "The minister said the killing of two farmers by a tiger had alarmed villagers.",
    "A candidate's campaign office was vandalised overnight; nobody was hurt.",
]


@pytest.mark.parametrize("text", ATTEMPTS, ids=[t[:40] for t in ATTEMPTS])
def test_short_attempts(text: str) -> None:
    assert [e.type for e in detect(None, text)] == ["assassination_attempt"]


@pytest.mark.parametrize("text", NO_ATTEMPT, ids=[t[:40] for t in NO_ATTEMPT])
def test_short_false_alerts(text: str) -> None:
    assert detect(None, text) == []


def test_an_activist_once_jailed_and_shot_today_is_an_attempt() -> None:
    # "jailed for" names the sentence for the act itself only, not a victim's past
    text = (
        "Unknown gunmen shot dead Ivo Dann, an activist who was jailed for two years for his writing,"
        " on Monday."
    )
    assert [e.type for e in detect(None, text)] == ["assassination_attempt"]


def test_a_target_who_dies_of_wounds_was_killed() -> None:
    # a headline in the present tense ("dies of his wounds"): the outcome is killed, the toll one
    events = detect(
        "Judge shot outside court dies of his wounds",
        "Judge Ana Melo, who was shot by a gunman outside the regional court on Saturday, was in"
        " intensive care until Tuesday. Her bodyguard was wounded in the leg.",
    )
    assert [(e.type, e.outcome, e.casualties.killed) for e in events] == [
        ("assassination_attempt", "killed", 1)
    ]
