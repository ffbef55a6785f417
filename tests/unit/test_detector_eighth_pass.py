"""Cases of the eighth detector pass (issue 8), each written for this file: the constructions the
first probe hold-out (`w10`-`w11`, read once its figures were recorded) showed the rules missing or
misreading."""

from __future__ import annotations

import re

import pytest

from agents.core.detector import detect
from agents.core.detector.casualties import count_casualties
from agents.core.detector.rules import ROLE_RE
from agents.core.detector.taxonomy import HISTORY

AA, PV = "assassination_attempt", "protest_violence"

CASES = [
    # a strike named by its trade, in the headline's present tense
    (
        "Harbour strike turns violent in Sallow",
        "Striking dockworkers in Sallow threw bottles at lorries leaving the harbour on Tuesday, and police "
        "moved in with batons. Two drivers were hurt.",
        [PV],
    ),
    # farmers pelting gendarmes, with no word "protest"
    (
        None,
        "Farmers who had tipped straw bales in front of the sub-prefecture in Varenne set them alight and "
        "pelted gendarmes with stones on Monday; the gendarmes replied with tear gas.",
        [PV],
    ),
    # strikers overturning cars: people overturned them, no accident
    (
        "Striking lorry drivers overturn vans in Keld",
        "Lorry drivers striking against new tolls overturned three delivery vans and beat a driver who "
        "ignored their picket in Keld on Friday. The driver was treated in hospital.",
        [PV],
    ),
    # ... while a vehicle that overturned is an accident
    (
        None,
        "A bus carrying striking miners home overturned on the Keld road on Friday; four were injured.",
        [],
    ),
    # a road blockade cleared by force
    (
        None,
        "Troops fired tear gas to clear a villagers' blockade on the Osla highway that had stopped lorries "
        "for a week; eight people were hurt.",
        [PV],
    ),
    # the judge presiding over a trial was the target; the trial is her job
    (
        "Judge unhurt as bomb wrecks her car",
        "A bomb planted under the car of Judge Irena Vasko, who is presiding over the trial of a cartel "
        "boss, went off outside the courthouse on Tuesday. She was unhurt; a guard was wounded.",
        [AA],
    ),
    # a headline in the present tense ("gunmen kill") and a traditional ruler
    (
        "Gunmen kill chief of Ulama in his palace",
        "Gunmen stormed the palace at Ulama on Sunday night and shot dead the traditional ruler, Oba Femi "
        "Adeyemo, and two of his guards, police said.",
        [AA],
    ),
    # figurative: a company or a club "assassinated", a bid called an assassination
    (
        "Brewer's chief calls bid 'assassination attempt'",
        "The head of Tolle Breweries called the rival's offer \"an assassination attempt on a 120-year-old "
        'company" on Monday.',
        [],
    ),
    (
        None,
        "Fans marched out at half-time in protest at what they called the board's slow assassination of "
        "the club.",
        [],
    ),
    # a vote to unseat is no attack on a life
    (
        "Premier survives party attempt to unseat her",
        "Premier Ona Lind survived an attempt by party rebels to remove her as leader on Tuesday, winning "
        "a vote by 61 to 40.",
        [],
    ),
    # a film whose plot is an assassination; a video game with riot police
    (
        None,
        "In 'Night Convoy', a retired sniper is hired to kill a governor, and the director shoots the "
        "ambush in a single take.",
        [],
    ),
    (
        None,
        "A new riot-police game in which players fire tear gas at virtual protesters went straight to the "
        "top of the download charts, its studio said.",
        [],
    ),
    # a page about a law: the riots it mentions explain the law
    (
        "Public Order (Assemblies) Act 2019",
        "The Public Order (Assemblies) Act 2019 is a statute of the Republic of Dorvia that sets the rules "
        "for the notification and dispersal of public demonstrations. The bill was introduced after the "
        "riots of 2017, in which shops were looted and police used tear gas on protesters. Critics said "
        "the law gave police too much discretion. The act was amended in 2021 after a court ruling. "
        "Parliament debated a further amendment in 2023.",
        [],
    ),
    # a page whose lead calls the protest peaceful: force discussed is force not used
    (
        "Tarn Square hunger strike",
        "The Tarn Square hunger strike was a peaceful protest by twelve students in Tarn in March 1991. "
        "The strikers sat in front of the town hall for nine days; supporters held a silent vigil each "
        "evening. Police were deployed around the square. Officials discussed using force to clear it, "
        "but the mayor refused. The hunger strike ended when the council agreed to talks.",
        [],
    ),
    # an accented first name and the first of two surnames; the role comes late, in a sentence that
    # also names the trial the judge hears
    (
        "Gunmen wound Lucía Morales Prado outside her home",
        "Two men on a scooter opened fire on Lucía Morales Prado as she left her house in Tunja on Monday, "
        "wounding her in the arm, police said. Morales, 49, was taken to hospital. Neighbours said the men "
        "had waited for an hour. Police found nine shell casings. Morales has served for ten years as a "
        "senior criminal court judge in Boyacá, and she is hearing the trial of six men accused of "
        "extortion.",
        [AA],
    ),
    # an explosive charge is no court's charge; guards hurt by shrapnel were not in a battle
    (
        "Drone attack on the mayor of Coltán",
        "Two drones, each carrying an improvised charge of C-4, were flown over the wall of the house of "
        "Mayor Ruth Ibáñez in Coltán on Sunday night. Two police officers guarding the mayor were wounded "
        "by shrapnel. The mayor was unhurt.",
        [AA],
    ),
    # a projectile that struck the victim, the role given in the next paragraph
    (
        "Killing of Tomás Ferro",
        "Tomás Ferro was walking to his car in Evora on the night of 2 March 1979. A man on a motorcycle "
        "fired four shots at him; two struck Ferro in the chest. He died in hospital. Ferro had been the "
        "editor of a regional weekly since 1975.",
        [AA],
    ),
    # a predecessor's killing as the time of the subject's own step, in a biography
    (
        "Political career",
        "Ana Quirino was elected to the provincial council in 1988. When Governor Ramón Ilagan was shot "
        "dead in Tarlac in May 1995, Quirino succeeded him until the election. She served two terms as "
        "governor and then sat in the senate. She retired in 2010.",
        [],
    ),
    # a march that demands justice for a boy shot dead, winds its way, and carries placards
    (
        "Thousands march for Caio",
        "Several thousand people marched through Recife on Sunday to demand justice for Caio Almeida, a "
        "15-year-old boy shot dead during a police raid last month. The march wound its way to the state "
        'security office. Placards read "Our sons are not collateral damage". Police kept their '
        "distance.",
        [],
    ),
    # a poisoning told by its agent, the role as a title, the victim a pronoun
    (
        "Senator in intensive care after suspected poisoning",
        "Doctors treating senator Ilka Varne said on Monday that she had been deliberately poisoned with "
        "thallium, probably in coffee served at a campaign stop. Her party blamed the security service.",
        [AA],
    ),
    (
        None,
        "Opposition MP Teodor Balan is in intensive care after drinking water that doctors say was laced "
        "with arsenic, his party said on Thursday.",
        [AA],
    ),
    # the victim doing something "when" the attackers fired; the role a municipal one, given later;
    # "once in the arm" is a count, not the past
    (
        "Gunmen open fire on Rita Solano outside her home",
        "Rita Solano was getting out of her car at 8 p.m. on Monday when two men on a motorcycle fired "
        "seven shots, hitting her twice in the chest and once in the arm. Solano, 51, was taken to "
        "hospital. Neighbours said the men had waited for an hour. Solano has been municipal president "
        "of Tepalco since 2022.",
        [AA],
    ),
    # troops ordered the crowd to go, then fired over the strikers' heads and into the crowd
    (
        "Harbour strike of 1959",
        "In May 1959 the porters of Vessa went on strike over unpaid wages. On 12 May some 900 strikers "
        "blocked the harbour gate. Soldiers ordered the crowd to disperse and, when it did not, fired "
        "first over the heads of the strikers and then into the crowd. Six porters were killed.",
        [PV],
    ),
    # a crowd breaking police lines; "since dawn" is the time of day, no earlier event
    (
        None,
        "The crowd had been gathering since dawn outside the electoral commission. By noon several "
        "thousand protesters broke through police cordons and smashed the building's doors.",
        [PV],
    ),
    # what a career dates from, and last year's protests, are background
    (
        "Early life",
        "Mara Kest was born in Lund in 1962 and studied law. She has said that her interest in politics "
        "dates from the riots that swept the port cities in 1981, when shops were burned. She was "
        "elected to the city council in 1994 and to parliament in 2002.",
        [],
    ),
    (
        "Assembly bill passes second reading",
        "The security bill passed its second reading on Tuesday. Supporters say it protects traders who "
        "lost stock during last year's fuel-price demonstrations, when shops in the centre were looted. "
        "Opponents say it limits the right to assemble. A final vote is due next month.",
        [],
    ),
    # the role in an apposition that opens on the time ("Vollrath, at that time the head of ...")
    (
        "Stabbing",
        "On 3 May 2016 Greta Lunde was handing out leaflets at a market stall in Ostheim when a man "
        "asked her for one. When she gave it to him he pulled a knife and stabbed her in the neck. "
        "Lunde, at that time the head of the city's housing department and a candidate for mayor, was "
        "taken to hospital. The attacker was arrested at the scene.",
        [AA],
    ),
    # ... while a peaceful protest that turned violent stays a violent one
    (
        None,
        "The march was a peaceful protest until police fired tear gas at the crowd near the bridge.",
        [PV],
    ),
]


