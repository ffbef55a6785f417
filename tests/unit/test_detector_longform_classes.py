"""Document-level detection, one test family per long-form error class (issue 8).

Every text here is written for this repository; none comes from a corpus or benchmark.
"""

from __future__ import annotations

import pytest

from agents.core.detector import detect
from agents.core.detector.mentions import bound, victim_bound
from agents.core.detector.rules import analyse
from agents.core.detector.salience import decide
from agents.core.detector.text import build_document


def _types(text: str, title: str | None = None) -> list[str]:
    return sorted(e.type for e in detect(title, text))


# 1. Both types for a one-event article.
def test_assassination_article_does_not_also_raise_protest_from_one_crowd_sentence() -> None:
    text = (
        "Gunmen shot dead the provincial governor of Eastmark as he left his office on Monday.\n\n"
        "The governor had served two terms and was known for his road-building programme.\n\n"
        "His deputy said the province would hold three days of mourning.\n\n"
        "In a separate part of the city, residents angry over water cuts gathered outside the utility, "
        "and one man was injured in a scuffle."
    )
    assert _types(text) == ["assassination_attempt"]


def test_riot_article_with_an_official_hurt_in_the_crowd_is_one_event() -> None:
    text = (
        "Police fired tear gas and rubber bullets at thousands of protesters in Westport on Friday.\n\n"
        "Demonstrators threw stones and set fire to two police vehicles near the port.\n\n"
        "Officials said 30 people were injured."
    )
    assert _types(text) == ["protest_violence"]


def test_two_distinct_events_in_one_article_both_count() -> None:
    text = (
        "A drone attack on the residence of the prime minister left three guards wounded on Sunday; "
        "the prime minister was unharmed.\n\n"
        "Earlier, police fired tear gas at protesters who tried to storm the election commission, "
        "and a protester was killed in the clashes."
    )
    assert _types(text) == ["assassination_attempt", "protest_violence"]


# 2. Peaceful protests raised as violent because violence words sit elsewhere.
@pytest.mark.parametrize(
    "text",
    [
        "Hundreds marched peacefully in Northvale on Saturday against the killing of a teenager by police.",
        "Students held a sit-in outside the ministry on Tuesday. The march passed without incident. "
        "Police were present at the square.",
        "Thousands rallied in the capital to demand higher wages. Organisers said ten people were arrested.",
    ],
)
def test_peaceful_protest_stays_silent(text: str) -> None:
    assert _types(text) == []


# 3. Attacks on anonymous people are not assassinations.
@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded in a crowded market on Friday, killing 14 shoppers. "
        "The president condemned the attack.",
        "A gunman opened fire inside a church during Sunday service, killing nine worshippers. "
        "The mayor said the city was in shock.",
        "Militants massacred dozens of villagers overnight; the interior minister ordered an inquiry.",
    ],
)
def test_anonymous_victims_are_not_an_assassination(text: str) -> None:
    assert "assassination_attempt" not in _types(text)


# 4. Background: an article about something else recalls an earlier event.
@pytest.mark.parametrize(
    "text",
    [
        "The trial of the man accused of shooting the mayor last year opened on Monday. "
        "The judge heard statements from witnesses.",
        "Lawmakers debated the security budget on Wednesday, a year after the anniversary of the "
        "assassination of the former leader.",
    ],
)
def test_background_mention_does_not_alert(text: str) -> None:
    assert _types(text) == []


# 5. Not a protest at all.
@pytest.mark.parametrize(
    "text",
    [
        "Inmates rioted at the central prison on Sunday, setting fire to mattresses; two guards were hurt.",
        "Communal riots broke out between two neighbourhoods after a dispute; shops were burned.",
        "Tourists returned to the riot-hit district, where shops reopened on Monday.",
        "Race riots spread through the port town in 1919, when mobs attacked two neighbourhoods.",
        "Rioting between two villages over grazing land left six people dead.",
    ],
)
def test_riots_without_protest_are_not_protest_violence(text: str) -> None:
    assert "protest_violence" not in _types(text)


def test_a_riot_against_the_government_is_still_protest_violence() -> None:
    assert _types("Anti-government riots spread through the capital as police fired tear gas.") == [
        "protest_violence"
    ]


# 6. Not news: a film plot, a disease bulletin, a mine disaster.
@pytest.mark.parametrize(
    "text",
    [
        "The film follows a detective who uncovers a plot to assassinate the president. The movie stars "
        "a newcomer, and the director shot it in six weeks. The thriller opens on Friday.",
        "Health officials reported 40 new cases of cholera and six deaths in the outbreak. The virus "
        "spread to two districts. Vaccination teams were sent, and infections are expected to rise.",
        "Twelve miners were trapped after a mine explosion on Tuesday; rescuers recovered three bodies.",
    ],
)
def test_not_news_raises_nothing(text: str) -> None:
    assert _types(text) == []


