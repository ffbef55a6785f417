"""Cases of the seventeenth round (issue 8), each written for this file: the constructions the tune
halves of the probe pools (w53-w77) and of the batches w86-w93 showed the rules missing or
misreading. Every case fails on the code before the round (46f0710) except a variant the rules
already read and the guard that keeps a fix from going too far (both marked)."""

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
    # (a variant the rules already read)
    (
        None,
        "Barangay captain Rodel Manansala was shot and wounded by motorcycle-riding gunmen in Malino on "
        "Monday morning.",
        [AA],
    ),
    (None, "Unknown miscreants fired at the car of the MLA from Haripur on Sunday; he escaped unhurt.", [AA]),
    # (w93) a "Related stories" block of headlines without bullets, one a line
    (
        "Nurses march on the health ministry",
        "Thousands of nurses marched to the health ministry in Orvel on Monday to demand back pay. The "
        "march ended peacefully in the afternoon.\n\nRelated stories\n\nPolice fire tear gas at "
        "pensioners' protest in Kelo\n\nExplainer: why the hospitals cannot pay\n\nMost read\n\n"
        "Inflation slows for a third month",
        [],
    ),
    # (w87) a government's compensation for an old riot is no riot
    (
        "Treasury sets aside funds to compensate victims of 2011 Kelo riots",
        "The government will begin paying compensation next month to families of people killed in the "
        "2011 Kelo riots, the treasury said on Tuesday. The riots broke out in October 2011 after a "
        'dispute over market stalls escalated into three days of burning and looting. "It will not '
        'bring anyone back," said Amos Kiptoo, whose brother was killed on the second day of the riots.',
        [],
    ),
    # (w88) kit carried is no force used
    (
        None,
        "Thousands of students rallied outside parliament in Orvel on Thursday. Officers stood behind "
        "barriers and some carried tear gas grenades on their belts. The rally ended without incident.",
        [],
    ),
    # (w92) "Hon." before a name does not end the sentence: the overturned car is an accident
    (
        "Minister unhurt as escort car overturns",
        "Two police officers died and three others were injured on Sunday when an escort vehicle in the "
        "convoy of the State Minister for Water, Hon. Ruth Akello, overturned on the Kelo road. The "
        "minister was unhurt.",
        [],
    ),
    # (w91) an editorial described as an assassination is no attack
    (
        None,
        "Each time a politician describes a newspaper editorial as an assassination, the word loses a "
        "little of its weight.",
        [],
    ),
    # (w86) a pesticide in the victim's blood; a party leader's role told by the verbs of his career
    (
        None,
        "Pavel Orsk remained in intensive care on Friday, and doctors said blood tests had found an "
        "organophosphate compound. Prosecutors opened an attempted murder case. Orsk, 44, who founded the "
        "alliance in 2019, had campaigned against the dam.",
        [AA],
    ),
    # (w86) a judge told by what she presides over
    (
        None,
        "Mira Sen was reading at home on Monday night when a grenade landed below her window and "
        "exploded. Sen, who presides over the district's speedy trial tribunal, was not hurt.",
        [AA],
    ),
    # (w93) a radio commentator, a programme's host
    (None, "A radio commentator was stabbed outside his station in Kelo on Thursday night.", [AA]),
    (
        None,
        "Jun Cruz, host of the morning programme Bantay on a local station, was shot dead on Monday.",
        [AA],
    ),
    # (w63) what a killing told as years old set off is as old: the riots after it
    (
        "Murder trial of governor's killers adjourned again",
        "KELO, Orveda - The trial of four men accused of killing Governor Ana Rask was adjourned again "
        "on Monday after a witness failed to appear. Rask was killed almost three years ago when a bomb "
        "destroyed her car on the road from the provincial capital. Her death set off several days of "
        "rioting in the capital, in which two people died. The four defendants deny the charges.",
        [],
    ),
    # (w77) what a law allows is no force used
    (
        "What the public order bill would change",
        "The Public Order Bill returns to the assembly on Tuesday. At present, police commanders may "
        "deploy water cannon at a demonstration only with written authorisation from the minister. The "
        "bill would let a district commander decide. Civil liberties groups oppose it.",
        [],
    ),
    # (w2) "the protests of the previous two years" in a section about a reform
    (
        None,
        "The reform of the national police was a central promise of the transitional government. The old "
        "force had been discredited by its handling of the protests of the previous two years, in which "
        "more than 200 demonstrators had died. The reform set out four goals.",
        [],
    ),
    # (w97) organisers who went home at dusk dispersed no one
    (
        None,
        "About 2,000 teachers marched peacefully to parliament carrying placards, and organisers "
        "dispersed at dusk.",
        [],
    ),
    # (w99) a biography's "(born 1970) is a ... politician", and legislatures by their own names
    (
        "Karin Ost",
        "Karin Ost (born 1970) is a Swedish politician who has been a member of the Riksdag since 2010. "
        "She grew up in Orvik and worked as a teacher. On 3 May 2019, Ost was speaking in the square of "
        "Orvik when a man stepped out of the crowd and stabbed her twice. She recovered and returned to "
        "the Riksdag in June.",
        [AA],
    ),
    (
        None,
        "Dr Lena Varga, a member of the Bundestag, was stabbed in the arm by a man at a market stall in "
        "Kelo on Saturday, police said.",
        [AA],
    ),
    # (w95) a claim the police dismiss is no attempt
    (
        "Police dismiss claim chief minister was targeted as bus blast toll rises to 11",
        "The death toll from Tuesday's explosion at the Kelo bus terminal rose to 11 on Wednesday.",
        [],
    ),
    # (w101) what a rule says is supposed to happen
    (
        None,
        "Every use of force at a demonstration is supposed to be logged and reviewed by the unit's "
        "command, the explainer says.",
        [],
    ),
    # (w94) "last summer's disturbances" are background in a debate
    (
        None,
        "The assembly debated the policing bill on Wednesday. Much of the debate turned on last summer's "
        "disturbances in Kelo, where several nights of rioting followed a police shooting.",
        [],
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_seventeenth_round_case(title: str | None, text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(title, text)) == expected