# Probe batches w22-w23 (tune half): a defender of land rights is a target; a fronted participle
# binds the role it describes; the attack told before the target gives the toll.
def test_a_land_rights_defender_is_a_target() -> None:
    events = detect(
        None,
        "Land rights defender Ofelia Marrow Tenn was shot and wounded on Friday by a man who waited for "
        "her outside the cooperative's hall in Las Piedras Altas.",
    )
    assert [e.type for e in events] == [AA]
    assert events[0].casualties.injured == 1


def test_a_fronted_participle_binds_the_role_it_describes() -> None:
    events = detect(
        "Night attack on a house in Vell Norte",
        "Several men fired on a house in Vell Norte before dawn on Monday and fled in a grey van. "
        "Struck by a bullet in the arm, the deputy governor was taken to the regional hospital.",
    )
    assert [e.type for e in events] == [AA]
    assert events[0].outcome == "injured"


def test_the_attack_told_before_the_target_gives_the_toll() -> None:
    events = detect(
        "Gunmen raid a residence in the capital",
        "ORLANDA, 2 May - Armed men opened fire on a residence in the Cerro quarter shortly after "
        "midnight, witnesses said.\n\n"
        "They shot at the gate before entering the garden and firing at the house.\n\n"
        "One of the guards, a corporal of the presidential guard, succumbed to his wounds on the way "
        "to hospital.\n\n"
        "The house belongs to Minister of Fisheries Tobias Anker Lund. Struck by a bullet in the hip, "
        "the minister was operated on overnight.",
    )
    assert [e.type for e in events] == [AA]
    assert events[0].casualties.killed == 1