# 7. Misses: victim named first, role later; attack and role a sentence apart by name.
def test_victim_named_first_and_role_in_the_next_sentence() -> None:
    text = "Gunmen shot Amos Keller outside his home in Lowbridge on Monday. Keller, a judge, survived."
    assert _types(text) == ["assassination_attempt"]


def test_upper_case_wire_copy_is_read() -> None:
    text = "GUNMEN OPENED FIRE ON THE CONVOY OF THE INTERIOR MINISTER ON MONDAY, WOUNDING TWO GUARDS."
    assert _types(text) == ["assassination_attempt"]


# 8. Brittle vetoes and shared cues.
def test_storm_as_a_verb_is_not_weather() -> None:
    text = "Police fired tear gas at thousands of protesters who tried to storm the parliament."
    assert _types(text) == ["protest_violence"]


def test_a_kidnapping_is_not_an_assassination_attempt() -> None:
    assert _types("Gunmen kidnapped the district governor on the road to the airport.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The opposition attacked the president for declining to meet the envoy at the summit.",
        "Senator Ana Brill attacked President Lund on Monday over the war in a campaign speech.",
    ],
)
def test_political_attacks_in_words_are_masked(text: str) -> None:
    assert _types(text) == []


def test_a_riot_of_sports_fans_is_not_a_protest() -> None:
    assert _types("Police fired tear gas at football fans who rioted after the match.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Police used mild force to disperse the protesters outside the district office.",
        "Police caned protesters who defied the curfew to demand food.",
        "Members of the union staged a protest; some of them were injured in the police action.",
    ],
)
def test_force_words_of_crowd_control(text: str) -> None:
    assert _types(text) == ["protest_violence"]


# The stages themselves.
def test_bound_needs_one_clause() -> None:
    text = "the minister said on monday; later a bomb went off"
    minister = (text.index("minister"), text.index("minister") + 8)
    bomb = (text.index("bomb"), text.index("bomb") + 4)
    assert not bound(text, [minister], [bomb], 20)
    assert bound("a bomb hit the minister", [(2, 6)], [(15, 23)], 5)


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        ("gunmen shot the mayor on monday", "mayor", True),
        ("the mayor was wounded when a bomb exploded", "mayor", True),
        ("a bomb hit the convoy of the governor", "governor", True),
        ("the mayor said the bombing of the market was cowardly", "mayor", False),
        ("after the shooting at the club, the president spoke", "president", False),
    ],
)
def test_victim_bound(text: str, role: str, expected: bool) -> None:
    start = text.index(role)
    assert victim_bound(text, [(start, start + len(role))]) is expected


def test_every_candidate_gets_a_verdict_with_a_reason() -> None:
    doc = build_document(
        None,
        "Gunmen shot dead the mayor of Southport on Monday. His family said he had received threats. "
        "The council met in the evening. Later, protesters gathered and one man was hurt in a scuffle "
        "with police.",
    )
    kept, verdicts = decide(analyse(doc))
    assert [c.spec.type for c in kept] == ["assassination_attempt"]
    assert all(v.reason for v in verdicts)
    assert any(not v.kept and v.salience == "dropped" for v in verdicts)


# Abstain: one weak mention deep in a long article is a passing reference.
def test_one_weak_mention_deep_in_a_long_article_abstains() -> None:
    filler = [f"The committee discussed item {n} of the budget and adjourned for lunch." for n in range(24)]
    body = [*filler[:20], "Gunmen shot the mayor of a border town, officials recalled.", *filler[20:]]
    assert _types(" ".join(body), title="Budget talks drag on") == []
    lead = ["Gunmen shot the mayor of Eastport on Monday.", *filler]
    assert _types(" ".join(lead), title="Mayor shot in Eastport") == ["assassination_attempt"]


# More of each class (issue 8, second pass); every text written for this repository.
def test_a_leader_shot_at_a_rally_is_an_attempt_not_protest_violence() -> None:
    text = (
        "Former Prime Minister Ivo Tarrant was shot in the leg on Thursday when a gunman opened fire on "
        "his convoy during a protest march in the east of the country."
    )
    assert _types(text) == ["assassination_attempt"]


