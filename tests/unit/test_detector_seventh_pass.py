"""Cases of the seventh detector pass (issue 8), each written for this file: the constructions
the probe sets (`tests/fixtures/probes/`) showed the rules missing or misreading."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

AA, PV = "assassination_attempt", "protest_violence"

CASES = [
    # an aside in a biography: a relative's killing, told once, explains the subject
    (
        "Early life",
        "Marta Ilves was born in 1950 in Tarrow, the eldest of three children. Her father, the senator "
        "Aurel Ilves, had been assassinated in 1966 by gunmen outside his office, and the family moved "
        "to the capital. She read law at the state university and practised for twenty years. In 1994 "
        "she was elected to parliament.",
        [],
    ),
    # ... while a section that narrates the attack still reports it
    (
        "Assassination",
        "Aurel Ilves served as a senator for Tarrow from 1958. On 3 May 1966 gunmen shot him dead "
        "outside his office. His driver was wounded. Two men were later arrested.",
        [AA],
    ),
    # a court's sentence for a riot tells the trial, not the riot
    (
        "Nine jailed over riot that wrecked Pellam market",
        "A court in Pellam on Tuesday sentenced nine men to prison for the riot in the market last "
        "year. The judge said the men had set stalls on fire. Their lawyers said they would appeal.",
        [],
    ),
    # force held in reserve is no force
    (
        "Thousands march in Ostrava",
        "About 8,000 people marched through Ostrava on Saturday against the pension bill. Water-cannon "
        "vehicles were parked in the side streets, but the water cannon were not used. Police detained "
        "four people for blocking a tram line; nobody was injured.",
        [],
    ),
    # figurative: a budget "assassinated", a removal called an assassination
    (
        "Budget week",
        "Within an hour of the speech, the budget had been assassinated by its own backbenchers. The "
        'minister called his removal "a political assassination" in an interview on Friday.',
        [],
    ),
    # listed among the dead of a crash: one of the victims, no target
    (
        "Plane crash",
        "A small plane crashed into a hillside near Dorn on Monday. All six people on board, including "
        "the deputy minister of mines, were killed. Investigators blamed fog.",
        [],
    ),
    # the role after "by" did the act
    (
        None,
        "The campaign was started by the friends of Lio Maren, a student who was shot dead by an "
        "officer of the county sheriff's office in 2019. They held weekly vigils.",
        [],
    ),
    # "him" is the judge named just before; the role comes in apposition later
    (
        "Judge killed outside courthouse",
        "TARREN, March 6 (Wire) - Hugo Anselm Brandt was unlocking his car outside the courthouse on "
        "Thursday when two men walked up and shot him at close range. Brandt, 58, was a federal judge. "
        "He died at the scene.",
        [AA],
    ),
    # a title before the name, a quoted nickname between
    (
        None,
        'Representative Tomas "Bong" Riel was meeting village heads when two gunmen entered. One of '
        "them fired a pistol at Riel, wounding him in the arm.",
        [AA],
    ),
    # the crowd stormed the governor's office: the protest's violence, not an attempt on him
    (
        "Protesters storm regional office",
        "Thousands protested in Kessa on Monday against the election result. Police beat protesters "
        "with truncheons. They broke through the cordon and stormed the governor's office. The governor "
        "escaped through a rear door.",
        [PV],
    ),
    # a protest named in the lead, its force told further down
    (
        "March of the miners",
        "On 11 March 1967 some four thousand miners set out on foot for the provincial capital. The "
        "march had been announced a week earlier. They walked through the night. At dawn they reached "
        "the bridge. The army had closed the road. Within minutes the soldiers fired into the crowd.",
        [PV],
    ),
    # a headline's present tense and its role, the lead's named victim
    (
        "Irrigation minister escapes gun attack",
        "By Amna Riaz\nKARLA: Malik Omar Zand escaped unhurt on Sunday when gunmen fired on his vehicle "
        "near Karla. Two guards were wounded. Police said the attackers fled. A case was registered. "
        "Security was increased at his home.",
        [AA],
    ),
    # asked to go is no force; "approx." does not end a sentence
    (
        None,
        "police asked approx. 150 vendors protesting new fees at the market to disperse; the crowd "
        "complied, no force used.",
        [],
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_seventh_pass_case(title: str | None, text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(title, text)) == expected