def test_a_toll_told_before_an_unrelated_lede_is_not_read() -> None:
    # the lede is no attack: the earlier sentences are not this event's run
    events = detect(
        "Minister of Fisheries back at work",
        "ORLANDA, 2 May - The fisheries ministry reopened its offices on Monday after the holiday.\n\n"
        "Three fishermen died when their boat sank off the cape last week.\n\n"
        "Gunmen shot and wounded the minister of fisheries outside his home on Sunday night.",
    )
    assert [e.type for e in events] == [AA]
    assert events[0].casualties.killed == 0


# Probe batches w24-w25 (tune half): a riot's trial, a crowd that went home, a march that wound
# through town, a speaker's memory of other years, a stabbing told in the present tense.
W24_25_CASES = [
    (
        "Eight years on, the Marren riot trial still has no witness",
        "The nine men in the dock at Marren heard their case adjourned again on Tuesday. They are charged "
        "with arson and incitement over the riots that followed the 2018 vote in the town.",
        [],
    ),
    (
        "Lantern evenings of Sorvik",
        "Each Friday the residents walked in silence from the mill to the square with lanterns, protesting "
        "the closure of the school, set them down by the fountain and dispersed.",
        [],
    ),
    (
        "Thousands march in silence for murdered teacher",
        "The march of protest set off from the station at ten and wound for three kilometres through the old "
        "town to the court house. He recalled that the same square had seen clashes with police in 2019.",
        [],
    ),
    (
        None,
        "Police fired tear gas at marchers protesting the closure of the clinic, and a woman was wounded "
        "in the leg.",
        [PV],
    ),
    (
        "The mayor and the knife: Ollenby in shock",
        "The mayor, Piet Varga Holm, is where he is every market day, shaking hands by the fish stall. Then "
        "a man walks up behind him, calls his name, and when Varga turns, stabs him in the chest.",
        [AA],
    ),
    (
        "Gunned down outside the mosque, a Teral lawmaker is buried",
        "Rafiq Sohail had stepped out of the mosque when a man on a motorcycle fired five shots, most of "
        "them into Sohail's chest. Sohail was serving his third term as a member of the Teral Provincial "
        "Assembly.",
        [AA],
    ),
    # a feature that reconstructs the attack over several sentences, the role paragraphs before it
    (
        "The evening they waited for Irene Salo",
        "Irene Salo remembers the song on the radio when the van drew level. It was late on a Friday in "
        "March, and she and the sound engineer Paavo Rinne were driving home from a hearing in the next "
        "town.\n\n"
        "Salo, then forty, was the editor of the Vesi Courier, a weekly that had named two local officers "
        "in a land fraud. In February she had received a note that read only: 'Stop.'\n\n"
        "On the long straight past the dairy, the van overtook their car and slowed. Two men in the back "
        "opened fire with rifles. Rinne, who was driving, was struck in the head and the car left the "
        "road. Salo was hit twice, in the shoulder and the knee. She lay still and pretended to be dead "
        "until the van drove off.\n\n"
        "A farmer found the car half an hour later. Rinne was dead at the scene. Salo now lives abroad "
        "and works for a press freedom group, and the Courier stopped printing the next year.",
        [AA],
    ),
    # a peaceful march where the police chief says nobody was hurt and no force was used
    (
        "Thousands rally for the river in Drava; police report two arrests",
        "Thousands of people marched along the river in Drava on Saturday to protest the dam project. "
        "Two men were arrested for climbing a bridge. The police chief said no officers or marchers had "
        "been injured and no force was used.",
        [],
    ),
]