@pytest.mark.parametrize(
    "text",
    [
        # the violence belongs to an earlier protest (relative past in a news report)
        "Thousands of nurses marched through the capital on Wednesday to demand a pay rise. The protest "
        "was peaceful. Last year a similar protest ended in clashes when police tried to clear the road.",
        # the death is the grievance, told in a clause about what came before
        "The police chief of Marlow resigned on Tuesday, a week after a man died in custody at the central "
        "station, setting off days of peaceful protests.",
        "Hundreds gathered on Friday for a vigil in memory of a river warden who was shot dead last week.",
        # a banner's demand is not a baton charge
        "Marchers carried banners on Saturday demanding that the guards be charged with murder.",
    ],
)
def test_peaceful_protests_with_violence_words_elsewhere(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Armed separatists held 40 people hostage in the town hall of Pell for five days. Special forces "
        "stormed the building; three hostages and six gunmen were killed. The mayor, who was among the "
        "hostages, was released unharmed.",
        "The gunmen demanded the release of prisoners, and police stormed the depot at dawn.",
    ],
)
def test_hostage_takings_and_armed_demands_are_neither_type(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Voters in Orsk go to the polls on Sunday to choose a new mayor, three years after the city's "
        "previous mayor was shot dead by gunmen on his way to work.",
        "Tomas Helder is a politician who served as foreign minister. He is the son of former president "
        "Aric Helder, who was assassinated in 1975 by a soldier of his guard.",
        "The ruling party has been led by one family since its founder, Prime Minister Ode Lasker, was "
        "assassinated in 1984. Its leader resigned on Monday.",
        "Conspiracy theories about the assassination of President Harlan Voss have circulated for decades. "
        "A committee concluded in 1979 that the president was assassinated by more than one gunman.",
        "The government announced on Thursday a review of security for members of parliament, a week after "
        "a lawmaker was stabbed at a meeting. The lawmaker, who was wounded in the attack, is recovering.",
        "The trial of three men accused of killing the former energy minister opened on Monday. The minister "
        "was shot dead outside his home in April last year.",
    ],
)
def test_earlier_events_recalled_as_background(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Inmates at the Kessel prison set fire to mattresses on Tuesday in a riot over overcrowding. "
        "Security forces stormed the prison on Wednesday and fired tear gas. The justice minister said the "
        "prison holds three times its capacity.",
        "Forces loyal to the governor clashed with militias loyal to his rival, and both sides agitated for "
        "control of the airport.",
    ],
)
def test_prison_riots_and_armed_clashes_are_not_protests(text: str) -> None:
    assert "protest_violence" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Energy Minister Paul Derrin was found dead at his home on Tuesday. Police said he had shot himself.",
        "A court ruled on Monday that an alleged plot to assassinate the president had been fabricated by "
        "intelligence officers. The judges said there was no evidence that the men had planned any attack.",
        "The Darra market bombing took place on 17 March 1993, when a truck bomb detonated in the central "
        "market, killing 104 people.",
    ],
)
def test_not_news_of_an_attack(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen shot dead the mayor of Eastport on Tuesday, police said.", "assassination_attempt"),
        (
            "President Sylvan Okoro tried to escape over the wall of the residence but was caught and shot "
            "dead at the gate.",
            "assassination_attempt",
        ),
        (
            "In March 1980 the archbishop of San Calvo, a vocal critic of the army, was shot dead by a "
            "sniper while celebrating Mass.",
            "assassination_attempt",
        ),
        (
            "On 1 March 1919 demonstrations spread across the colony. Police and soldiers responded "
            "with force, "
            "firing on crowds and burning villages.",
            "protest_violence",
        ),
    ],
)
def test_misses_in_wire_copy_and_narrative(text: str, expected: str) -> None:
    assert _types(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber blew himself up in a crowded market on Friday, killing 30 people, including a "
        "provincial council member.",
        "The bombing of the mosque killed 40 worshippers and wounded the imam.",
        "A car bomb aimed at a police convoy killed nine people, including a senior police officer.",
    ],
)
def test_a_role_among_the_many_victims_of_an_attack_on_a_place_is_no_target(text: str) -> None:
    assert _types(text) == []


def test_a_role_that_was_the_target_is_still_one_among_the_dead() -> None:
    text = "A bomb targeting the governor's convoy killed 12 people, including the governor."
    assert _types(text) == ["assassination_attempt"]


def test_a_hostage_told_after_an_attack_is_still_that_attack_s_aftermath() -> None:
    text = (
        "An assailant stabbed and killed police commander Ivo Marsh and his wife at their home in Dell. "
        "The assailant also took their son hostage for hours before he was shot dead by police."
    )
    (event,) = detect(None, text)
    assert event.type == "assassination_attempt"
    assert any("hostage" in sentence for sentence in event.evidence)


def test_civilians_clashing_with_the_police_is_protest_violence() -> None:
    text = "Youths in the market town took to the streets and clashed with the security forces on Monday."
    assert _types(text) == ["protest_violence"]
    assert _types("Rebel fighters clashed with troops near the border on Monday.") == []


def test_a_grievance_s_toll_told_in_a_relative_clause_is_part_of_the_grievance() -> None:
    text = (
        "Lawmakers grilled the former envoy on Thursday over the attack on the consulate in Tarva that "
        "killed the ambassador. The hearing lasted eleven hours."
    )
    assert _types(text) == []
