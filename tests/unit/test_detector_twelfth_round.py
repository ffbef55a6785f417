"""Cases of the twelfth round (issue 8), each written for this file: the constructions the tune
halves of the probe batches w53-w59 showed the rules missing or misreading. Every case fails on
the code before the round except the guards that keep a fix from going too far (2, 3, 13) and three
variants the rules already read right (1, 8, 10), kept so that a later change cannot lose them."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

AA, PV = "assassination_attempt", "protest_violence"

CASES = [
    # (w59) an incident record's bare participle after the role and the name
    (
        None,
        "Cllr. Mara Odeke, Greens councillor for Ward 4, shot dead by 3 gunmen on a motorbike outside "
        "her shop in Lomu town, 2 Feb 2023. Shopkeeper wounded. Fatalities 1.",
        [AA],
    ),
    (None, "District governor Paulo Ametu gunned down outside his home in Vessi, 4 Jun 2022.", [AA]),
    # ... but a role after a determiner with the participle next is a description
    (
        None,
        "Ametu Avenue, named after the district governor gunned down in 1987, was repaved on Friday.",
        [],
    ),
    # ... and a participle whose agent is the police is force on a protest
    (
        "Union leader shot dead as troops break up dockers' march in Harvo",
        "HARVO - Troops opened fire on striking dockers on Thursday, killing union leader Ade Moru "
        "and wounding nine others, witnesses said.",
        [PV],
    ),
    # (w53) a march carrying the dead's photographs, under a heavy and idle police presence
    (
        "Thousands march for Ina Velk",
        "ROSTAL - Tens of thousands marched through Rostal on Sunday carrying portraits of a student "
        "killed by a border guard in April. Police had water cannon trucks ready in the side streets, "
        "but the water cannon never left them. No injuries were reported among officers or marchers.",
        [],
    ),
    # (w53) a strike called in protest at violence against the strikers' colleagues
    (
        "Teachers strike",
        "LEMBA - Teachers at 300 schools stopped work on Wednesday in protest at what their union calls "
        "a wave of violence against staff. The strike passed off quietly.",
        [],
    ),
    # (w53) a majority pushes a bill through; the minister wanted pictures he did not get
    (
        "Opposition stages sit-in on parliament steps",
        "DORRA - Opposition deputies staged a sit-in on the steps of parliament on Tuesday after the "
        'majority pushed through the second reading of a broadcasting bill. "The minister wanted '
        'pictures of burning cars," one deputy said. "He got a picnic."',
        [],
    ),
    # (w53) "that summer" points back to an earlier year's riots
    (
        "Vigil on the anniversary",
        "KERNA - Hundreds held candles outside the courthouse on Friday. The memory of 2016 was "
        "everywhere. That summer, after a man died in a police van, rioters burned the tax office and "
        "forty people were hurt.",
        [],
    ),
    # (w53) a relative clause between the named victim and the verb; the role given before
    (
        "Crowd fills Rossa square for fifth night",
        "ROSSA - A crowd of 5,000 filled the square on Friday, many carrying photographs of the "
        "Gazette's senior court reporter, Lina Oravec. Oravec, 39, whose reporting on the port tender "
        "started the protests, was shot dead outside her home late on Thursday. Police said two men on "
        "a scooter had waited for her for an hour.",
        [AA],
    ),
    # (w59) gunmen, not a crowd, attacking a mayor in a riot report: news of its own
    (
        None,
        "Bread-price riot in Tessen, 3 Mar 2023: around 800 protesters burned two buses; police fired "
        "tear gas. 1 protester killed. Same night unidentified gunmen sprayed the car of Mayor Ilan "
        "Brodi with bullets on his way home; mayor unhurt.",
        [AA, PV],
    ),
    # (w59) a prison riot set off by a gang fight is the fight
    (
        None,
        "Inmates of Wing B at Orsa prison rioted on 2 Apr 2023 after a fight between rival gangs spread "
        "to the yard. Guards used tear gas. 2 prisoners killed.",
        [],
    ),
    # (w59) a poisoning told by what was found in the victim's blood, and a quoted "poisoned"
    (
        None,
        "Opposition blogger Sani Rell was admitted to intensive care on 4 Jan 2024 after collapsing at "
        "an airport. Doctors found an organophosphate compound in her blood. Her lawyer says she was "
        "'deliberately poisoned'.",
        [AA],
    ),
    # (w59) a bomb defused on the road a governor was about to take
    (
        None,
        "Police in Kerra said on 9 May 2023 that an explosive device was defused under a bridge on the "
        "road Governor Amos Tell was due to use that morning. Two men were held.",
        [AA],
    ),
    (None, "The road the governor opened in 2019 was closed after a bomb exploded at the market.", []),
    # (w55) a profile's reason for entering politics is background, the rally today is news
    (
        "Vanta campaigns in the north",
        "TESSA - Mira Vanta has toured the north for three weeks. She entered politics in 2009 after "
        "her father, the party leader Oren Vanta, was killed by a bomb at a rally. On Saturday police "
        "fired tear gas at her supporters as they marched on the governor's office, and twelve were "
        "hurt.",
        [PV],
    ),
    # (w55) an attack on a candidate whose role was given paragraphs before
    (
        "Pensions decide the race in Harl",
        "HARL - Mayor Ivo Sarn polls 40 percent, against 38 percent for his independent challenger, "
        "Tomas Lerch. Pensions dominate the campaign. Turnout is expected to be low. Both men debated on "
        "radio on Thursday. Sarn defended the budget. Late on Sunday, as Lerch's car pulled away from "
        "a rally, two men on a motorcycle fired four shots into it. Lerch, who was in the back seat, "
        "was not hurt. His driver was hit in the arm.",
        [AA],
    ),
    # (w55) a stabbing at a book fair: a dated news report, not a novel's plot
    (
        "Kessa book fair closes",
        "KESSA - The book fair closed on Sunday with a record crowd. The novelist's prize went to a "
        "debut novel, and the poetry prize to a collection of sonnets. The fair was overshadowed by "
        "Saturday's attack on Ana Dusk, the novelist and rights campaigner, at a reading. A man stabbed "
        "her in the shoulder before stewards held him.",
        [AA],
    ),
    # (w57) a church bombing the prosecutor says was aimed at the bishop
    (
        "Two killed in blast at St Ilda's church",
        "MORA - A bomb exploded in St Ilda's church during Sunday mass, killing two worshippers and "
        "wounding nine. The blast came as the procession reached the altar. Police arrested a man on "
        'Monday. "There is no doubt that the intended victim was the bishop," the prosecutor said.',
        [AA],
    ),
    # (w54) the grievance of an election report was yesterday's shooting, told in the body
    (
        "Candidate rejects result, calls mourning",
        "KASSA, Orvan, June 8 (Wire) - Opposition candidate Ema Rudd on Friday rejected the result of "
        "last week's election and called three days of national mourning for two of her supporters "
        "killed when police fired on a march in the capital. The "
        "shooting happened on Thursday evening as several thousand marchers neared the election "
        "commission. Police fired tear gas, then live rounds when some threw stones.",
        [PV],
    ),
    # (w58) an attack told by a device that exploded, the victim doing something when it did
    (
        None,
        "PELL - Judge Ada Noor was leaving the courthouse on Monday when a device exploded under her "
        "car. She was treated for burns.",
        [AA],
    ),
    # (w58) a poisoning told by a toxic substance found in the victim's blood
    (
        "Clinic finds toxic substance in editor's blood",
        "ORVA - Lena Brik, the Courier's deputy editor, has been in intensive care since Monday. Doctors "
        "said on Thursday that tests had found a toxic substance in her blood.",
        [AA],
    ),
    # (w61) a denied report and a road accident told without the word are no attack
    (
        "Senator in hospital",
        "UPDATE: Senator Ivo Marsh, 71, collapsed in the chamber on Tuesday and was taken to hospital. "
        "Doctors said he had suffered a stroke. Earlier reports online that he had been attacked are "
        "false, the chamber's security chief said.",
        [],
    ),
    (
        "Minister dies",
        "Transport Minister Elsa Varn died on Monday when her car skidded on ice and struck a tree, the "
        "government said. Her driver was hurt. Police said there was no sign of foul play.",
        [],
    ),
    # ... but a shot driver's car leaving the road is still the attack's
    (
        None,
        "Gunmen fired on the car of Mayor Rui Tavo on the coast road on Friday. His driver was struck in "
        "the chest and the car left the road; the mayor was hit twice.",
        [AA],
    ),
    # (w61) a roadside device that went off beside a governor's motorcade
    (
        None,
        "BREAKING: A roadside device went off beside the motorcade of Governor Lia Hart on the pass road "
        "late on Tuesday, police say. She was unhurt; two guards were wounded.",
        [AA],
    ),
    # (w61) a relative clause dated "last month" describes the victim, not the event
    (
        None,
        "Reporter Ana Coll, 38, whose series on land sales ran last month, was shot by a man on a "
        "scooter as she left her office on Wednesday and died in hospital.",
        [AA],
    ),
    # (w61) the mayor "is recovering in hospital after a man ... stabbed him"
    (
        None,
        "In the north: the mayor of Selby, Aron Pike, is recovering in hospital tonight after a man walked "
        "up to him at the fish market and stabbed him in the side. Police arrested the man.",
        [AA],
    ),
    # (w61) a bulletin's riot-police line is the protest's, the grenade line the bishop's
    (
        None,
        "Bulletin: Riot police fired rubber bullets at striking bus drivers who had blocked the depot "
        "this morning; the union says five were hurt. Earlier, a man threw a grenade at the car of "
        "Bishop Ivo Lant outside the cathedral; the bishop was unhurt.",
        [AA, PV],
    ),
    # (w61) a crowd's clash told with its own toll after an attack is news of its own
    (
        None,
        "Opposition leader Mia Strand escaped unhurt when a gunman fired at her as she left a rally in "
        "Orre on Saturday. Later, hundreds of her supporters marched on the police station; officers "
        "answered stones with tear gas and 11 people were treated for injuries.",
        [AA, PV],
    ),
    # (w61) a water cannon truck in action is force
    (
        None,
        "Students crouch behind umbrellas as a police water cannon truck sweeps the square in Tarn on "
        "Wednesday, ending a week-long sit-in against fee rises.",
        [PV],
    ),
    # (w60) a drone brought down over a residence attacked nothing; one that struck it did
    (
        "Guards bring down drone over governor's residence",
        "Guards at the residence of Governor Eli Sand brought down a small drone that flew over the "
        "garden on Sunday. It carried a camera and nothing else, police said.",
        [],
    ),
    (None, "A drone carrying explosives struck the residence of Governor Eli Sand on Sunday.", [AA]),
    # (w60) a vigil "two years to the day after" a killing remembers it
    (
        "Vigil for Toma Ress",
        "About two hundred people held candles outside the ministry on Thursday, two years to the day "
        "after reporter Toma Ress was shot dead outside his home. The vigil ended without incident.",
        [],
    ),
    # (w63) an officer among the soldiers killed by a roadside bomb is one of its victims
    (
        None,
        "Five soldiers, among them a young platoon commander, were killed on Monday when a roadside bomb "
        "hit their truck near Kessa, the army said.",
        [],
    ),
    # (w63) a government's formal note of protest is no protest
    (
        None,
        "Orland handed the envoy a formal note of protest on Monday after shells fired across the border "
        "killed two farmers and wounded six.",
        [],
    ),
    # (w65) a quoted refusal to throw stones, and a battle beside a banned march
    (
        None,
        "About 300 people gathered outside the prefecture on Monday evening. \"I'm angry, but I'm not going "
        'to throw stones," one said. The gathering broke up quietly.',
        [],
    ),
    (
        None,
        "The governor banned the march on Thursday. Troops killed nine fighters from the Hill Front in a "
        "six-hour exchange of fire north of the town, the army said. Two soldiers were wounded.",
        [],
    ),
    # (w65) a security plan designed to make an attempt impossible reports none
    (
        None,
        'Five thousand officers guard the summit. Officials say the plan is designed "to make an '
        'assassination attempt close to impossible". Snipers are on the roofs.',
        [],
    ),
    # (w65) a live page's line on strikers hurling concrete at a gate
    (
        "Port strike - live",
        "10:40 - At the port's main gate, riot police have formed a line. Strikers can be seen hurling "
        "bolts and lumps of concrete at the gate.",
        [PV],
    ),
    # (w66) force carried, not used, and a crowd that agreed to go home
    (
        None,
        "3 March. Verin, Ostal. About 120 tenants blocked the road outside the housing office. Gendarmes "
        "with tear gas launchers arrived and ordered them to leave; after talks with an official the "
        "tenants agreed to disperse. No arrests.",
        [],
    ),
    # (w67) a banned march with detentions and "no injuries or use of force"
    (
        None,
        "On 4 May 2019 authorities in Kell banned a march by the jobless union. About 150 people gathered "
        "anyway; police detained 20 organisers. No injuries or use of force were reported.",
        [],
    ),
    # (w67) mourners killed when troops fired on a funeral march: the crowd's toll, not a mourning
    (
        None,
        "On 9 March 2014 mourners carrying the body of a youth turned his funeral into a protest march on "
        "the police station in Tarek. Troops fired live rounds into the crowd. Several mourners were "
        "killed, medics said.",
        [PV],
    ),
    # (w69, w68) no protest at all, and another place's riots cited as a lesson
    (
        None,
        "The Highland Rising was an armed revolt in 1931. No demonstration, march or strike preceded it. "
        "Rebel columns attacked police posts at Orro and Vell and held them for a week.",
        [],
    ),
    (
        None,
        "The salt boycott of 1921 was a campaign of non-payment. Its organisers often cited events in "
        "neighbouring Dalva, where troops had fired on grain rioters the previous year, as the reason for "
        "their discipline.",
        [],
    ),
    # (w68) the subject's office at the time of another's assassination
    (
        None,
        "Ivo Marr was born in 1930 and trained as a lawyer. He entered parliament in 1962. Marr was still "
        "deputy prime minister when Premier Ona Bask was assassinated in 1974. He retired in 1990.",
        [],
    ),
    # (w70) a sentence for an old attack; a crowd crush; a film that revisits riots; a drill
    (
        "Gunman gets 20 years for 2021 attack on Mayor Ivo Lenn",
        "A court in Sorra on Tuesday sentenced a former guard to 20 years in prison. Lenn was shot twice in "
        "March 2021 as he left the town hall.",
        [],
    ),
    (
        "Nine dead in crush at opposition rally",
        "Nine people were crushed to death on Friday when a crowd surged through a collapsed gate at an "
        "opposition rally in Vell stadium. Early posts on social media claimed police had fired tear gas "
        "into the crowd; police denied it.",
        [],
    ),
    (
        "'The Long Night' revisits the riots that followed a premier's murder",
        "The new documentary revisits the night of 1998 when riots followed the shooting of the premier. "
        "The archive footage shows a water cannon knocking a crowd off its feet. The director lets "
        "survivors speak.",
        [],
    ),
    (
        None,
        "Residents woke on Sunday to sirens. The scenario imagined an assassination attempt on the "
        "president during the parade, with a gunman on a rooftop; the gunman was a police marksman "
        "firing blanks.",
        [],
    ),
    # (w71) a plan to poison a cleric, told after the arrests
    (
        None,
        "Security officers said on Sunday they had broken up a network and arrested three people. "
        "According to an officer, the network planned to poison Sheikh Omar Hadi, head of the council of "
        "scholars, at a dinner at his residence.",
        [AA],
    ),
    # (w71) the man shot dead is identified three sentences on, then given his role
    (
        None,
        "LORRA (Wire) - Two men on a motorbike shot dead a 52-year-old man outside his house on Tuesday "
        "night, police said. He was hit by five shots as he got out of his car. The attackers fled. Police "
        "identified the victim as Tomas Vell Aranda. Vell was a journalist at a community radio station "
        "that reported on port contracts.",
        [AA],
    ),
    # (w75) a toxin found in an opposition leader's blood
    (
        None,
        "KREL (Wire) - Opposition leader Ivo Stan was flown abroad on Sunday after doctors found what "
        "they called a nerve-acting toxin in his blood. He had collapsed after drinking tea at a meeting.",
        [AA],
    ),
    # (w75) a lawmaker shot while addressing a rally, and the police's tear gas hours later
    (
        None,
        "MIRA (Wire) - A lawmaker was shot and wounded while addressing a rally against a mine closure "
        "on Saturday, and hours later police fired tear gas at protesters who marched on the police "
        "station. Ana Roll, an independent member of parliament, had been speaking for ten minutes when "
        "a man in the crowd fired three shots. She was hit in the arm.",
        [AA, PV],
    ),
    # (w75) a blast on a line of vehicles; the lead car was in a mayor's convoy
    (
        None,
        "VOLK (Wire) - An explosion tore through a line of vehicles on the ring road on Tuesday, killing "
        "one driver. The SUV was the lead car in the convoy of Mayor Ina Tesk, who was two cars behind. "
        "She was not hurt.",
        [AA],
    ),
    # (w74, w75) police dispersing a lynch mob; no force used at a banned rally; a skid into a ravine
    (
        None,
        "A man suspected of stealing cattle was beaten to death by a crowd in Orsi village on Monday. "
        "Officers fired into the air to disperse the mob.",
        [],
    ),
    (
        None,
        "Several hundred people defied a ban on a rally in Vell Square on Saturday and police detained 30. "
        "Both sides said afterwards that no batons, tear gas or other force had been used.",
        [],
    ),
    (
        "Two aides to Governor Rea Moll killed as convoy car leaves mountain road",
        "Two aides to Governor Rea Moll were killed on Tuesday when their car skidded off a mountain road "
        "and fell into a ravine. The governor, in the first car, was unhurt.",
        [],
    ),
    # (w77) an analysis whose headline says whom the bomb was meant for
    (
        "Analysis: The bomb in Orra was meant for the governor",
        "ORRA - The device went off beneath an official car at 7.40 on Saturday as it pulled through the "
        "gates of the residence. The driver was wounded. The province has a long memory of such things. "
        "Its quarrels are old. Its politics are local. Few here were surprised.",
        [AA],
    ),
    # (w76) "This was an attack on the judge", said of the shooting the lead told
    (
        "Morning gunfire on Almendros avenue leaves one wounded",
        "SAN LUIS - Commuters threw themselves to the ground shortly after 7 a.m. on Tuesday when two men "
        "on a motorcycle pulled alongside a white car and fired into it. The driver was wounded. Traffic "
        "was stopped for two hours. Shops stayed shut. Witnesses said the gunmen fled north. Police "
        'closed the avenue. "This was an attack on the judge," said the attorney general of the woman '
        "in the back seat, a criminal court judge.",
        [AA],
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_twelfth_round_case(title: str | None, text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(title, text)) == expected


def test_a_participle_record_names_the_target_and_its_fate() -> None:
    record = "Hon. Ruth Kamau, Unity Party MP for Lake East, shot dead by 2 gunmen in Obi town."
    (event,) = detect(None, record)
    assert event.entities.target is not None and event.entities.target.name == "Ruth Kamau"
    assert event.outcome == "killed" and event.casualties.killed == 1


_THIN_MARCH = (
    "VARNO, Estal, March 3 (Wire) - Several thousand teachers marched through Varno on Tuesday to "
    "demand a new pay scale, the largest education protest the city has seen in a decade. At the "
    "ministry gates officers pushed back a group of marchers who tried to hang a banner on the "
    "railings. The march "
    "set off from the railway station at ten and reached the education ministry shortly after noon, "
    "where union leaders read out their demands from a lorry parked across the avenue. Speakers "
    "accused the government of breaking a promise made before the last election and said the strike "
    "would spread to secondary schools next month if talks did not resume. Shops along the route "
    "stayed open and traffic was diverted for most of the day. The ministry said "
    "it was ready to meet the unions next week and that a new offer would be made before the budget. "
    "Union leaders said they would decide on Friday whether to accept the invitation. Parents' groups "
    "said they backed the teachers but asked for exams to go ahead as planned in June."
)


def test_a_long_news_report_with_one_weak_mention_and_no_casualty_abstains() -> None:
    assert len(_THIN_MARCH) > 1000
    assert detect("Teachers march on Varno ministry", _THIN_MARCH) == []


def test_the_same_report_with_a_casualty_alerts() -> None:
    hurt = _THIN_MARCH.replace("railings.", "railings; two teachers were injured.")
    assert [e.type for e in detect("Teachers march on Varno ministry", hurt)] == [PV]


def test_a_short_brief_with_one_weak_mention_still_alerts() -> None:
    brief = (
        "VARNO - Several thousand teachers marched on the education ministry on Tuesday to demand a new "
        "pay scale. At the gates officers pushed back a group of marchers who tried to hang a banner."
    )
    assert [e.type for e in detect(None, brief)] == [PV]


def test_a_digests_second_story_with_its_own_dateline_is_not_a_passing_mention() -> None:
    floods = " ".join(
        f"Rescue teams reached village {n} on Wednesday and found the bridge there washed away."
        for n in range(1, 9)
    )
    text = (
        "SOUTH (Wire) -- At least nine people died after flash floods hit three villages, officials said. "
        + floods
        + "\n\nKARVA (Wire) -- A drone loaded with explosives struck the office of lawmaker Ana Fenn on "
        "Wednesday morning, shattering windows. She was not inside."
    )
    assert [e.type for e in detect("Floods kill nine; drone hits lawmaker's office", text)] == [AA]