# w27-w30 tune halves
W27_30_CASES = [
    # marchers who went home by a time of day were not dispersed by force
    (
        None,
        "Some 800 riot police and four water-cannon trucks were deployed in Halvik ahead of a union march. "
        "In the end about 2,000 marchers followed the agreed route and dispersed by nightfall; no clashes "
        "were reported.",
        [],
    ),
    # ... while a crowd dispersed by police is still force
    (
        None,
        "Riot police fired tear gas at about 2,000 marchers in Halvik protesting pay cuts and dispersed "
        "them by nightfall; nine people were hurt.",
        [PV],
    ),
    # a bandh (a shutdown called as a protest) whose supporters burn a bus
    (
        "Bus burnt as shutdown grips Keshavpur",
        "A day-long bandh called by a farmers' union over crop prices shut Keshavpur. Bandh supporters "
        "stopped a bus on the ring road, made the passengers get off and set it on fire.",
        [PV],
    ),
    # a poisoning told by what the target drank
    (
        None,
        "On 4 May, Dorota Wilk, chair of the Baltic Dockers' Union, was taken to hospital after drinking "
        "coffee laced with rat poison at the union's office. Police said it was done on purpose.",
        [AA],
    ),
    # ... while a crowd made ill by its food is no attack on anyone
    (
        None,
        "Forty guests at a wedding in Marsk were taken to hospital after eating rice laced with pesticide.",
        [],
    ),
    # a plot told after the arrest that stopped it is foiled, not a fear
    (
        None,
        "Police in Orsa detained three men who were preparing to blow up the car of Judge Anton Belic, "
        "seizing a bomb and a detonator.",
        [AA],
    ),
    (
        None,
        "Intelligence officials warned that a cell was preparing to attack the governor's convoy.",
        [],
    ),
]

