"""Sixth pass on issue 8: short texts written for this file (invented people and places), phrased as
different outlets would, for the rules added in that pass and for the error classes whose check
figures lag. No corpus line."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

# Force on a protest phrased in varied ways; wire copy in capitals.
VIOLENT = [
    "Riot police charged a crowd of striking bus drivers in Ammer on Monday, beating several with batons.",
    "Police dispersed with batons a march of unemployed graduates in Sella, injuring at least six.",
    "Protesters torched two police vehicles in Varno on Saturday after a rally against the new tax turned"
    " into running street battles.",
    "Clashes between marchers and police left 14 people hurt in Delo on Thursday.",
    "Shops were looted and a bank set alight as an opposition march through Karo descended into chaos.",
    "POLICE FIRED TEAR GAS AT STUDENTS MARCHING ON PARLIAMENT IN ROVA ON TUESDAY, WITNESSES SAID.",
    "RIOT POLICE CLASHED WITH THOUSANDS OF PROTESTERS IN THE CAPITAL ON FRIDAY; AT LEAST 20 WERE INJURED.",
    "Security forces broke up a sit-in by farmers outside the governor's office in Tamsa, firing rubber"
    " bullets.",
    "A 19-year-old student, Ana Rell, was killed when police opened fire on a demonstration in Persa.",
    "Demonstrators hurled petrol bombs at a police station in Kell during a protest over a death in custody.",
    "Hundreds of strikers blocked the factory gates in Borr; police used water cannon to clear them.",
    "Protesters stormed the town hall in Lissa and set fire to its records office.",
    # "tear-gassed" is the verb of the force, not only the noun "tear gas"
    "Police tear-gassed hundreds of traders protesting the closure of the central market in Obeno.",
    "Officers beat protesters with clubs as they tried to march on the presidential palace in Tarn.",
]

NOT_EVENTS = [
    # a crowd that went home "by" a time of day was not dispersed by anyone
    "The marchers dispersed by early evening and no arrests were made.",
    "The crowd dispersed by nightfall after speeches outside the ministry in Kora.",
    "Gunmen kidnapped the district governor of Ress on Monday and demanded a ransom.",
    "Inmates rioted at Varn prison on Sunday, setting fire to mattresses; three inmates died.",
    "Mobs from two villages clashed with machetes over grazing land in Turra, leaving five dead.",
    "A protest against a statue of a colonial general drew about 300 people to the park on Sunday.",
    "Life returned to normal in riot-hit Delsa as shops reopened on Wednesday.",
    "Thousands marched peacefully in Moro on Saturday to demand justice for a journalist killed last month.",
    "The government lodged a formal protest after border guards fired on a fishing boat.",
    "A bomb exploded in a crowded bus in Sarna on Friday, killing nine passengers.",
    # a monument to a victim tells the killing as background
    "A statue of the murdered judge was unveiled outside the courthouse in Vell on Friday.",
]


@pytest.mark.parametrize("text", VIOLENT)
def test_varied_force_on_a_protest_is_protest_violence(text: str) -> None:
    assert [e.type for e in detect(None, text)] == ["protest_violence"]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_an_event_of_either_type(text: str) -> None:
    assert detect(None, text) == []


def test_the_role_given_later_by_the_noun_of_what_was_hit() -> None:
    events = detect(
        None,
        "A car bomb hit a motorcade outside Torva on Sunday, wounding three guards. Witnesses said the blast"
        " overturned two cars. Police cordoned off the road for hours. The motorcade was carrying the"
        " interior minister, who was unhurt.",
    )
    assert [e.type for e in events] == ["assassination_attempt"]
    assert events[0].entities.target is not None and events[0].entities.target.role == "Minister"
    assert events[0].outcome == "unharmed"


def test_a_convoy_whose_owner_is_never_told_is_no_attempt() -> None:
    text = (
        "A roadside bomb struck a convoy on the highway east of Sarn on Monday, wounding four people."
        " The governor later condemned the attack."
    )
    assert detect(None, text) == []


def test_the_attackers_escape_is_no_word_on_the_target() -> None:
    events = detect(
        None,
        "Two men on a motorcycle shot Ilan Berk outside his office in Nareva on Tuesday. Berk died in"
        " hospital. Berk, 58, was the city's deputy mayor. Police said the attackers escaped towards the"
        " river.",
    )
    assert [e.type for e in events] == ["assassination_attempt"]
    assert events[0].outcome == "killed"
    assert events[0].entities.target is not None
    assert events[0].entities.target.name == "Ilan Berk"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Gunmen shot at Mayor Ida Solt outside her home in Brell on Friday; she escaped unhurt.",
            "unharmed",
        ),
        ("Gunmen shot at Mayor Ida Solt outside her home in Brell on Friday; the gunmen escaped.", "unknown"),
    ],
)
def test_who_escaped_decides_the_outcome(text: str, outcome: str) -> None:
    events = detect(None, text)
    assert [e.type for e in events] == ["assassination_attempt"]
    assert events[0].outcome == outcome


@pytest.mark.parametrize(
    "text",
    [
        # the role is a relative's: the person harmed holds none
        "Gunmen shot dead the wife of a provincial councillor outside her shop in Ander on Monday.",
        "One of the victims, Marta Voss, was the wife of a provincial councillor, police said after the"
        " strangler's arrest.",
        # an accident named as the cause of a strike or protest is no violence of it
        "Workers went on strike at the Ostra mine after an explosion killed three miners.",
        "Relatives protested outside the hospital over a fire that killed 12 patients.",
        # a riot dated by "of <year>" is as dated as "the 2009 riots"
        "Opponents of the silent marches pointed to the violent riots of 2009, in which rioters had burned"
        " government offices.",
    ],
)
def test_relatives_accidents_and_dated_riots_raise_nothing(text: str) -> None:
    assert detect(None, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Police officers kicked a man lying on the ground during a demonstration in Karo.",
        "Police teargassed supporters of the opposition candidate in Lissa.",
        # the accident stays the protest's grievance, the protesters' own fire is still force
        "Protesters set fire to the mine office after an explosion killed three miners; police fired"
        " tear gas.",
    ],
)
def test_kicks_teargassing_and_force_beside_an_accident(text: str) -> None:
    assert [e.type for e in detect(None, text)] == ["protest_violence"]


def test_an_accident_told_as_an_attack_target_keeps_its_disaster_reading() -> None:
    # only the harm after an accident is masked; the accident itself stays for the disaster veto
    text = "The minister died after the crash of his helicopter in the mountains on Monday, officials said."
    assert detect(None, text) == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "A gunman opened fire on Rep. Dana Holt at a town hall meeting in Ohio on Saturday, wounding"
            " her and two aides.",
            "Representative",
        ),
        (
            "A man shot and wounded state Sen. Lucy Marr outside her district office on Tuesday.",
            "State Senator",
        ),
        ("Sheriff Tom Wade was shot dead during a traffic stop by a man who had threatened him.", "Sheriff"),
        (
            "The district attorney, Maria Lenz, was attacked with a knife outside the courthouse.",
            "District Attorney",
        ),
        ("Unknown assailants threw acid at a female MP in Karo on Monday.", "Member of Parliament"),
        # what militants accuse their victim of is no court's charge
        ("Militants beheaded a village headman accused of working with the army.", "Headman"),
    ],
)
def test_titles_acid_and_accusations_by_attackers(text: str, role: str) -> None:
    events = detect(None, text)
    assert [e.type for e in events] == ["assassination_attempt"]
    assert events[0].entities.target is not None and events[0].entities.target.role == role


def test_wounding_her_is_the_targets_injury() -> None:
    events = detect(None, "Gunmen opened fire on Mayor Ida Solt in Brell on Monday, wounding her.")
    assert [e.outcome for e in events] == ["injured"]


@pytest.mark.parametrize(
    "text",
    [
        # harmed as one of those present: the role only says who that was
        "During the standoff the hijackers shot one passenger, a retired customs official, and threw his"
        " body onto the tarmac.",
        "The man accused of shooting the mayor appeared in court on Monday.",
    ],
)
def test_one_of_the_passengers_and_a_court_accusation(text: str) -> None:
    assert detect(None, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the grievance, told by what its culprits did or as the protest's object
        "Protesters in Tull demanded the release of activists detained during last week's clashes.",
        "Hundreds protested outside the police station demanding action against the men who beat a youth.",
        "Human rights groups protested the use of tear gas by police at last month's rally.",
        # a rule on crowd-control weapons is no use of them
        "The city council voted to ban rubber bullets after a protester lost an eye in 2019.",
    ],
)
def test_grievances_and_rules_on_force_are_no_violence(text: str) -> None:
    assert detect(None, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Officers hit protesters with shields and arrested dozens near the presidential palace.",
        "Soldiers whipped protesters who defied the curfew in Kasha.",
        # the grievance masked, the protest's own clash stays
        "Students protested the killing of a classmate and clashed with police in Sella.",
        "Police fired rubber bullets at protesters who defied a ban on rallies.",
    ],
)
def test_shields_whips_and_a_clash_beside_a_grievance(text: str) -> None:
    assert [e.type for e in detect(None, text)] == ["protest_violence"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the headline's riots are the body's background
        (
            "Governor Fires Police Chief After Riot Report",
            "The governor dismissed the city's police chief on Friday after a report criticised the handling"
            " of last summer's riots.",
        ),
        # a dated relative clause introduces the person; the sentence tells what came next
        (
            "Ex-Minister Dies at 84",
            "Former foreign minister Ivo Kral, who survived an assassination attempt in 1979, died at his"
            " home on Saturday aged 84.",
        ),
    ],
)
def test_headline_cue_told_as_background_and_a_dated_relative_clause(title: str, text: str) -> None:
    assert detect(title, text) == []


def test_an_undated_relative_clause_stays_news() -> None:
    text = (
        "Former foreign minister Ivo Kral, who survived an assassination attempt on Monday, said he would"
        " stay."
    )
    assert [e.type for e in detect(None, text)] == ["assassination_attempt"]


def test_a_stampede_set_off_by_tear_gas_on_protesters_is_protest_violence() -> None:
    text = (
        "Police fired tear gas into a crowd of people protesting the government at the festival; this"
        " resulted in a stampede and more than 50 deaths."
    )
    assert [e.type for e in detect(None, text)] == ["protest_violence"]


@pytest.mark.parametrize(
    "text",
    [
        "A stampede at a religious festival killed 50 pilgrims on Sunday.",
        # force on fans, not protesters: no protest whatever set off the stampede
        "Police fired tear gas at fans outside the stadium, causing a stampede in which 40 people died.",
    ],
)
def test_other_stampedes_stay_accidents(text: str) -> None:
    assert detect(None, text) == []


def test_the_force_on_a_dated_protest_told_in_the_next_sentence() -> None:
    text = (
        "In 1971 the arrest of the poet Ivo Sarn sparked the Vell Square protests, during which students"
        " camped in the square for six weeks. However, they were put down on 9 May when troops forcibly"
        " cleared the square, with many dead."
    )
    assert [e.type for e in detect(None, text)] == ["protest_violence"]


def test_a_dated_protest_followed_by_no_force_stays_history() -> None:
    text = (
        "In 1971 the arrest of the poet Ivo Sarn sparked the Vell Square protests, during which students"
        " camped in the square for six weeks. They ended when the government agreed to free him."
    )
    assert detect(None, text) == []


def test_encyclopedia_citation_marks_end_a_sentence() -> None:
    from agents.core.detector.text import split_sentences

    text = (
        "There were protests in 2017.[12] The army was deployed.[13][14] It ended.[citation needed]"
        " Then calm."
    )
    assert split_sentences(text) == [
        "There were protests in 2017.",
        "The army was deployed.",
        "It ended.",
        "Then calm.",
    ]
    # a figure after a citation stays with its sentence, as after any dot not followed by a capital
    assert split_sentences("Dozens died.[3] 40 were hurt.") == ["Dozens died.[3] 40 were hurt."]


@pytest.mark.parametrize(
    "text",
    [
        # a raid or a battle, not an attack aimed at a person
        "In 2011 special forces raided the compound in Abbara and killed the militant leader Omar Tesh, the"
        " founder of the group.",
        "The rebel commander General Vusi Mart was killed in fighting with government troops near Orbe.",
        "The police chief was killed in a shootout with bank robbers in 1992.",
    ],
)
def test_raids_and_fights_with_the_other_side_are_combat(text: str) -> None:
    assert detect(None, text) == []


def test_a_police_chief_shot_by_gunmen_stays_an_attempt() -> None:
    text = "Gunmen shot dead the police chief of Ostra on Monday."
    assert [e.type for e in detect(None, text)] == ["assassination_attempt"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "11/21/2013: Gunmen shot and killed Musa Adan, a member of the Sarn peace committee, in Tarsa.",
            "Member Of The Sarn Peace Committee",
        ),
        # abducted and killed is a killing, as "kidnapped and killed" already was
        (
            "09/09/2014: Assailants abducted and killed Hassan Dirie, a local clan elder, in Baid district.",
            "Clan Elder",
        ),
    ],
)
def test_committee_members_and_abducted_and_killed(text: str, role: str) -> None:
    events = detect(None, text)
    assert [e.type for e in events] == ["assassination_attempt"]
    assert events[0].entities.target is not None and events[0].entities.target.role == role


def test_an_abduction_alone_stays_no_attempt() -> None:
    assert (
        detect(None, "Gunmen abducted the district governor of Ress on Monday and demanded a ransom.") == []
    )
