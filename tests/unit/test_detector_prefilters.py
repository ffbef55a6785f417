"""The fast paths (anchor prefilter, weapon stems, casualty stems) must not change answers."""

from __future__ import annotations

import re

import pytest

from agents.core.detector import detect
from agents.core.detector.casualties import sentence_counts
from agents.core.detector.entities import WEAPONS, weapons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police fired rubber bullets and tear gas at the crowd.", ["firearm", "tear gas", "rubber bullets"]),
        ("Troops used live bullets against the marchers.", ["live ammunition"]),
        ("The gunman opened fire before a grenade exploded.", ["explosives", "firearm"]),
        ("Attackers set the office on fire and stabbed a guard.", ["knife", "incendiary"]),
        ("The envoy was poisoned with a nerve agent.", ["poison"]),
    ],
)
def test_weapon_labels(text: str, expected: list[str]) -> None:
    assert weapons([text]) == expected


def test_every_weapon_label_is_reachable_through_its_stems() -> None:
    samples = {
        "drone": "a drone",
        "explosives": "an ied",
        "live ammunition": "live rounds",
        "firearm": "ak-47s",
        "knife": "knives",
        "tear gas": "teargas",
        "water cannon": "water cannons",
        "rubber bullets": "plastic-coated bullets",
        "batons": "lathis",
        "stones": "rocks",
        "incendiary": "arson",
        "vehicle": "plowed into",
        "poison": "novichok",
    }
    assert set(samples) == {label for label, _ in WEAPONS}
    for label, sample in samples.items():
        assert label in weapons([f"They used {sample} there."])


def test_sentence_without_casualty_words_has_no_counts() -> None:
    assert sentence_counts("Seven ministers met in the capital on Tuesday.") == (None, None)
    assert sentence_counts("Gunmen killed two guards.") == (2, None)


def test_anchor_in_one_sentence_does_not_leak_into_the_next() -> None:
    text = (
        "The council approved the budget on Monday after a long debate.\n\n"
        "Dozens of students marched to the ministry and police fired tear gas to disperse them."
    )
    events = detect("Budget passes", text)
    assert [e.type for e in events] == ["protest_violence"]
    assert all("budget" not in s.lower() for s in events[0].evidence)


# Hand-written sentences naming every kind of role and number the patterns know, in several
# inflections: the anchored scans must find exactly what a full scan finds.
_ROLE_SENTENCES = (
    "The vice-president, the prime minister, Premier Li, the PM and the chancellor met the head of state.",
    "King Abdullah, the queen, the emir, a sultan, the crown prince and the monarch were there.",
    "A deputy minister, the state minister, the cabinet minister and the secretary of state spoke.",
    "The attorney general, two lawmakers, a legislator, members of parliament and MPs arrived.",
    "A parliamentarian, Senator Ruiz, a congresswoman, the deputy speaker and the speaker of the house.",
    "The lieutenant governor, a provincial governor, district governor, judges and a magistrate.",
    "Prosecutors, the chief justice, ambassadors, a diplomat, the consular officer and an envoy.",
    "Generals, Brigadier-General Osei, Colonel Diallo, a major general and the police chief.",
    "The chief of police, the police commissioner, the superintendent of police and the inspector-general.",
    "The intelligence chief, the head of the national police, commanders and the army chief.",
    "The mayor, a deputy mayor, councillors, a councilor, councilmen and a council member.",
    "A local official, government official, district official, party official and an election official.",
    "The village head, a headman, district chief, the district administrator and the chairperson.",
    "The chairman, an administrator, the director, candidates, the secretary and representatives.",
    "The branch head, department head, youth head, Sergeant Major Kofi, Captain Ade and Lieutenant Obi.",
    "Police Inspector Mensah, a politician, the secretary-general and the party leader.",
    "Leaders, a chief, clerics, the imam, Sheikh Omar, a mullah, the ayatollah and Bishop Tutu.",
    "Priests, a pastor, rabbis, clan elders, tribal chiefs, community leaders and village elders.",
    "Activists, journalists, a photojournalist, reporters, the editor-in-chief and a publisher.",
    "Bloggers, the anchorwoman, broadcasters, columnists, writers and human rights defenders.",
    "Trade unionists, a union leader, campaigners, dissidents and opposition figures.",
)
_NUMBER_SENTENCES = (
    "At least 12 people were killed and 1,250 were injured.",
    "About seven guards died; around twenty-one were hurt and some 40 wounded.",
    "Up to two dozen were hospitalised, more than a dozen dead, over a hundred injured.",
    "Nearly a few were hurt, almost a couple of officers injured, roughly scores of people wounded.",
    "Approximately hundreds of people were wounded and another three were killed.",
    "Several protesters, many students, dozens of police and thousands of marchers were injured.",
    "Both bodyguards were killed; a single shot wounded one; the lone survivor was hurt.",
    "Eleven, thirteen, fifteen, seventeen and nineteen bodies; ninety-nine people dead.",
    "The attack killed two, injuring 15 others; it claimed the lives of four and wounded eight.",
    "He was shot dead; she has been injured; they had been wounded and were killed.",
)