# w28 and w32 tune halves (long news and reference sections)
W28_32_CASES = [
    # a sentencing for "their part in" a disorder is the trial's news
    (
        "Nine jailed over Quay Road disorder",
        "Nine people were jailed on Monday for their part in last May's Quay Road disorder, in which "
        "rioters threw petrol bombs at police lines and set fire to two patrol cars.",
        [],
    ),
    # force denied
    (
        "Dockers end occupation of port offices",
        "About 200 dockers ended a week-long occupation of the port authority on Friday. Police said "
        "there had been no arrests and no use of force throughout the protest.",
        [],
    ),
    # a target denied: the bombing of a crowd is no attempt on anyone
    (
        None,
        "A bomb exploded at a bus station in Korva, killing nine commuters. The regional police chief "
        "said there was no indication that any particular official had been targeted.",
        [],
    ),
    # a plot against crowded places has no target
    (
        None,
        "Police shot dead two men during a raid in Velm that prosecutors said had disrupted a plan to "
        "attack crowded shopping streets.",
        [],
    ),
    # a text about protests that stayed peaceful
    (
        "Why the pension marches have stayed peaceful",
        "For nine weeks the pension marches have filled the avenue without violence. Organisers credit "
        "their stewards, and police their restraint. In neighbouring countries such protests have ended "
        "in tear gas and burning barricades.",
        [],
    ),
    # a relative clause between the role and the harm
    (
        None,
        "Ana Lind, the campaigner who has spent six years fighting the limestone quarry planned above the "
        "village of Brenna, was deliberately poisoned with a pesticide, doctors said.",
        [AA],
    ),
]


# w33 tune half (where the two types meet)
W33_CASES = [
    # a crowd that went home ", then dispersed"; the editor they marched for is the grievance
    (
        "Silent march for murdered editor",
        "Some 20,000 people walked without a word along the river on Sunday. They were marching for Ana "
        "Roe, the Ledger's political editor, who was shot dead outside her home last week. The crowd "
        "laid flowers at the newspaper's door, then dispersed. Police said there were no incidents.",
        [],
    ),
    # an attempt denied by the ministry itself
    (
        None,
        "Protesters hurled stones at the convoy of the energy minister in Varn. The ministry did not "
        "describe it as an attempt on the minister's life, and police fired tear gas to clear the road.",
        [PV],
    ),
    # police firing on a march: the union leader they kill is the protest's casualty
    (
        "Police open fire on land march, killing union leader Ilse Marr",
        "Police fired live rounds at several thousand farmers marching on the capital on Saturday, "
        "killing union leader Ilse Marr and a teenage marcher.",
        [PV],
    ),
    # (w36) the coordinator of an alliance is an activist leader
    (
        None,
        "On 3 May Karin Osei, coordinator of the River Defence Network, was stabbed four times as she "
        "left a radio studio in Port Aval.",
        [AA],
    ),
    # (w35) an exhibition review: the uprising is what the posters show
    (
        "Paper and fire: the posters of the 1981 dock strike, at the Meret Gallery",
        "The exhibition gathers 90 posters printed during the dock strike. The curators have hung them "
        "in the order they appeared. One shows strikers hurling stones at a line of police; another, "
        "a tram set on fire by rioters in the harbour square. The show runs until March.",
        [],
    ),
    # (w35) "how the gunmen came for the mayor"
    (
        "How the gunmen came for Mayor Ilse Varona",
        "Two men on a motorcycle pulled alongside her car at 7.50 and fired eleven shots through the "
        "rear window.",
        [AA],
    ),
    # (w37) a verdict on a protester's death is the court's news
    (
        "Court clears police over student's death at water protest",
        "A court in Varo on Friday acquitted two riot police officers of manslaughter in the death of a "
        "student who was struck by a tear-gas canister during a protest in the capital.",
        [],
    ),
    # (w37) calls for attacks on politicians are a threat, not an attack
    (
        None,
        "The security service raised the threat level, citing a rise in online calls for attacks on "
        "politicians and judges.",
        [],
    ),
    # (w37) a police reform announced after unrest
    (
        "Minister bans rubber bullets at close range after summer unrest",
        "The interior minister on Monday unveiled a sweeping reform of the police, including a ban on "
        "firing rubber bullets at protesters from less than 30 metres. The reform follows the summer "
        "riots in which police fired tear gas at crowds. Parliament will vote on the law in June.",
        [],
    ),
    # (w38) a sit-down strike broken up by hired men with iron rods
    (
        None,
        "About 400 workers staged a sit-down strike at a shoe factory over unpaid wages. At night, men "
        "hired by the owner beat the workers with iron rods to force them out; nine were hospitalised.",
        [PV],
    ),
    # (w38) a blockade that ended "dispersing peacefully"
    (
        None,
        "Villagers blocked the highway for five hours to demand a bridge, before dispersing peacefully "
        "when officials promised a survey. Police said no incidents were reported.",
        [],
    ),
    # (w40) a link label pasted inline at the end of the text is furniture
    (
        "Fire guts party office",
        "A fire gutted the offices of the Farmers' Party in Orvel overnight; the fire brigade blamed "
        "faulty wiring. ALSO READ: Gunmen shoot opposition activist in Orvel",
        [],
    ),
    # (w40) an arrest told before the plan it stopped
    (
        None,
        "Police said they had arrested two men who were planning to kill a high-court judge; a rifle "
        "and a map of her route were seized.",
        [AA],
    ),
    # (w40) a gang fight that became a riot in a prison is no protest
    (
        None,
        "Four inmates were killed when a fight between rival gangs escalated into a riot at the Serra "
        "Alta penitentiary on Sunday.",
        [],
    ),
    # (w39) a court upholds a march ban: what the march "risked" is a fear; "not rioters" a denial
    (
        "Court upholds ban on farmers' march",
        "The supreme court on Thursday upheld the city's ban on a farmers' march past parliament. The "
        "city had refused the permit, citing police advice that the march risked clashes with "
        'counter-demonstrators. "We are farmers, not rioters," the union\'s leader said.',
        [],
    ),
    # a committee hearing on a bill about protest policing
    (
        "Use-of-force bill stalls as MPs hear calls to ban rubber bullets",
        "MPs spent the day hearing evidence on the Public Order (Use of Force) Bill. A surgeon told them "
        "rubber bullets fired at protesters had blinded several of her patients after the riots two "
        "summers ago. Police chiefs said tear gas was needed to disperse violent crowds. The committee "
        "will vote on the bill next month.",
        [],
    ),
]


