"""Cases of the eleventh round (issue 8), each written for this file: the constructions the tune
halves of the probe batches w47-w52 showed the rules missing or misreading."""

from __future__ import annotations

import pytest

from agents.core.detector import detect
from agents.core.detector.casualties import sentence_counts
from agents.core.detector.text import strip_furniture

AA, PV = "assassination_attempt", "protest_violence"

CASES = [
    # (w48) a bulleted "Related" list under a quiet story: its headlines are other pages
    (
        "Fire at Lorvik paper mill kills two",
        "LORVIK: Two night-shift workers died when fire broke out in a paper mill on Friday, officials "
        "said.\n\nThe mill will stay closed while inspectors examine the boiler room.\n\nRelated\n"
        "\u2022 Riot police fire water cannon at fishermen protesting quotas in Sandhavn\n"
        "\u2022 Pulp prices at a five-year high",
        [],
    ),
    # (w51) a court jails rioters: the headline's present tense and the defendants' acts are the trial
    (
        "Court jails nine over Vessa market riots",
        "A court in Vessa on Monday sentenced nine men to prison terms for their part in unrest that "
        "followed a rent rise in May. The judge said the defendants had been filmed throwing stones and "
        "setting stalls on fire. Their lawyers said the sentences were meant to deter the traders' union, "
        "which has called a new rally for June.",
        [],
    ),
    # (w51) a chant's words and a minute's silence for a colleague are no violence
    (
        "Nurses march in Cardell",
        "Thousands of nurses marched through Cardell on Saturday, chanting that the health minister "
        "should 'resign or be thrown out'. The march ended with a minute's silence for a colleague who "
        "died in the spring. Police reported no arrests.",
        [],
    ),
    # (w52) a security plan: the guarantees asked for and the firm hand promised are not events
    (
        "Ten thousand officers for the Marlow summit",
        "Police will close the centre of Marlow during next week's summit. The commander said officers "
        "would act firmly against anyone who tried to breach the fence around the venue. Campaigners "
        "asked for guarantees that tear gas would not be used near the protest zone in the park.",
        [],
    ),
    # (w52) a theatre review: the riot is on the stage
    (
        "Review: 'Ash Lane' brings a riot to the Dunmore Playhouse",
        "For an hour the new play is a comedy about a launderette. Then the riot arrives offstage, with "
        "drums and sirens, and the characters barricade the door. The director stages the violence with "
        "nerve, and the second act is weaker. 'Ash Lane' runs until 2 May. Four stars.",
        [],
    ),
    # (w52, w48) a lawmaker shot by a gunman as he addressed a demonstration that police then broke up
    (
        "Opposition MP shot at student rally; police break up march",
        "Opposition lawmaker Ivo Marren was shot and wounded on Tuesday as he addressed a student "
        "demonstration in Teska, and police later fired tear gas to stop the students marching on the "
        "ministry. A man on a scooter fired four shots at him from the road, witnesses said.",
        [AA, PV],
    ),
    # (w52) the defendants' supporters fighting the police outside a court are the protest's
    (
        "Tear gas outside Orsk court as bombing trial opens",
        "Police fired tear gas outside the Orsk regional court on Monday as the trial of two men accused "
        "of a 2020 bombing opened. The defendants' supporters pushed over the barriers and threw bottles "
        "at officers. Six people were hurt.",
        [PV],
    ),
    # (w47) a man shot dead in the lead, named in the next sentence, and called a journalist in
    # apposition far down the report; the stray bullet that hit a bystander makes it no battle
    (
        "Man shot dead by motorcycle gunmen in Porto Lenz",
        "PORTO LENZ, March 3 - Two gunmen on a motorcycle shot dead a 50-year-old man outside a pharmacy "
        "in Porto Lenz on Monday, and a passer-by was wounded by a stray bullet, police said. The victim, "
        "Tomas Rebelo Faria, was walking to his car. The pillion passenger fired five shots. Rebelo died "
        "at the scene. The passer-by was treated in hospital. Police set up checkpoints. Shops closed "
        "early. Neighbours laid flowers. The mayor called for calm. Investigators took the footage. "
        "Schools stayed open on Tuesday. The press union said Rebelo was the third journalist killed in "
        "the province this year, and called for a federal inquiry.",
        [AA],
    ),
    # (w47) a curfew lifted in May after riots dated to early April: the vote is the news
    (
        "Assembly lifts Tarvo curfew",
        "TARVO, Kessland, June 20 - Kessland's parliament voted on Thursday to lift the night curfew "
        "in the capital. Ministers said the city had been calm for weeks. The opposition welcomed the "
        "vote. Shops will open late again from Monday. The curfew was imposed on May 2 after four "
        "nights of rioting over bread prices.",
        [],
    ),
    # ... but a riot dated two days before the dateline is the news
    (
        "Curfew in Tarvo after riots",
        "TARVO, Kessland, June 20 - A night curfew was declared in Tarvo on Thursday. Officials met "
        "the mayor. Schools stayed open. Buses ran to the timetable. The curfew was imposed on June 18 "
        "after two nights of rioting over bread prices.",
        [PV],
    ),
    # (w50) a police jeep overturned and burned by students is the protest's violence, no accident
    (
        None,
        "In March 1971 students marching on the Ministry of Education in Sarn were stopped by a police "
        "cordon. Tear gas was fired into the front ranks; some students responded by throwing stones, "
        "and a police jeep was overturned and set on fire.",
        [PV],
    ),
    # (w47) an inquiry's report: "the events of that March" and its recommendations are not news
    (
        "Inquiry blames commanders for Corva shootings",
        "CORVA, Lessia, Feb 20 - An inquiry concluded on Monday that senior commanders bear "
        "responsibility for the shooting of marchers in Corva two years ago. The report, handed to "
        "parliament on Thursday, is the first official account of the events of that March, when six "
        "people died. Among its recommendations are a ban on live ammunition for crowd-control units "
        "and body cameras for officers deployed at demonstrations.",
        [],
    ),
    # (w40) the sentence that gives the victim's role also tells of earlier threats: the role holds
    (
        "Woman stabbed outside newspaper office",
        "Ines Barrow, 41, was stabbed in the chest and arms by a man who had been waiting outside the "
        "offices of the Tarn Courier on Friday night. Barrow, a local journalist who had been "
        "investigating land deals, was in intensive care; colleagues said she had received death threats.",
        [AA],
    ),
    # (w49) riot equipment on a commander's desk is no riot
    (
        "The commander who talks first",
        "Superintendent Ana Pell keeps a dented riot helmet on her desk at the public-order headquarters "
        "in Mirov. She has run the division since 2021. Marches in the city are now met by liaison "
        "officers in blue vests.",
        [],
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_eleventh_round_case(title: str | None, text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(title, text)) == expected


def test_a_bulleted_related_list_is_furniture_but_a_bulleted_fact_list_is_not() -> None:
    page = (
        "Body.\n\nRelated\n\u2022 Police fire tear gas at dockers protesting job cuts in Sandhavn\n"
        "\u2022 Opinion: the port needs a new deal with its workers\n\nTags: port"
    )
    assert "tear gas" not in strip_furniture(page)
    facts = "What we know:\n\u2022 Police fired tear gas at the march.\n\u2022 Two people were hurt."
    assert strip_furniture(facts) == facts


def test_a_headline_with_a_byline_after_it_takes_its_toll_from_the_body() -> None:
    events = detect(
        "Mayor of Ostra wounded, driver killed as gunmen fire on his car",
        "THE OSTRA HERALD\n\nMayor of Ostra wounded, driver killed as gunmen fire on his car\n\n"
        "Prosecutors open an attempted-murder inquiry\n\nBy Lena Hart | OSTRA\n\nTuesday 9 April, 08:47\n\n"
        "The mayor of Ostra, Pavel Dorn, was seriously wounded on Tuesday when two gunmen on a motorcycle "
        "opened fire on his car, killing his driver and injuring one of his bodyguards, police said.",
    )
    assert [e.type for e in events] == [AA]
    assert (events[0].casualties.killed, events[0].casualties.injured) == (1, 2)


def test_sources_tolls_that_the_text_calls_different_give_the_lowest() -> None:
    events = detect(
        "Police clear Kalma sit-in; tolls differ",
        "Riot police used tear gas and gunfire to break up an opposition sit-in in Kalma on Tuesday, and "
        "the government and the opposition gave different accounts of how many people died. A police "
        "spokesman said two people had been killed and nine injured. The opposition said at least eight "
        "of its supporters had been killed and more than 40 wounded.",
    )
    assert [e.type for e in events] == [PV]
    assert (events[0].casualties.killed, events[0].casualties.injured) == (2, 9)


def test_a_toll_that_rose_is_still_the_larger_one() -> None:
    events = detect(
        "Police clear Kalma sit-in",
        "Riot police used tear gas and gunfire to break up an opposition sit-in in Kalma on Tuesday. A "
        "police spokesman said two people had been killed. By evening, hospital officials said the death "
        "toll had risen to five. Neither figure could be independently verified.",
    )
    assert [e.type for e in events] == [PV]
    assert events[0].casualties.killed == 5


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Rausk died in the operating theatre shortly after noon.", 1),
        ("Hundreds died in the fighting.", 100),
        ("The blast hit the car, killing its driver and the police escort in the front seat.", 2),
        ("The blast hit the car, killing its driver, Sergeant Ivo Brenn, and the escort in the back.", 2),
        ("Gunmen opened fire, killing his driver and Ahmed Ali.", 2),
        ("Police fired on the march, killing the head of the growers' union, Rui Casal, and a student.", 2),
    ],
)
def test_tolls_of_the_eleventh_round(sentence: str, killed: int) -> None:
    assert sentence_counts(sentence)[0] == killed
