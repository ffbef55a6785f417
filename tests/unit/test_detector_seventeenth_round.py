"""Cases of the seventeenth round (issue 8), each written for this file: the constructions the tune
halves of the probe pools (w53-w77) and of the batches w86-w93 showed the rules missing or
misreading. Every case fails on the code before the round except the guards that keep a fix from
going too far (marked)."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

AA, PV = "assassination_attempt", "protest_violence"

CASES = [
    # (w74) "his" after a hospital was named: a body is never the victim a pronoun refers to
    (
        "Opposition leader in intensive care",
        "Ilko Varesh, leader of the opposition Green Union, was moved to intensive care on Friday, a "
        "day after he fell ill at a dinner in Orvel. His aides had first spoken of food poisoning. "
        "On Saturday doctors at Orvel General Hospital said blood tests had found a nerve agent and "
        "that his condition was critical.",
        [AA],
    ),
    # (w67) a journalist's role told by a verb
    (
        None,
        "On 3 May, two men on a scooter shot dead Tomas Ivric outside his office in Orvel. Ivric, 52, "
        "edited the daily Orvel Courier and had written about contracts at the port.",
        [AA],
    ),
    # (w60) "a member of the judiciary"
    (
        None,
        "Detectives said the gunman fired five shots at a member of the judiciary as she left her "
        "home in Orvel on Friday evening, wounding her in the leg.",
        [AA],
    ),
    # (w90) a flash whose second clause dates something else: the killing is today's
    (
        None,
        "FLASH - Gunmen shoot dead village chief Ahmad Tarzi outside his house in Kelo, police say; the "
        "chief had settled a land feud between two families last month.",
        [AA],
    ),
    # guard: the dated clause holding the killing still dates it
    (
        None,
        "Villagers in Kelo marked a quiet day on Monday; gunmen shot dead the village chief Ahmad Tarzi "
        "there last month.",
        [],
    ),
    # (w90) a festival's pelting is no force
    (
        "Flower parade fills Orvel",
        "The old quarter was a riot of colour on Sunday as marchers in costume pelted the crowds with "
        "petals and police closed the bridge to traffic.",
        [],
    ),
    # (w76) the local offices of regional English: a sarpanch, a barangay captain, an MLA
    (
        None,
        "Sarpanch Kolli Venkat Rao, 48, was hacked to death by four men near the canal in Pedda on "
        "Saturday night, police said.",
        [AA],
    ),
    (
        None,
        "Barangay captain Rodel Manansala was shot and wounded by motorcycle-riding gunmen in Malino on "
        "Monday morning.",
        [AA],
    ),
    (None, "Unknown miscreants fired at the car of the MLA from Haripur on Sunday; he escaped unhurt.", [AA]),
]


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_seventeenth_round_case(title: str | None, text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(title, text)) == expected