W41_CASES = [
    # (w45) a bomb at a rally that investigators say was not aimed at the candidate
    (
        "Blast at election rally kills nine",
        "A bomb exploded at an election rally in Dorvan on Sunday, killing nine supporters. The candidate, "
        "Mayor Ivo Stern, had left the ground minutes earlier. Police said investigators did not believe "
        "the bomb was aimed at the mayor.",
        [],
    ),
    # (w41) a compensation fund for last summer's riots is no riot today
    (
        "Cabinet approves fund for traders ruined in last summer's riots",
        "The cabinet on Tuesday approved a compensation fund for shopkeepers whose premises were burned. "
        "A separate scheme for people injured during the unrest will follow, the minister said.",
        [],
    ),
    # (w41) the last big protests, years ago, are compared with today's peaceful sit-in
    (
        None,
        "Police detained 40 people at a sit-in outside parliament on Tuesday; none resisted. The last "
        "major protests in the city, over fuel prices in 2018, ended with clashes in which officers were "
        "hurt. Tuesday's sit-in was far smaller.",
        [],
    ),
    # (w41) a spokesman's denial in words: "not an assassination"
    (
        None,
        "The minister's spokesman said on Monday that the leaked reports were journalism, not an "
        "assassination of anything, and that the minister would answer questions in parliament.",
        [],
    ),
    # (w41) a headline's participle with the attacker as agent binds the role
    (
        "Opposition leader wounded by gunman at rally; clashes follow",
        "A gunman fired several shots at Ilse Bramwel as she addressed a crowd in the main square on "
        "Saturday, wounding her in the shoulder. By nightfall hundreds of her supporters had marched on "
        "the police headquarters; they threw stones and set a patrol car alight, and police fired tear "
        "gas at them. Seventeen people, nine of them officers, were hurt in the clashes, and the "
        "rioters burned two shops before the crowd was dispersed.",
        [AA, PV],
    ),
    # (w43) an interview about a film whose riot is staged in an invented town
    (
        "Director on her riot film",
        "Her third feature takes place over one day in an invented industrial town, where a dispute over "
        "a closed steelworks escalates into a riot. The riot itself is staged almost entirely in long "
        "takes.",
        [],
    ),
    # (w46) a town history that dates four riots and strikes in one sentence lists, not narrates
    (
        "Drevna - History",
        "Drevna received a town charter in 1261. Bread riots broke out in the market square in 1847 and "
        "again in 1867, the tram strike of 1889 ended in clashes with mounted police, and in 1911 the "
        "mayor was shot dead by an anarchist. The town suffered heavy damage in 1944.",
        [],
    ),
    # (w46) killings of a class of people are no attack on one person
    (
        "Political violence in Castrovia",
        "Urban cells carried out bombings and targeted killings of judges, police officers and "
        "journalists, while paramilitary groups killed trade unionists and student leaders.",
        [],
    ),
    # (w46) a plot told by its purpose, then its discovery
    (
        "The Dascu plot",
        "The plot was meant to kill President Aurel Dascu during the Independence Day parade on 24 August "
        "1959. Officers who searched a hotel room on 12 August found a rifle, and the guest was arrested "
        "that afternoon.",
        [AA],
    ),
    # (w44) a "most read" list of headlines under a page is no news of the page
    (
        "Tens of thousands march peacefully against pension reform",
        "Tens of thousands of people marched through the centre of Solenne on Saturday. Police said the "
        "march passed off without incident.\n\nMOST READ\n1. Pension march: the best placards\n"
        "2. Former interior minister survives shooting at country home",
        [],
    ),
]
ALL_CASES = CASES + W24_25_CASES + W27_30_CASES + W28_32_CASES + W33_CASES + W41_CASES


