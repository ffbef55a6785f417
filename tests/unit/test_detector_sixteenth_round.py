"""Cases of the sixteenth round (issue 8), each written for this file: the constructions the tune
halves of the probe batches w78-w85 showed the rules missing or misreading. Every case fails on the
code before the round except one variant the rules already read and the guard that keeps a fix
from going too far (both marked)."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

AA, PV = "assassination_attempt", "protest_violence"

CASES = [
    # (w81) what the target rode in: a pickup, a van, an SUV
    (
        "Grenade thrown at district police commander's pickup",
        "KESSO, 3 Mar: a grenade was tossed from a passing scooter at the pickup carrying the district "
        "police commander as it stopped at a fuel station. He was unhurt; two escorts were wounded.",
        [AA],
    ),
    # (a variant the rules already read)
    (None, "Two men on a motorbike fired at the van of a local radio journalist in Orbe on Monday.", [AA]),
    # (w79) a plot stopped is an attempt when it was a plot to kill ...
    (
        None,
        "Police arrested two men near the home of Judge Ilsa Varn on Friday, thwarting what detectives "
        "call a contract to kill the judge.",
        [AA],
    ),
    # ... not a coup plot, a smuggling plot, a robbery or a crowd's attempt to storm a building
    (None, "Security services said on Monday they had foiled a coup plot in the capital.", []),
    (None, "Customs officers foiled a plot to smuggle cocaine through the port of Varn.", []),
    (None, "Police foiled an attempt to rob the central bank branch in Orbe on Tuesday.", []),
    (None, "Guards prevented an attempt by visitors to climb the fence of the parliament.", []),
    # (w80) a crowd disputing a vote count, wrecking an office, and the police's tear gas
    (
        None,
        "TAVO, 2 Jun. Supporters of a defeated council candidate, disputing the recount, ransacked the "
        "electoral office and set furniture alight; police fired tear gas and warning shots.",
        [PV],
    ),
    # (w81) a headline's role killed where he was found, the name and the attack in the body
    (
        "Party youth leader killed outside nightclub",
        "Kito Baraza, 31, was shot at close range by two men at his gate in Orbe on Monday night and "
        "died in hospital. He chaired the youth wing of the Orbe Unity Party.",
        [AA],
    ),
    # guard: killed in a crash is no attack
    ("Mayor killed in road crash", "The mayor of Orbe died on Monday when his car hit a lorry.", []),
    # (w79) a video game's review, told in the first person
    (
        "Night Ledger review: a stealth game about killing a senator",
        "Platform: PC, consoles | Score: 7/10. Night Ledger gives you one target, a senator, and three "
        "in-game days. In my first playthrough I poisoned the senator at a dinner. The game lets you "
        "choose every route. The missions grow harder. The levels are huge. The crowd AI is weak. "
        "Still, few games reward patience this well.",
        [],
    ),
    # (w85) an "ALSO SEE" furniture line is another page's headline
    (
        "Party leader receives threats",
        "Police opened a case of intimidation after the party leader received threatening letters.\n"
        "ALSO SEE: Protest turns violent as residents torch clinic\n"
        "The party said she would continue her tour.",
        [],
    ),
    # (w83) a headline's toll "including" an official: one of the many dead
    (
        "Blast at election rally kills 19, including district councillor",
        "ORBE - A suicide bomber blew himself up among supporters queuing at the gate of an election "
        "rally on Sunday, police said. The candidate had not yet arrived.",
        [],
    ),
    # (w83) an early report the text corrects; an attempt ruled out
    (
        "Bomb at Orbe bus station kills 7; police rule out attempt on senator",
        "ORBE - A bomb left under a bench exploded in the waiting hall of the bus station on Monday, "
        "killing seven passengers. Some radio stations initially reported that a senator driving past "
        "had been attacked. There is nothing to suggest the senator was the target, police said.",
        [],
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_sixteenth_round_case(title: str | None, text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(title, text)) == expected
