"""Cases of the nineteenth to twenty-first rounds (issue 8), each written for this file: the
constructions the tune halves of the batches w102-w125 showed the rules missing or misreading.
Every case fails on the code before its round (d7ff937 for w102-w109, 1eb3d7a for w110-w117,
7350a6c for w118-w125) except the guards that keep a fix from going too far and one variant the
rules already read (both marked)."""

from __future__ import annotations

import pytest

from agents.core.detector import detect

AA, PV = "assassination_attempt", "protest_violence"

CASES = [
    # (w104) a dateline's full date against an event's full date, though the headline names its year
    (
        "Review faults police command at the 2025 Dunmere fishermen's march",
        "KESTRA, 14 April 2026 - A review of the policing of the fishermen's march in Dunmere has "
        "found that officers were given no clear orders. On 9 February 2025, police fired tear gas and "
        "baton rounds at the march on the harbour front. One fisherman died and 30 were hurt. The "
        "review makes 18 recommendations, which the minister accepted on Tuesday.",
        [],
    ),
    # guard: a full date within the fortnight before the dateline is today's news
    (
        None,
        "KESTRA, 14 April 2026 - On 12 April 2026, police fired tear gas and baton rounds at a march "
        "of fishermen on the harbour front in Dunmere. One fisherman died and 30 were hurt.",
        [PV],
    ),
    # (w104) "a repeat of the 2019 dispute, when ...": the year's episode is background (read already:
    # one mention deep in a long text abstains; the test below checks the year form itself)
    (
        None,
        "TOLVEN, 2 March 2026 - Refuse collectors in Tolven accepted a pay offer on Monday and will end "
        "their strike. The deal raises pay by 6 percent this year. Bins will be emptied from Wednesday. "
        "The council said the backlog would take a week to clear. Both sides wanted to avoid a repeat of "
        "the 2019 dispute, when riot police charged a picket at the Marsh Lane depot, injuring nine "
        "workers. A review later led to a code of conduct on picketing agreed by the union and the "
        "police. The new deal runs for three years.",
        [],
    ),
    # (w109) a cyber intrusion's "attackers" are hackers
    (
        "Hackers target finance minister's office in email breach",
        "The finance ministry's email system was taken offline after a cyber-attack on Monday. "
        "Officials said the attackers targeted the office of Finance Minister Ravi Odenkirk and stole "
        "files over two days.",
        [],
    ),
    # guard: a cyber-attack story that also tells a physical attack on the official
    (
        None,
        "Days after a cyber-attack on the ministry, Finance Minister Ravi Odenkirk was shot and wounded "
        "by a gunman outside his home in Tolven on Friday.",
        [AA],
    ),
    # (w106) a memorial march "ten years on", its banners naming the dead
    (
        "Ten years on, Harrowgate families march for the students shot in 2016",
        "Every year on the fourth of May, Mira Volk carries her son's photograph through Harrowgate. "
        "On Sunday she walked at the head of several thousand people to the station square. Her son was "
        "killed there in 2016, one of 11 people who died when soldiers fired on a student demonstration. "
        "Marchers carried banners with the names of the dead. The march ended peacefully at noon.",
        [],
    ),
    # (w106) a long march report whose two weak mentions are followed by the police's answer
    (
        "Teachers hold fourth day of action against school budget",
        "BRELLAN, Ostmark \u2014 12 February 2026 \u2014 By Ana Leitz\n\nFor most of Thursday the teachers' "
        "day of action against the school budget looked like the ones before it: a long, slow column of "
        "union banners, drums and whistles moving between the station and Harbour Square. The unions "
        "counted 90,000 marchers, the police 40,000. Teachers walked beside parents and pupils, and union "
        "leaders linked arms at the front. The education minister said on Thursday that she would meet "
        "the unions next week but would not withdraw the budget. The official march ended at 5 p.m. with "
        "speeches on the square. It was after that, as the crowd thinned, that the mood changed. A group "
        "of about two hundred broke away from the tail of the march and began smashing the windows of a "
        "bank on Quay Street. Two cars and a row of bins were set on fire. Police responded with tear gas, "
        "water cannon and baton charges in the streets around Harbour Square. By nightfall the square was "
        "empty and cleaners were sweeping up glass. The unions condemned the vandalism, saying it had "
        "nothing to do with the teachers who marched. The unions said the next day of action would be "
        "held in March.",
        [PV],
    ),
    # (w108) "last month's election" in a relative clause dates the clause, not the march
    (
        None,
        "On Thursday morning several hundred youths of the Dema clan, which has disputed last month's "
        "council election in court, marched on the council offices in Waro and blocked the road with logs. "
        "Officers fired tear gas and then live rounds.",
        [PV],
    ),
    # ... and the converse: a dated relative clause that tells the whole act recalls it
    (
        None,
        "The union, which led the march that police broke up with tear gas in 2012, said on Monday that "
        "it would hold a rally in Waro next month.",
        [],
    ),
    # (known since the eighteenth round) "shot at rally" is where the mayor was shot, not force on a
    # crowd; the body's "had been speaking ... when a gunman fired" binds the role
    (
        "Mayor shot at rally in Kalunde",
        "Police said he was taken to hospital and was in a stable condition. The mayor had been "
        "speaking to supporters in the town square when a gunman fired from the crowd.",
        [AA],
    ),
    # guard: police who shot at protesters used force on them
    (
        None,
        "Police shot at protesters outside the assembly in Kalunde on Friday, wounding three.",
        [PV],
    ),
    # (w115) "last year" in a relative clause after the killing dates that clause
    (
        None,
        "RAMPUR, March 11, 2026: A 52-year-old ward councillor was shot dead by two men on a motorcycle "
        "on Tuesday evening, barely 100 metres from the party office he had opened last year.",
        [AA],
    ),
    # (w114) a town history's one line, the force in an "in which" clause
    (
        "Marlow Bridge",
        "Marlow Bridge is a market town on the river Wend. It grew up around a ford and a wool market. "
        "The railway arrived in 1851 and brought two mills. Labour relations were poor; the long stoppage "
        "of 1911, in which soldiers fired on strikers, left a lasting mark on local politics. The mills "
        "closed in the 1960s. Today the town is known for its spring fair.",
        [],
    ),
    # (w114) a period's end marked by an attack, and the page's references cut
    (
        "The 1970s in Norvala",
        "The 1970s in Norvala were a decade of growth and reform. Prime Minister Ilse Varn governed "
        "throughout, winning elections in 1971, 1975 and 1979. Her programme opened the country to "
        "trade. Wages rose by a third. The decade is taken to end in October 1979, when Varn was shot "
        "and wounded in Lessa and left office the next spring. Historians still debate the reforms."
        "\n\n== References ==\n1. Statistical Yearbook, 1981.\n2. See the article on the Varn shooting.",
        [],
    ),
    # (w114) placards that attack are words
    (
        None,
        "Organisers set strict rules for the march: no placards attacking individuals, no alcohol, and a "
        "marshal for every fifty marchers.",
        [],
    ),
    # (w116) force denied: "police did not use tear gas or any other force"
    (
        None,
        "Police did not use tear gas or any other force during the teachers' march in Orvel on Saturday, "
        "the force said.",
        [],
    ),
    # (w117) fans who march on a ministry to protest are protesters, however sporting the page
    (
        "Fans' march on sports ministry broken up with gas",
        "By Ivo Brandt | Monday 4 May 2026\n\nAfter Sunday's final home game of the season, several "
        "thousand supporters of Orvel United left the stadium and marched on the Sports Ministry. The fans "
        "were demonstrating against the ministry's decision to close the stadium for the next season. At "
        "the final whistle of the match they streamed out of the ground chanting for the minister to "
        "resign. When some threw bottles at the police line, officers fired tear gas into the crowd. The "
        "club's league match next week will be played behind closed doors. The cup tie is off.",
        [PV],
    ),
    # (w113) a hose turned on a sit-in, told in the headline and the lead
    (
        "Guards turn fire hose on nurses' sit-in at Orvel health ministry",
        "ORVEL, April 2 (Tidewire) - Security guards at the health ministry in Orvel sprayed a sit-in of "
        "unpaid nurses with a high-pressure fire hose on Thursday, knocking several off their feet, union "
        "officials said. About 150 nurses had occupied the steps since Monday, demanding three months of "
        "overdue wages. Footage showed two guards unrolling a hose in the lobby and directing it at the "
        "nurses seated outside. A ministry spokesman said the guards had acted to clear an emergency exit "
        "and that a review had been opened. The nurses returned to the steps within an hour and were "
        "still there in the evening. Their strike is in its ninth day.",
        [PV],
    ),
    # (w116) the victim called "Ms Samadi" in the attack sentence, her role given with her first name
    (
        "Campaigner Lina Orsk in intensive care after poisoning",
        "Police said on Monday that the substance was put into Ms Orsk's drink deliberately, with the "
        "intention of killing her. She remains in intensive care.",
        [AA],
    ),
    # (w110) a blade told by the blow
    (
        None,
        "On Sunday evening a man walked up the aisle of St Ives Cathedral in Orvel and drove a kitchen "
        "knife twice into the bishop's side.",
        [AA],
    ),
    # (w119) "was recovering in hospital after two men fired ... into his car"
    (
        None,
        "The mayor of this port city was recovering in hospital on Wednesday after two men on a motorcycle "
        "fired at least nine rounds into his car as it pulled away from the town hall, killing his driver "
        "and hitting him twice in the shoulder.",
        [AA],
    ),
    # (w123) a device found where the person was about to speak
    (
        None,
        "KARSK, 14 August 2026 - Police defused a bomb hidden under the podium in Harbour Park on Friday "
        "morning, hours before Vera Lintz, leader of the opposition Renewal party, was due to address "
        "supporters there.",
        [AA],
    ),
    # (w124) a review's headline opening on the work's title
    (
        "'The Quiet Hall' circles the 1988 shooting of Premier Ivo Marek without finding its way in",
        "Three stars. Ana Sorel's documentary, which premieres on Channel Four on Sunday, is about the "
        "1988 shooting of Premier Ivo Marek. The film keeps its archive footage to a few seconds. The "
        "interviews are the film's strength. The score is spare and the film is handsome.",
        [],
    ),
    # (w122) a statute's page: "is an act of the Parliament of ..."
    (
        "Public Meetings Act 2015",
        "The Public Meetings Act 2015 is an act of the Parliament of Norvala that regulates marches and "
        "demonstrations. Part 1 sets notice periods for organisers of marches. Part 2 sets out the duties "
        "of police commanders, including a requirement that any use of force at a demonstration be "
        "recorded. Part 3 creates offences. The act was amended by the courts' rulings in 2018.",
        [],
    ),
    # (w120) a rally banned, organisers detained "without any use of force", "a crackdown on the idea"
    (
        "Authorities ban opposition rally, detain 12 organisers before dawn",
        "SELK, April 18 (Tidewire) - Police detained 12 organisers of a planned opposition rally in the "
        "capital on Saturday after a court upheld a ban on it. Their lawyer said the arrests were made "
        'without any use of force. "This is a crackdown on the very idea of politics," said a movement '
        "leader who is abroad.",
        [],
    ),
    # (w119) one lead sentence, two events: the gunman's shots at the leader and the police's storming
    # (read already when the protest has mentions enough; the test below checks the sentence itself)
    (
        "Shots fired at Orlen on square stage; riot police clear sit-in overnight",
        "TRESK, Maravia, October 5, 2026 - A gunman opened fire on opposition leader Dan Orlen as he "
        "addressed a sit-in on Liberty Square on Sunday evening, wounding one of his bodyguards, and riot "
        "police stormed the square hours later, using water cannon and stun grenades in clashes that left "
        "dozens hurt. Orlen, 55, had been speaking for ten minutes when a man near the front barrier fired "
        "four shots toward him. His bodyguard pushed him to the floor and was struck in the shoulder. "
        "After the shooting, thousands of protesters stayed in the square. Shortly after 2 a.m., riot "
        "police moved in and beat protesters with batons as they tried to leave. Some protesters threw "
        "bottles and set fire to two police vans. By morning the square had been cleared.",
        [AA, PV],
    ),
    # (w133) "shots were fired into the home of appeals court judge X"
    (
        None,
        "VARSHOLM, 15 June 2026 - A man has been arrested after at least five shots were fired into the "
        "home of appeals court judge Marit Aasen in the early hours of Sunday, police said.",
        [AA],
    ),
    # (w127) a feature's soft lead: the headline gives the role, the attack comes a few sentences on
    (
        "Harbour reporter in hospital after being stabbed behind newsroom",
        "PORT AMSEL, 12 March 2026 - For five months Sanne Kjeld read shipping manifests and company "
        "registries, trying to work out why a dredging contract had tripled in price. Her series, "
        "published in January, named two officials. It also led, her editor says, to a stream of "
        "messages telling her to stop. On Thursday evening, as Kjeld unlocked her bicycle in the alley "
        "behind the office, a man walked up to her and stabbed her twice in the abdomen before running "
        "off. Surgeons repaired a damaged spleen overnight. Police said the man had waited in the alley "
        "for more than an hour. The harbour board rejected any suggestion that it was involved. A vigil "
        "is planned for Saturday.",
        [AA],
    ),
    # (w105) the act told by its aim: "an attempt to kill the governor"
    (
        None,
        "Guards at the residence caught a man lying under the car of Governor Ilse Marrot early on "
        'Friday. "This was an attempt to kill the governor," the regional police chief said.',
        [AA],
    ),
    # (w105) a poisoning: the dose meant for the cleric, an accident ruled out
    (
        None,
        "Prosecutor Dana Welk said on Wednesday that tests on the tea served to the imam had found a "
        "pesticide in amounts far beyond anything that could be accidental. She said the poison was "
        "added in a dose intended to kill the imam.",
        [AA],
    ),
    # (w108) the role, then a relative clause with no commas, then the harm
    (
        None,
        "A land rights activist who has led her village's fight against a quarry was stabbed twice on "
        "Sunday evening as she walked home, her organisation said.",
        [AA],
    ),
    # (w109) the role given in apposition before the attack: "the archaeologist who has become ..."
    (
        None,
        "The return of the masks is the work of the museum's head, Dr Lene Sorvik, the historian who "
        "has become the country's best-known campaigner against looting. Sorvik was not at the opening "
        "on Thursday. As she arrived at work, a man crossed the lane and stabbed her in the chest.",
        [AA],
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_nineteenth_round_case(title: str | None, text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(title, text)) == expected


def test_the_year_episode_then_when_dates_the_sentence() -> None:
    """(w104) "a repeat of the 2019 dispute, when riot police charged a picket": the sentence dates
    its event by a year the lead does not name, so it is background to the day's news."""
    from agents.core.detector.rules import analyse
    from agents.core.detector.text import build_document

    title, text, _ = CASES[2]
    analysis = analyse(build_document(title, text))
    at = next(i for i, s in enumerate(analysis.doc.sentences) if "2019 dispute" in s)
    assert analysis.earlier_year_at(at)


def test_an_aim_to_kill_is_no_death() -> None:
    """(w116) "with the intention of killing her" tells the aim, not a death: no one was killed."""
    events = detect(
        "Campaigner Lina Orsk in intensive care after poisoning",
        "Police said on Monday that the substance was put into Ms Orsk's drink deliberately, with the "
        "intention of killing her. She remains in intensive care.",
    )
    assert [e.casualties.killed for e in events] == [0]


def test_the_police_answer_is_a_second_protest_sentence() -> None:
    """(w123) In an attempt article, the protest's one mention is followed by "Riot police fired tear
    gas across the square": masking blanks "riot police", so the answer is read on the sentence as
    written, and it makes the protest news of its own."""
    from agents.core.detector.rules import analyse, find_candidate
    from agents.core.detector.salience import _answered
    from agents.core.detector.taxonomy import PROTEST_VIOLENCE
    from agents.core.detector.text import build_document

    text = (
        "As officers forced a path through the square for the ambulance, marchers began throwing bottles "
        "and paving stones. Riot police fired tear gas across the square. The bill is due for a vote."
    )
    analysis = analyse(build_document(None, text))
    candidate = find_candidate(analysis, PROTEST_VIOLENCE)
    assert candidate is not None
    assert _answered(analysis, candidate, frozenset({0}))


def test_an_armed_attacker_as_the_subject_keeps_the_sentence_for_the_attempt() -> None:
    """(w119) "A gunman opened fire on opposition leader X as he addressed a sit-in ..., and riot police
    stormed the square hours later": the sentence is strong protest evidence, and the attack on the
    leader, told with the gunman as its subject, is the attempt's too."""
    from agents.core.detector.rules import analyse, attack_is_subject
    from agents.core.detector.text import build_document

    lead = (
        "TRESK, Maravia, October 5, 2026 - A gunman opened fire on opposition leader Dan Orlen as he "
        "addressed a sit-in on Sunday evening, and riot police stormed the square hours later."
    )
    assert attack_is_subject(analyse(build_document(None, lead)), 0)


def test_a_coded_total_counts_no_suicide_attacker_on_top() -> None:
    """(w121) "... blew himself up ..., killing the sheikh, two of his sons and a guard. Fatalities: 4."
    The coder's total is the count as coded."""
    events = detect(
        "Tribal chief among four dead in guesthouse blast",
        "30 Oct 2026, Orvel: A man wearing an explosive vest blew himself up at the guesthouse gate of "
        "Sheikh Omar Harran, paramount chief of the Kessar tribe, as he received visitors, killing the "
        "sheikh, two of his sons and a guard and wounding nine others. Fatalities: 4.",
    )
    assert [(e.type, e.casualties.killed) for e in events] == [("assassination_attempt", 4)]


def test_a_question_reports_no_toll() -> None:
    """(w123) "We asked one question: who killed Nadia?" tells the grievance, not a death at the march."""
    from agents.core.detector.casualties import count_casualties

    assert count_casualties(['"We asked one question: who killed Nadia?"']).killed is None


def test_the_person_in_the_struck_vehicle_is_its_victim() -> None:
    """(w127) "a bomb ... detonated beside the second car, in which Maskel was travelling", the role
    given earlier with an age between it and the name ("the governor, 58-year-old Teodor Maskel")."""
    events = detect(
        "Budget session suspended after bomb strikes convoy",
        "VESTRA, 14 March 2026 - The budget session was suspended on Friday. The dispute over contracts "
        "had turned personal in recent weeks. It was against that backdrop that the governor, 58-year-old "
        "Teodor Maskel, left his residence at about 8:35 a.m. for the assembly. As his convoy slowed at "
        "the bridge junction, a bomb hidden in a culvert detonated beside the second car, in which Maskel "
        "was travelling. His driver died at the scene.",
    )
    assert [e.type for e in events] == ["assassination_attempt"]


def test_a_toll_told_as_hospital_is_injured() -> None:
    """(w128) "ending a three-week sit-in ... and sending fourteen people to hospital", "14 taken to
    hospital": the hospital is the toll; a stay there is not ("he spent 3 days in hospital")."""
    from agents.core.detector.casualties import count_casualties

    cleared = "Officers cleared the sit-in, sending fourteen people to hospital."
    assert count_casualties([cleared]).injured == 14
    assert count_casualties(["Dawn operation ends sit-in; 14 taken to hospital"]).injured == 14
    assert count_casualties(["He spent 3 days in hospital."]).injured is None