@pytest.mark.parametrize(
    ("title", "text", "expected"), ALL_CASES, ids=[str(i) for i, _ in enumerate(ALL_CASES)]
)
def test_eighth_pass_case(title: str | None, text: str, expected: list[str]) -> None:
    assert sorted(e.type for e in detect(title, text)) == expected


def test_a_fronted_killing_is_the_targets_fate() -> None:
    events = detect(
        "Gunned down outside the court, a Teral judge is buried",
        "Thousands attended the funeral in Teral on Saturday of Judge Omar Basit, whom two men on a "
        "motorcycle shot outside the district court on Thursday.",
    )
    assert [e.type for e in events] == [AA]
    assert events[0].outcome == "killed"
    assert events[0].casualties.killed == 1


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Two guards were beaten to death at the gate.", 2, None),
        ("The reporter was stabbed to death outside his home.", 1, None),
        ("Lund, 44, died before the ambulance arrived.", 1, None),
        ("No one else was hurt.", None, 0),
        # two sources' figures for one toll: the lowest, not the sum
        ("Doctors said seven people were killed; the opposition said 12 died.", 7, None),
        ("Police said two marchers were killed; medics said 30 were injured.", 2, 30),
        # the victims counted with their article (w43), but not an age
        ("The attack killed the two bodyguards and wounded three people.", 2, 3),
        ("Gunmen killed the 12-year-old son of the mayor.", 1, None),
    ],
)
def test_tolls(sentence: str, killed: int | None, injured: int | None) -> None:
    counted = count_casualties([sentence])
    assert (counted.killed, counted.injured) == (killed, injured)


def test_official_as_an_adjective_is_no_role() -> None:
    # "against official advice" (a prison inquiry) named no target; "a local official" does
    assert ROLE_RE.search("the gangs were housed side by side against official advice") is None
    assert ROLE_RE.search("the official line was that guards had known") is None
    assert ROLE_RE.search("gunmen shot a local official in Pradera") is not None


def test_a_month_and_year_dates_an_event() -> None:
    # "in November 2015" dates the killing as "in 2015" does (w35: a widow's profile)
    assert re.search(HISTORY, "the tenants' leader was shot dead outside the centre in november 2015")
    assert re.search(HISTORY, "the mayor was shot dead on tuesday") is None