def test_anchored_scans_find_what_full_scans_find() -> None:
    import re

    from agents.core.detector import casualties, rules

    role_slow = re.compile(rules._ROLE_SOURCE)
    for sentence in _ROLE_SENTENCES + _NUMBER_SENTENCES:
        lower = sentence.lower()
        assert [m.span() for m in rules._ROLE_LOWER.finditer(lower)] == [
            m.span() for m in role_slow.finditer(lower)
        ]
        for pattern, anchored in casualties._LOWER.items():
            slow = re.compile(pattern.pattern)
            assert [m.span() for m in anchored.finditer(lower)] == [m.span() for m in slow.finditer(lower)]
    assert len({m.lastgroup for s in _ROLE_SENTENCES for m in rules._ROLE_LOWER.finditer(s.lower())}) == 6


_VETO_TEXT = (
    "The film and the movie, a novel, a book series and an episode of the season's sitcom. "
    "A video game, a videogame for gamers; players can play the role of a character. "
    "The actor and actress starring in it; she stars as a spy at the box office. "
    "A thriller, a drama, fiction and fictional plot twists in the screenplay and the trailer. "
    "Netflix, HBO, a sequel, a comic musical at the theatre or theater, an opera, an album. "
    "A song, a documentary premiere, the storyline of the franchise, a biopic and its cast. "
    "The match in the league cup tournament and championship: goals, a striker, a midfielder. "
    "The coach, the innings and a wicket, a quarterback's touchdown in the playoffs. "
    "He scored; the fixture, the squad, the stadium and the fans. "
    "The ministry denied any attack and denies reports; false reports, fake news, unfounded claims. "
    "A rumoured plot, a rumored coup, a hoax; there was no attack and no assassination attempt. "
    "Rebels threatened to kill him, threats against her, a threat to them; they could target a mayor. "
    "It might be targeted, may attack, would kill; if so, unless stopped, they warned of violence. "
    "He warns that fears of unrest and the risk of riots grow; they vowed to strike. "
    "Clerics called for the killing of the writer and want him dead; a hit list and death threats. "
    "A simulated raid, a drill, an exercise: what if it happened? "
    "On the anniversary, a commemoration at the memorial, years ago, decades after, a century since. "
    "He was assassinated in 1995 and killed in 2001; in 1989, in the 1960s, since the assassination. "
    "After the assassination of the king, following the murder of the judge, her legacy and history. "
    "A historic day for historians; the late president is remembered; this marks the day he once led. "
    "A plane crash, an accident, a collision, the train derailed, an earthquake, a quake, floods. "
    "Flooding, a storm, a hurricane, a cyclone, a typhoon, a tornado, a landslide and a mudslide. "
    "An avalanche, a stampede, a wildfire, a tsunami, a heatwave; he drowned; natural causes. "
    "An overdose; she died of cancer and he died after a long illness. "
    "Air strikes, airstrikes, shelling, the town was shelled by artillery; clashes between rebels. "
    "Fighting between militias, a battle, an offensive, a military operation, counter-insurgency. "
    "Troops killed two rebels; security forces shot dead a suspect; police killed three militants. "
    "An outbreak, an epidemic, the pandemic, cholera, ebola, measles; infections, infected people, a "
    "virus and vaccines; new cases, confirmed cases, suspected cases. "
    "He purportedly planned it; the trial, convicted, sentenced, acquitted; he pleaded; accused of it, "
    "charged with it, last year; last month's march. On the anniversary of his assassination, a memorial "
    "to the killings, remembering the riots, since the bombing, recalling the attack, the legacy of the "
    "massacre, in the wake of the shootings, in the aftermath of the deaths, mourning the murders. "
    "Soccer fans, football supporters and hooligans rioted after the match, before the game, during "
    "the derby, following the cup final. Hostages were held in a siege; the kidnappers abducted him; "
    "a hostage-taking. The prison, jails, inmates, a penitentiary, cell blocks and prison guards. "
    "No evidence of it; a fabricated story that was invented; he asked whether they had claimed it; "
    "preparing to act. Years ago, decades ago, last year, last month, earlier that year, the previous "
    "year, a similar protest, an earlier attack, the previous shootings, last summer. Years after the "
    "war, since then, in the wake of it, a vigil for him, in memory of her, the funeral of the judge, "
    "tributes to him, mourning, commemorating, the anniversary of it, a memorial service, the son of "
    "the king, the widow of the general, his wife. Communal riots, sectarian clashes, ethnic violence, "
    "riots between the two villages, clashes between farmers and herders, fighting between rival clans. "
    "Earlier protests, previous rallies, prior bombings, several similar attacks. "
    "No plot to kill him ever existed; no such plan was ever made; the documents were forged, the "
    "claims had been fabricated; the evidence was invented; the conspiracy was a hoax. Mob violence "
    "and mob attacks broke out between members of the two rival communities. A bomb exploded, a "
    "device went off, a suicide bomber blew himself up, a car bomb and a bomb blast. "
    "Eleven were sentenced for the riots; two jailed over the looting; one convicted for arson; four "
    "acquitted in connection with the unrest; nine imprisoned for last year's protests. "
    "A riot at the Ferreira penitentiary; rioting inside a city jail; a mutiny in the old prisons; a "
    "prison riot, a jail uprising and an uprising at a detention centre."
).lower()


def test_anchored_vetoes_find_what_full_scans_find() -> None:
    import re

    from agents.core.detector import rules, taxonomy

    vetoes = [p for p in taxonomy.PATTERN_NAMES if p not in (taxonomy.ARMED_DEMAND, taxonomy.ARMED_CLASH)]
    vetoes += [taxonomy.HOSTAGE, taxonomy.PRISON]
    for pattern in dict.fromkeys(vetoes):
        anchored = rules._anchored_union((pattern,))
        assert anchored is not None, pattern[:40]
        slow = re.compile(pattern)
        assert [m.span() for m in anchored.finditer(_VETO_TEXT)] == [
            m.span() for m in slow.finditer(_VETO_TEXT)
        ]
        assert len(list(slow.finditer(_VETO_TEXT))) >= 5, pattern[:40]


def test_sentence_splitting_keeps_abbreviations_and_quotes() -> None:
    from agents.core.detector.text import build_document, split_sentences

    text = (
        'Gen. Okafor met Dr. Lindqvist and Mr. Haddad in the U.S. capital. "Stop!" a guard shouted. '
        "Officials said the talks (held at 9 a.m. local time) went well.\n\nA second paragraph"
        " follows.\nA line after a single break."
    )
    assert split_sentences(text) == [
        "Gen. Okafor met Dr. Lindqvist and Mr. Haddad in the U.S. capital.",
        '"Stop!" a guard shouted.',
        "Officials said the talks (held at 9 a.m. local time) went well.",
        "A second paragraph follows.",
        "A line after a single break.",
    ]
    assert build_document(None, "Home | World | Sport\nTwo  people\twere hurt.").sentences == [
        "Two people were hurt."
    ]


_MASK_SENTENCES = (
    "He had a heart attack, a panic attack, an asthma attack and survived shark attacks and a dog attack.",
    "A cyberattack, a cyber-attack, cyber security, a ddos attack, ransomware attacks and hacking attacks.",
    "A character assassination: they assassinated his character with political attacks and verbal attacks.",
    "Scathing attacks, fierce attack ads, attacked her record, attacking the minister's policies.",
    "She attacked him over his handling of the budget, a rhetorical attack for their remarks.",
    "A shooting guard, a shooting star, a photo shoot, a photoshoot, a film shoot and a shot clock.",
    "A riot of colours, a laugh riot; he read them the riot act.",
    "A formal protest, a diplomatic protest, a bid protest; they lodged a strong protest under protest.",
    "He protested his innocence; she filed a protest and registered a formal protest.",
    "Air strikes, an airstrike, drone strikes, a hunger strike, a general strike, a labour strike.",
    "A lucky strike, a first strike, a pre-emptive strike, a preemptive strike, military strikes.",
    "Rail strikes, transport strikes, doctors' strikes, teachers strike, workers' strikes, strike a deal.",
    "An attacking midfielder, an attack-minded play, on the attack, a counter-attack, counterattacks.",
    "A killer app, killing it, dressed to kill, they killed the bill.",
    "The chief executive, the chief financial officer and the chief economist.",
    "It bombed at the box office, a box-office bomb, a photobomb, bath bombs, a bombshell.",
    "Riot police, riot gear, riot squads and riot officers.",
    "Communal riots, sectarian clashes, ethnic violence, tribal clashes, inter-communal riots.",
    "No injuries or damage, no reports of violence, without any incident; no one was hurt.",
    "They marched against the killing of a student, over police brutality, denouncing the attacks.",
    "Justice for the victims of the shooting, in memory of those killed, mourning the deaths.",
)


def test_anchored_masks_find_what_the_full_mask_finds() -> None:
    from agents.core.detector import rules

    total = 0
    for sentence in _MASK_SENTENCES:
        lower = sentence.lower()
        expected = [m.span() for m in rules._MASK_RE.finditer(lower)]
        assert [m.span() for m in rules._MASK_LOWER.finditer(lower)] == expected, sentence
        total += len(expected)
    assert total >= 60


def test_the_masks_and_roles_stay_prefiltered() -> None:
    # A mask that can begin with punctuation (", then dispersed") makes the whole union a full scan
    # of every article: correct, and a third slower. Each mask must begin with a word.
    from agents.core.detector import rules
    from agents.core.detector.scan import AnchoredPattern

    assert isinstance(rules._MASK_LOWER, AnchoredPattern)
    assert isinstance(rules._ROLE_LOWER, AnchoredPattern)


_CUE_TEXT = (
    "The governor was assassinated; an assassination attempt, an attempt on her life, a bid on the "
    "minister's life. A plot to kill the judge was foiled and a plan to murder him thwarted; police "
    "uncovered the conspiracy. He survived an ambush and survived the bombing. "
    "The protest turned violent; rallies turned deadly; a demonstration turned bloody; violent "
    "protests, deadly clashes with police. Rioters rioted, rioting spread. Police fired tear gas to "
    "disperse them, used water cannon to disperse crowds, lobbed stun grenades to disperse marchers. "
    "Teargas and rubber bullets hit the demonstrators; strikers faced live ammunition. "
    "Gunmen shot him, a gunman shoots, the shooting, he was gunned down by assailants and attackers "
    "who attacked, ambushed, stabbed and knifed; a bomb, bombed, bombing, a bomber, explosives, an "
    "explosion, blasts, grenades, IEDs detonated, drones, rockets, mortars; they opened fire, fired at "
    "him; a sniper; poisoned; killed; murdered; slain; assassins hacked with machetes; beheaded; a "
    "molotov; a car bomb; a suicide attack; set fire; torched; lynched; beaten to death; abducted; "
    "kidnapped; a letter bomb; a hit squad; an incendiary device; rammed; wounded; injured. "
    "Protesters, demonstrators, marchers, a rally, sit-ins, a sit in, riots, pickets, agitation, "
    "unrest, they marched. Residents demanding water, villagers denouncing the mine, workers "
    "rejecting the deal, students chanting slogans, traders angry at the tax, people in protest, "
    "drivers frustrated over fuel, farmers opposing the plan, miners against the closure. "
    "Two guards were killed, the bodyguard was hurt and the attack left one dead; the bomber's blast; "
    "casualties; a drone; the minister escaped unharmed; the group claimed responsibility. "
    "Youths clashed with the police, villagers clashing with troops. supporters threw stones at the police,"
    " youths pelted riot police; students occupying the campus. Police charged a crowd of supporters;"
    " riot police dispersed the rally; police broke up the vigil."
).lower()


def test_anchored_cues_find_what_full_scans_find() -> None:
    import re

    from agents.core.detector import rules
    from agents.core.detector.taxonomy import ASSASSINATION, PROTEST_VIOLENCE

    cues = [*ASSASSINATION.strong, *PROTEST_VIOLENCE.strong, ASSASSINATION.continuation]
    cues += [
        p for spec in (ASSASSINATION, PROTEST_VIOLENCE) for g in spec.groups for p in g if p != "@target"
    ]
    for pattern in cues:
        anchored = rules._anchored_union((pattern,))
        assert anchored is not None
        slow = re.compile(pattern)
        assert [m.span() for m in anchored.finditer(_CUE_TEXT)] == [
            m.span() for m in slow.finditer(_CUE_TEXT)
        ]
        assert list(slow.finditer(_CUE_TEXT)), pattern[:40]


def test_anchored_weapon_patterns_find_what_full_scans_find() -> None:
    import re

    from agents.core.detector.entities import _WEAPONS_LOWER

    text = (
        "A drone and a bomb, a bomber, bombing, explosives, an explosion, a blast, an IED, grenades; it "
        "detonated; rockets, mortars, an RPG, a VBIED, a car bomb, a suicide vest, a landmine. Live rounds, "
        "live fire; gunmen, a gun, shot, shooting, rifles, a pistol, snipers, opened fire, fired at them, "
        "bullets, AK-47s, gunfire, firearms. A knife, knives, stabbed, daggers, a machete, blades, an axe, "
        "hacked; tear gas, teargas, tear-gas; water cannons; rubber bullets, plastic-coated bullets; batons, "
        "lathis, truncheons, clubs, sticks; stones, rocks; molotov cocktails, petrol bombs, incendiary, set "
        "the car on fire, torched, arson; rammed, ran over, ploughed into, plowed into, drove his truck; "
        "poisoned, a nerve agent, novichok, a toxic substance. Sunset, firestone, kindness, raxes."
    ).lower()
    for label, anchored in _WEAPONS_LOWER:
        slow = re.compile(anchored.pattern.pattern)
        assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in slow.finditer(text)], label
        assert list(slow.finditer(text)), label


def test_place_candidates_start_at_word_boundaries() -> None:
    from agents.core.detector.places import find_places

    names = [
        p.name for p, _ in find_places(["An iPhone Berlin launch, then talks in Kabul and McAllen Texas."])
    ]
    assert "Berlin" in names and "Kabul" in names


# One source of truth: the starts come from the pattern itself, so a word added to a pattern is
# found without touching any list.
@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\b(?:attack(?:ed|s)?|shot)\s[a-z]\w*", ("attack", "attacked", "attacks", "shot")),
        (r"\bcyber[- ]?attack\w*", ("cyber", "cyberattack*")),
        (r"\b(?:\d+|two) (?:killed|dead)", ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "two ")),
        # literals after the first word lengthen the start, so `str.find` meets fewer false starts
        (r"\btear ?gas|water cannons?", ("tear gas", "teargas*", "water cannon")),
        (r"\ba riot of|\bno one was hurt", ("a riot of", "no one was hurt")),
        (r"\bstabb\w+", ("stabb*",)),
        (r"\b(?:riots?|rioting)\b(?! police)", ("riot", "rioting", "riots")),
        (r"\bprotest", ("protest*",)),  # no word boundary after it: "protesters" too
    ],
)
def test_starts_are_derived_from_the_pattern(pattern: str, starts: tuple[str, ...]) -> None:
    from agents.core.detector.scan import derive_starts

    assert derive_starts(pattern) == starts


@pytest.mark.parametrize("pattern", [r"\w+ years ago", r"[a-z]+ing", r"(?:, )?attack", r".attack"])
def test_a_pattern_that_can_begin_anywhere_is_scanned_in_full(pattern: str) -> None:
    from agents.core.detector.scan import anchored, derive_starts

    assert derive_starts(pattern) is None
    assert isinstance(anchored(pattern), re.Pattern)


def test_a_word_added_to_a_pattern_is_matched_without_touching_a_list() -> None:
    from agents.core.detector.scan import anchored

    before = anchored(r"\b(?:shot|stabbed) (?:the|a) (?:mayor|judge)\b")
    after = anchored(r"\b(?:shot|stabbed|bludgeoned) (?:the|a) (?:mayor|judge)\b")
    text = "a man bludgeoned the mayor and shot a judge"
    assert [m.group(0) for m in before.finditer(text)] == ["shot a judge"]
    assert [m.group(0) for m in after.finditer(text)] == ["bludgeoned the mayor", "shot a judge"]


def test_dotted_capital_i_is_normalised_once_so_offsets_hold() -> None:
    from agents.core.detector.text import build_document

    doc = build_document("\u0130zmir protest", "Police fired tear gas at protesters in \u0130zmir on Monday.")
    assert "\u0130" not in doc.text and len(doc.text.lower()) == len(doc.text)
    assert [e.type for e in detect(None, "Police fired tear gas at protesters in \u0130zmir on Monday.")] == [
        "protest_violence"
    ]
