"""The event taxonomy as data: every event type, its cues, its vetoes and its severity weights.

The engine in `rules.py` knows nothing about assassinations or protests; it reads these specs.
Adding a type means adding an `EventSpec` here (and its name to `models.EventType`), not code.
Patterns are regex source strings matched case-insensitively against cleaned, masked sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agents.core.models import EventType

# Mob violence between communities is not a protest ("communal riots", "clashes between the two
# villages"); a clash between a crowd and the police is.
_SIDE = (
    r"(?!(?:the )?(?:[\w-]+ )?(?:police|security|troops|soldiers|army|forces|military|gendarmes|riot"
    r"|protesters"
    r"|demonstrators|rebels|militants|insurgents|fighters|militias?|guerrillas)\b)"
)
COMMUNAL = (
    r"\b(?:communal|sectarian|ethnic|tribal|inter-?communal|religious|race|racial|caste"
    r"|anti-(?:jewish|semitic|muslim|christian|hindu|sikh|catholic|protestant|tamil|chinese|black|immigrant"
    r"|foreigner|migrant|roma))"
    r" (?:riots?|rioting|clashes|violence|pogroms?)\b"
    r"|\b(?:riots?|rioting|clashes|violence|fighting) between "
    + _SIDE
    + r"(?:[\w'\u2019-]+ ){1,6}?(?:and "
    + _SIDE
    + r"|communities|groups|villages|tribes|clans)"
    # "mob violence", "between the city's two main religious communities": a mob is no protest
    r"|\bmob (?:violence|attacks?)\b"
    r"|\bbetween (?:[\w'\u2019-]+ ){0,6}?(?:religious|ethnic|rival|caste|tribal) (?:communities|groups)\b"
)
# Protest forms named by their South Asian words: a bandh or hartal is a shutdown called as a
# protest, a dharna a sit-in; and the sit-down strike.
_SHUTDOWNS = r"bandhs?|hartals?|dharnas?|sit-down strikes?"
# The words of a protest other than "riot": what a communal riot article never says.
PROTEST_WORDS = (
    r"\b(?:protest\w*|demonstrat(?:ion|ions|ors?|ed|ing|e)|marchers|march(?:ed|es|ing)?|rall(?:y|ies|ied)"
    r"|sit-?ins?|strikers|picket\w*|" + _SHUTDOWNS + r")\b"
)

# a time of day after "dispersed by": the crowd went home by then, no force dispersed it
_BY_TIME = (
    r"(?:mid-?\w+|noon|midday|midnight|nightfall|dusk|dawn|evening|(?:the )?(?:evening|afternoon|morning)"
    r"|late|early|about|around|\d)"
)
# whom a march is held for: "justice for", "in memory of", "marching for"
_FOR_THE_DEAD = (
    r"(?:justice for|in memory of|mourn(?:ed|ing|s)?|honou?r(?:ed|ing|s)?"
    r"|(?:march|rall|walk)(?:ed|ied|ing|ying)? for)"
)
# Figurative and irrelevant uses of trigger words, blanked out before any cue is matched so that
# "heart attack" never looks like an attack. Shared by every type.
MASKS: tuple[str, ...] = (
    # a bystander's stray bullet told after the shooting: "Two gunmen shot dead a man outside a bakery,
    # and a shop worker was wounded by a stray bullet" (the battle veto reads "stray bullet")
    r"\band (?:a|an|one|two|three) (?:[\w-]+ ){0,3}?(?:was|were) (?:\w+ )?(?:wounded|hit|injured|killed)"
    r" by (?:a )?stray bullets?\b",
    r"\b(?:heart|panic|asthma|anxiety|shark|dog|bear) attacks?\b",
    # kit carried or bought is no force used: "some officers carried tear gas grenades on their belts"
    r"\b(?:carr(?:ied|ying|ies|y)|equipped with|bought|purchased|procured|stockpiled?) (?:[\w-]+ ){0,3}?"
    r"(?:tear ?gas|water cannons?|rubber bullets|stun grenades|pepper spray)\b",
    # a festival's pelting: "marchers in costume pelted the crowds with petals"
    r"\bpelt\w* (?:[\w-]+ ){0,3}?with (?:[\w-]+ )?(?:petals|flowers|confetti|colou?red powder|powder paint"
    r"|water balloons|streamers|rice|sweets)\b",
    r"\bcyber[- ]?(?:attack|assault|security|crime)\w*|\b(?:ddos|ransomware|phishing|hacking) attacks?\b",
    # an accident ruled out is none: "in quantities far beyond anything that could be accidental"
    r"\b(?:not|no|never|anything but|ruled out|rules out|rule out|beyond anything that could be)"
    r" (?:an? )?accident(?:al(?:ly)?)?\b"
    r"|\bbeyond anything (?:[\w'\u2019-]+ ){0,4}?(?:by )?accident(?:al(?:ly)?)?\b",
    # force denied, or a crackdown on an idea: "without any use of force", "a crackdown on the very idea
    # of politics", "a crackdown on dissent"
    r"\bwithout (?:any |the )?(?:use of )?(?:force|violence)\b"
    r"|\bcrackdown on (?:the )?(?:very )?(?:idea|ideas|freedom|freedoms|dissent|free speech|the press|press"
    r"|media|rights|democracy|civil society|opposition parties|critics|corruption|smuggling|tax evasion)\b",
    # words that attack: "no banners attacking individuals", "placards attacking the minister"
    r"\b(?:banners?|placards?|signs?|slogans?|posters?|chants?|leaflets?|songs?|speeches|cartoons?|graffiti)"
    r" (?:\w+ ){0,2}?attack(?:ing|ed|s)?\b",
    # a memorial march's banners: "banners listing the names of the dead" tell no force used
    r"\b(?:names|photographs|photos|portraits|pictures|images) of (?:the |those )?(?:dead|victims|killed"
    r"|fallen|martyrs)\b",
    # a bill or a career "assassinated": the word in scare quotes, or a thing for its object
    r"(?<=[\"'\u2018\u201c])assassinat\w*(?=[\"'\u2019\u201d])"
    r"|\bassassinat(?:e|es|ed|ing) (?:the |a |an |his |her |their |its )?(?:[\w-]+ ){0,2}?(?:bill|law|plan"
    r"|reform|budget|proposal|motion|policy|deal|project|career|candidacy|legislation)s?\b"
    r"|\bcharacter assassination\b|\bassassinat\w* (?:of )?(?:his|her|their|my|a|the) (?:character|reputation"
    r"|career|good name|image)\b|\b(?:nothing (?:less|short) (?:than|of)|amounts? to|amounted to"
    r"|tantamount to"
    r"|akin to) (?:a |an )?(?:\w+ )?assassination\b"
    # a quoted figure of speech: "a 'political assassination'" by attack ads is no killing
    r"|\b(?:political|judicial|media|electoral|moral|public|professional)"
    r" (?:assassination|lynching|execution|murder)(?=[\"'\u201d\u2019])"
    r"|\baccus\w+ (?:\w+ ){0,4}?of (?:a |an )?(?:political|judicial|media) (?:assassination|lynching)\b"
    r"|\bassassinat\w* (?:politically|morally|figuratively|metaphorically)\b"
    # denied, or of no one: "journalism, not an assassination of anything"
    r"|\bnot (?:an? )?assassination(?: attempt)?\b|\bassassinat\w* of (?:anything|anyone|nothing)\b"
    # a thing called an assassination, in quotes: "branded the bid 'an assassination attempt'"
    r"|\b(?:calls?|called|calling|branded|brands|dubbed|labell?ed|likened \w+ to) (?:[\w-]+ ){0,4}?"
    r"[\"'\u2018\u201c](?:an? )?(?:\w+ )?assassination(?: attempt)?\b"
    # ... or without quotes, a thing described as one: "describes a newspaper editorial as an assassination"
    r"|\b(?:describ\w+|call(?:s|ed|ing)?|branded|brands|dubbed|label\w*) (?:(?:a|an|the|his|her|their|this"
    r"|that) )?(?:[\w-]+ ){0,3}?(?:editorial|article|column|speech|bill|vote|motion|ruling|report|campaign"
    r"|cartoon|remarks?|comments?|criticism|walkout|decision|investigation|story|post|tweet) as (?:an? )?"
    r"(?:\w+ )?assassination\b",
    r"\b(?:political|personal|verbal|partisan|rhetorical|scathing|fierce|blistering|withering)"
    r" attacks?\b|\battack(?:ed|s|ing)? (?:ads?|(?:on )?(?:his|her|their|the \w+(?:'s"
    r"|\u2019s)) (?:record|policies|policy"
    r"|character|plans?|rivals?|opponents?|views?|claims?|comments?|remarks|handling|decision|budget"
    r"|reforms?))\b"
    r"|\battack\w* (?:\w+ ){0,3}(?:over|for) (?:his|her|their|the) (?:record|handling|polic\w+|budget"
    r"|comments"
    r"|remarks|decision|stance|reforms?)\b"
    r"|\battack(?:ed|s|ing)? (?:the |his |her |their )?(?:\w+ ){0,2}?(?:for|over)"
    r" (?:\w+ing|his|her|their|its)\b"
    r"|\battack(?:ed|s|ing)? (?:[\w.-]+ ){1,5}?(?:on|over) (?:the |his |her |their )?(?:\w+ )?"
    r"(?:policy|policies|record|plans?|handling|issues?|economy|war|budget|taxes|reforms?|remarks|comments"
    r"|stance)\b",
    r"\bshooting (?:guard|star|stars|range|script|schedule)\b|\b(?:photo|film|video) ?shoot\w*",
    r"\bshot (?:clock|put|to fame|into the lead|an? \d+|a (?:birdie|bogey|goal|round))\b",
    # self-inflicted: no attacker ("shot himself", "took her own life", a suicide that is no attack)
    r"\b(?:shot|killed|hanged|stabbed|poisoned|hurt) (?:himself|herself|themselves)\b|\btook (?:his"
    r"|her|their)"
    r" own li(?:fe|ves)\b|\bsuicide\b(?!\s+(?:bomb\w*|attack\w*|vests?|belts?|car|truck|squads?|mission"
    r"|assault|operation|raid))",
    # a law's offences and a court's words are no event: "the offences of riot and affray", "the
    # right to protest does not include the right to destroy"
    r"\b(?:offen[cs]es?|crimes?|charges?) of (?:riot|violent disorder|affray|unlawful assembly)\b"
    r"|\bpresid(?:es|ed|ing) over (?:a |the |his |her )?(?:[\w-]+ ){0,3}(?:trials?|cases?|hearings?)\b"
    r"|\bright to protest\b[^.;]{0,120}",
    # a thing "assassinated" is figurative: "the budget had been assassinated"
    r"\b(?:removal|sacking|dismissal|ouster|demotion|expulsion|firing|defeat|resignation)\b[^.;]{0,60}?\bas"
    r" [\"\u201c']?an? (?:political |character |public )?assassination\b",
    r"\b(?:budget|bill|plan|reform|deal|proposal|career|reputation|policy|idea|motion|treaty|agenda"
    r"|campaign|candidacy|project|legislation) (?:had been|has been|was|is|were) (?:\w+ )?assassinated\b"
    r"|\bassassination (?:attempt )?(?:on|of) (?:a |an |the |this |our |their |its )?(?:[\w-]+ ){0,2}?"
    r"(?:company|club|firm|business|brand|team|industry|newspaper|institution|league|sport|game|town|city|economy"
    r"|democracy|constitution)\b",
    r"\b(?:riot of colou?rs?|a riot of|laugh riot|read (?:him |her |them )?the riot act|riot grrrl)\b"
    # a march that "wound its way", children that are "not collateral damage"
    r"|\bwound (?:its|their|his|her) way\b|\bcollateral damage\b"
    # a side that "ran riot against" its opponents; a "near-riot" in the bond market
    r"|\b(?:ran|run|runs|running) riot (?:against|over|in the (?:first|second) half)\b"
    r"|\b(?:near-)?riots?['\u2019\"]? (?:in|on) the (?:bond|stock|currency|oil|share|equity|gilt|debt)"
    r" markets?\b",
    r"\b(?:formal|diplomatic|bid|official|written|silent) (?:notes? of )?protests?\b|\bnotes? of protest\b"
    r"|\b(?:lodged?|filed?|register(?:ed)?)"
    r" (?:a |an )?(?:strong |formal )?protest\b|\bunder protest\b|\bprotest(?:ed|s|ing)? (?:his|her"
    r"|their) innocence\b",
    # Strikes that are no stoppage of work (a labour strike is a protest: it stays).
    r"\b(?:air|drone|missile|hunger|lucky|first|pre-?emptive|military|nuclear|naval|artillery|rocket|precision"
    r"|surgical|retaliatory|lightning|bowling) ?strikes?\b|\bstrike (?:a deal|force|price|zone|rate)\b",
    r"\b(?:attacking|attack-minded) (?:midfielder|football|play|third)\b|\bon the attack\b"
    r"|\bcounter-?attack\w*",
    r"\b(?:killer (?:app|feature|instinct|whale)|killing it|dressed to kill|kill(?:ed|s)? the (?:bill"
    r"|deal|motion))\b",
    r"\bchief (?:executive|financial|operating|technology|economist|scientist|investment|marketing)\w*",
    r"\b(?:bomb(?:ed)? at the box office|box-office bomb|photo-?bomb\w*|bath bombs?|bombshell)\b",
    # riot equipment and units, and "read the riot act": no riot ("a dented riot helmet on her desk")
    r"\briot (?:police(?:m[ae]n)?|gear|squads?|control|shields?|helmets?|vans?|trucks?|officers|units?"
    r"|troops|training|equipment|act)\b",
    COMMUNAL,
    # Marchers carrying the dead's photographs carry the grievance, not the event: "carrying
    # photographs of a 17-year-old shot dead by a traffic officer"; pictures someone wanted were not
    # taken ("The minister wanted pictures of burning cars").
    r"\b(?:carr(?:y|ying|ied)|hold(?:ing)?|held|wav(?:ed|ing)|bearing|bore|rais(?:ed|ing)|want(?:s|ed)?"
    r"|hop(?:ed|ing) for) (?:up )?"
    r"(?:\w+ )?(?:photographs?|photos?|portraits?|pictures?|images?) of [^,.;]{0,80}?\b(?:shot|killed|dead"
    r"|murdered|slain|beaten|died|victims?|burning|bloodshed|violence)\b[^,.;]{0,40}",
    # A relative clause dated by the writer's now describes the person, not the event: "Teodora
    # Brask, 41, whose series on port smuggling ran last month, was shot" (the relative-past cue
    # and whatever the clause recalls are the aside's)
    r"(?<=, )whose (?:[\w'\u2019-]+ ){1,8}?(?:ran|appeared|was published|aired|began|started|came out|won)"
    r" (?:last|this|earlier this) (?:week|month|year)\b(?=,)",
    # What a placard or a chant says is not what happened ("placards reading 'stop the killing'").
    r"\b(?:placards?|banners?|signs?|slogans?|posters?|chant(?:s|ed|ing)?) (?:that )?"
    r"(?:read(?:ing|s)?|saying|say"
    r"|said|with|of|calling for)\s*[:,]?\s*[\"'\u201c\u2018][^\"\u201d\u2019]{0,100}[\"'\u201d\u2019]",
    # Riots with no protest: in a prison, by a mob, or a place named for an earlier riot.
    r"\b(?:prison|jail|inmates?'?|detention centre|detention center) (?:riots?|rioted|rioting|uprising)\b"
    # a riot that a fight set off is the fight (TAXONOMY: fights, mob violence with no protest):
    # "inmates ... rioted after a brawl between rival gangs spread through the wing"
    r"|\b(?:rioted|rioting|riots?)\b[^.;]{0,40}?\bafter (?:a |an )?(?:brawl|fight|fighting|clash(?:es)?)"
    r" between (?:rival )?(?:gangs|gang members|inmates|prisoners|factions|clans)\b"
    r"|\briot(?:s|ing)? (?:at|in) (?:the |a )?(?:\w+ )?(?:prison|jail|penitentiary)\b"
    r"|\briot-(?:hit|torn|affected|scarred)\b|\bmob (?:violence|attacks?|lynching)\b"
    # mob justice: "a man suspected of stealing goats was beaten to death by a crowd"
    r"|\b(?:beaten|lynched|stoned|hacked|burned) to death by (?:a |an )?(?:[\w-]+ )?(?:crowd|mob)\b",
    # Marched by others: captives led away ("the men were marched to the bridge") are no march.
    r"\b(?:were|was|been|being) (?:(?:then|later|all|\w+ed\b[^.;,]{0,60}?\band) )?marched"
    r" (?:to|into|off|away|out|back)\b",
    # caring for the victims is no act of violence ("visited the wounded in hospital")
    r"\b(?:visit(?:ed|ing|s)?|treat(?:ed|ing|s)?|tend(?:ed|ing)?|comfort(?:ed|ing)?|evacuat(?:ed|ing))"
    r" (?:the )?(?:wounded|injured)\b",
    # an accident named as the cause of a strike or protest is no violence of it ("went on strike after
    # an explosion killed three miners", "protested over a fire that killed 12 patients"): only the
    # harm is masked (`rules.mask` blanks the group `accident_harm`), the accident stays for the
    # disaster veto
    r"\b(?:after|following|over|against) (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:explosions?|blasts?|accidents?"
    r"|collapses?|fires?|floods?|crash(?:es)?|landslides?|cave-ins?|derailments?)\b"
    r"(?P<accident_harm>(?: (?:that|which))? (?:[\w-]+ ){0,4}?(?:killed|injured|wounded|hurt|claimed)\b)",
    # a stampede that crowd-control force set off is that force's toll, no accident ("police fired tear
    # gas into the crowd; this resulted in a stampede"): only the word "stampede" is masked (group
    # `stampede`), the force stays
    # ... and so is one that shots set off ("Shots fired at opposition leader; dozens hurt in stampede")
    r"\b(?:tear ?gas|teargas|tear-gas|fired|firing|shots|gunfire|gunshots?|gunm[ae]n|rubber bullets"
    r"|water cannons?|charged|batons?)\b"
    r"[^.]{0,160}?\b(?:(?:resulted in|result(?:ing)? in|caused|causing|sparked|sparking|triggered|triggering"
    r"|led to|set off|prompt(?:ed|ing)|(?:in|during) the (?:ensuing|resulting))(?: (?:a|the))?(?: \w+)? "
    r"|in (?:a |the )?)(?P<stampede>stampedes?)\b",
    # an intention denied: "I'm not going to throw stones at a man who hasn't slept either"
    r"\b(?:not|never) (?:going|about|planning|trying|here) to (?:\w+ ){0,2}?(?:throw\w*|burn\w*|attack\w*"
    r"|riot\w*|fight\w*|hit|smash\w*|loot\w*)\b[^.;,]{0,30}",
    # a drone that only flew over or was brought down attacked nothing ("guards brought down a small
    # drone that flew over the grounds"); what it carried, if anything, is told on its own
    r"\b(?:br(?:ing|ings|inging|ought)|shoots?|shot|takes?|took|forced?) down (?:a |an |the )?"
    r"(?:[\w-]+ ){0,2}?drones?\b"
    r"|\bdrones? (?:that |which )?(?:flew|flying|hovered|hovering|(?:was|were) (?:spotted|sighted|seen))\b",
    # "non-violent", "nonviolent": the opposite of violence
    r"\bnon-?violen(?:t|ce|tly)\b",
    # a majority that "pushed through" a bill, a union that "pushed for" talks: no shove (not
    # "pushed through the police line")
    r"\bpush(?:ed|es|ing)? (?:through (?:the |a |an |its |their )?(?:[\w-]+ ){0,3}?(?:bill|law|reading|vote"
    r"|reforms?|legislation|budget|amendments?|motion|measures?|changes|decree|plan)s?|for|ahead with"
    r"|back (?:against|on))\b",
    # whom a march demands justice for or mourns is its grievance, not its news ("justice for murdered
    # activist", "justice for Ana Roe, the activist who was shot dead ten days ago")
    # ... or marches for ("they were marching for Ana Roe, the editor, who was shot dead")
    r"\b" + _FOR_THE_DEAD + r" (?:the )?(?:murdered|slain|assassinated|killed)\b"
    r"|\b" + _FOR_THE_DEAD + r" (?:[\w'\u2019.-]+ ){1,3}?"
    r"[\w'\u2019.-]+, (?:the |a |an |their |his |her )?(?:[\w'\u2019-]+,? ){0,4}?(?:(?:who|whom)"
    r" (?:was|were|had been) )?(?:\w+ ){0,2}?(?:shot|killed|murdered|stabbed|slain|assassinated|gunned down"
    r"|beaten)"
    r"(?: (?:dead|to death))?\b",
    # a trial named only as the time of another event ("days before a verdict in the gang trial")
    r"\b(?:(?:days?|hours?|weeks?|shortly|just|moments) (?:before|ahead of)|on the eve of)"
    r" (?:a |the |his |her )?(?:\w+ ){0,3}?(?:verdict|trial|hearing|sentencing)"
    r"(?: (?:in|of) (?:a |the )?(?:[\w'\u2019-]+ ){0,4}?trial)?\b",
    r"\bno (?:reports? of )?(?:injur\w*|violence|clashes|casualties|deaths|fatalities|arrests|incidents?)"
    r"(?: (?:or|and) (?:injur\w*|violence|clashes|casualties|deaths|arrests|damage|use of force|force))?\b"
    # "no batons, tear gas or other force had been used"
    r"|\bno (?:batons?|tear ?gas|rubber bullets|water cannons?|force)(?:,? (?:or |and )?(?:other )?(?:batons?"
    r"|tear ?gas|rubber bullets|water cannons?|force))* (?:had been|has been|have been|was|were) used\b"
    # force carried, not used: "Gendarmes with tear gas launchers arrived and ordered the crowd to leave"
    r"|\b(?:with|carrying|armed with) (?:tear[- ]?gas|rubber[- ]bullet|pepper[- ]spray|stun[- ]grenade)s?"
    r" (?:launchers?|guns?|canisters?|rifles?)\b"
    # no protest at all: "There were no demonstrations or strikes in the highland towns"
    r"|\bno (?:\w+ )?(?:demonstrations?|protests?|strikes?|march(?:es)?|rall(?:y|ies))"
    r"(?:,? (?:or |and )?(?:\w+ )?(?:demonstrations?|protests?|strikes?|march(?:es)?|rall(?:y|ies))){0,3}\b"
    # force held back: "The water cannon never left the side streets", "tear gas was not used"
    r"|\b(?:water[- ]cannons?|tear ?gas|rubber bullets|batons?|pepper spray)(?: trucks?)?"
    r" (?:was |were |had )?(?:never|not) (?:been )?(?:used|fired|deployed|left|needed|drawn)\b[^.;]{0,40}"
    # "no injuries had been reported among officers or marchers"
    r"(?: (?:had been|have been|were|was) reported(?: among (?:[\w-]+ ){1,2}?(?:or|and) [\w-]+)?)?"
    r"|\bwithout (?:any )?(?:incidents?|violence|clashes)\b|\bno(?: one|body|-one) was (?:hurt|injured|killed"
    r"|harmed)\b"
    # "no officers or demonstrators had been injured"
    r"|\bno (?:[\w-]+ ){1,2}?(?:or (?:[\w-]+ ){1,2}?)?(?:had been|have been|were|was) (?:seriously )?(?:hurt"
    r"|injured|killed|harmed|wounded)\b"
    # a crowd that went home is no dispersal by force ("the crowds dispersed peacefully by nightfall",
    # "the marchers later dispersed"); "police dispersed the crowd" and "were dispersed" stay force
    r"|\b(?:crowds?|protesters|demonstrators|marchers|mourners|participants|supporters|students"
    r"|organi[sz]ers|people|they|residents|workers|farmers|teachers|villagers|strikers"
    r"|rally|march|protest|gathering) (?:(?:later|eventually|then|quietly|peacefully|slowly|finally"
    r"|had|all) ){0,2}dispersed\b(?! (?:by (?!" + _BY_TIME + r")|with|using"
    r"|after (?:police|security|troops)))"
    r"|\bdispers(?:ed|ing) (?:peacefully|quietly|calmly|without (?:any )?(?:incidents?|violence|trouble))\b"
    # "after two hours of talks the protesters agreed to disperse"
    r"|\b(?:agreed|decided|began|started|voted|chose) to (?:disperse|leave|go home)\b"
    # "... walked to the square, placed their candles and dispersed.": the crowd went home
    # (", then dispersed." starts at "then": a mask must start with a word, `scan.derive_starts`)
    r"|\b(?:and (?:then |later |quietly |peacefully )?|then )dispersed(?=\s*[.;,]|\s+(?:at|after|before"
    r"|peacefully|quietly|calmly|without)\b|\s+by " + _BY_TIME + r")"
    # an accusation is a grievance: "his family accused officers of beating him in a cell"
    r"|\baccus(?:ed|ing|es) (?:[\w'\u2019-]+ ){0,8}?of (?:beating|torturing|killing|shooting|assaulting"
    r"|abusing)\b[^.;]{0,40}"
    # force kept in reserve is none used: "water-cannon vehicles were parked", "tear gas was not used"
    r"|\bwater[- ]cannons? (?:vehicles?|trucks?|lorries|were parked|stood by|on standby)\b"
    # (not one in action: "a police water cannon truck sweeps the lawn")
    r"(?! (?:sweeps?|swept|spray(?:s|ed)|fired|fires|drove into|moved in|advanced|doused|blasted|hosed"
    r"|pushed|cleared|dispersed|targeted|turned on)\b)"
    r"|\b(?:water[- ]cannons?|tear ?gas|batons?|rubber bullets|force) (?:was|were) (?:not|never) used\b"
    # the dead a march names are its grievance: "read out the names of 312 people killed by police"
    r"|\bnames of (?:the )?(?:\d+ |[\w-]+ )?(?:people|those|victims|men|women|children)\b[^.;]{0,60}?"
    r"\b(?:killed|shot|died)\b(?: by (?:the )?police)?"
    # asked to go is no force ("police asked the vendors to disperse; the crowd complied")
    r"|\b(?:asked|told|urged|ordered|called on|instructed|requested) (?:[\w.-]+ ){0,12}?to disperse\b"
    # a target denied: "no indication that any particular individual or official had been targeted"
    r"|\bno (?:indication|sign|suggestion|evidence)s? (?:that )?[^.;]{0,60}?\b(?:had been|has been|was|were"
    r"|is|are) (?:specifically |deliberately )?(?:the )?(?:targets?|targeted)\b"
    r"|\bno (?:force|violence) (?:was |were )?(?:used|employed|reported)\b"
    # an attempt denied: "did not describe it as an attempt on the minister's life"
    r"|\b(?:did not|didn't|does not|refused to|declined to|stopped short of) (?:describe|call|characteri[sz]e"
    r"|treat|regard|classify) (?:it|this|that|the \w+) as (?:an? )?(?:[\w-]+ )?(?:attempt|assassination"
    r"|attack)\b(?: on (?:his|her|their|the \w+(?:'s|\u2019s)?) li(?:fe|ves))?"
    r"|\b(?:no |without (?:any |the )?)use of (?:\w+ )?force\b"
    # a denial in the protesters' words: "We are farmers, not rioters"
    r"|\bnot (?:rioters|vandals|hooligans|looters)\b"
    # an order read out is no force used ("officers read a dispersal order and took down tents")
    r"|\bdispersal (?:orders?|notices?|warnings?)\b",
    r"\b(?:against|over|condemn\w*|denounc\w*|decry\w*|decried|justice for|in memory of|mourn\w*"
    r"|in protest at"
    # what a demand asks to stop or to look into: "an end to police brutality", "a probe into the killings"
    r"|(?:an |the )?end (?:to|of)|a (?:stop|halt) to|accountability for|(?:an |a )?(?:investigation|inquiry"
    r"|probe) into)\s+"
    r"(?:what (?:they|he|she|it|protesters|organi[sz]ers|critics|activists|(?:their|the|its|his|her) [\w-]+)"
    r" (?:called|call|calls|described as"
    r"|describe as|see as|saw as|say (?:is|was)) )?"
    r"(?:the |a |an |"
    r"alleged |recent |police |state |gun |sexual |domestic |gender "
    r"|mob )*(?:(?!(?:was|were|is|are|had|has|have|been)\b)[\w-]+\s+){0,3}?(?:killings?|murders?"
    r"|deaths?|violence|brutality|shootings?|abuse|torture|rape|executions?|lynching|assaults?|attacks?"
    r"|bombings?|war|invasion|raids?|air ?strikes?|massacres?|crackdown|occupation"
    r"|killed|shot|(?:use of )?force"
    r"|arrests?)\b(?:\s+of\s+(?:a |an |the )?(?:[\w-]+\s+){0,3}?\w+)?"
    # ... and the relative clause that tells that grievance's toll ("over the attack on the
    # consulate that killed the ambassador")
    r"(?:(?:\s+(?:on|at|in)\s+[^;,]{0,50}?)?\s+(?:that|which)\s+(?:killed|wounded|injured|left|claimed)"
    r"[^.;,]{0,60})?",
    # ... or the people a demand is aimed at, by what they did ("action against the men who beat a
    # youth", "the arrest of those who shot the boy")
    r"\b(?:against|arrest of|punish(?:ment of)?|prosecut\w+|justice from) (?:the |those |all )?(?:\w+ ){0,3}?"
    r"(?:who|that) (?:had )?(?:allegedly )?(?:beat(?:en)?|killed|shot|attacked|assaulted|raped|murdered"
    r"|lynched|stabbed|tortured|injured|wounded)\b",
    # what a protest objects to, as its direct object ("protested the use of tear gas by police"):
    # only the object is blanked (group `protest_object`), the protest stays
    r"\bprotest(?:ed|ing|s)? (?P<protest_object>(?:the |a |an )?"
    r"(?:alleged |recent )?(?:police |army )?(?:use of (?:tear ?gas|force|live ammunition|rubber bullets"
    r"|water cannons?|batons)"
    r"|killings?|murders?|shootings?|beatings?|deaths?|torture|lynching|rape)\b"
    r"(?:\s+of\s+(?:a |an |the )?(?:[\w-]+\s+){0,3}?\w+)?(?: by (?:the )?(?:police|security forces|troops"
    r"|soldiers))?)",
    # a rule on crowd-control weapons is no use of them ("voted to ban rubber bullets")
    r"\b(?:ban(?:s|ned|ning)?|outlaw\w*|restrict\w*|prohibit\w*|limits? on|rules? on|guidelines? on)"
    r" (?:the )?(?:use of )?(?:tear ?gas|rubber bullets|plastic bullets|water cannons?|pepper spray|tasers?"
    r"|batons|kettling|force)\b",
)

# Sentence-level vetoes: the sentence talks about the event without reporting one.
NEGATION = (
    r"\bdenie[sd] (?:any|reports?|claims?|that|the (?:claim|report|allegation)s?)\b|\b(?:false|fake"
    r"|unfounded)"
    r" (?:reports?|claims?|news|rumou?rs?)\b|\brumou?red\b|\bhoax\b|\bno (?:attack|assassination attempt)\b"
    # "police rule out attempt on congressman", "investigators ruled out early reports that ..."
    r"|\brul(?:e|es|ed|ing) out\b|\bnothing to (?:suggest|indicate|show)\b"
    # force denied: "police did not use tear gas or any other force during the march"
    r"|\b(?:did not|didn't|never|had not|hadn't) (?:use|used|fire|fired|deploy|deployed|resort to) (?:any )?"
    r"(?:tear ?gas|water cannons?|rubber bullets|batons?|force|live ammunition|weapons?)\b"
)
HYPOTHETICAL = (
    r"\bthreat(?:en(?:ed|s|ing)?|s)? (?:to|of|against)\b|\bcould (?:target|attack|kill|turn|spark|lead)\b"
    r"|\b(?:might|may|would) (?:be )?(?:target|attack|kill|assassinat|turn violent)\w*|\bif\b|\bunless\b"
    r"|\bwarn(?:ed|s|ing)? (?:of|that|against)\b|\bfears? (?:of|that)\b|\brisks? of\b|\bvow(?:ed|s)? to\b"
    # "the march risked clashes with counter-demonstrators": a permit refused for what might happen
    r"|\brisk(?:s|ed|ing)? [\"'\u201c]?(?:clashes|violence|unrest|riots?|disorder)\b"
    r"|\bcall(?:ed|s|ing)? for (?:the )?(?:killing|assassination|death|attacks?|violence)\b"
    r"|\bwants? (?:him|her|them) dead\b"
    # a security plan's promises and the assurances asked of it: "guarantees that tear gas would not
    # be used", "would act firmly against anyone who tried to breach the zone"
    r"|\b(?:guarantees?|assurances?) (?:that|of no)\b|\b(?:would|will) not be used\b"
    r"|\banyone who (?:tries|tried|attempts|attempted)\b"
    # a security plan's purpose: "designed to make an assassination attempt ... as close to impossible
    # as we can", "measures meant to prevent attacks"
    r"|\b(?:designed|meant|intended|aimed) [\"\u201c]?to (?:prevent|deter|stop|foil|thwart|make)\b"
    # an inquiry's proposals: "among its recommendations are a ban on live ammunition at demonstrations"
    r"|\brecommendations?\b|\brecommend(?:s|ed|ing)? (?:that|a|an|the)\b"
    # what a law allows, not what happened: "commanders may deploy water cannon only with written
    # authorisation"
    r"|\b(?:may|can|could|might|would|will be allowed to) (?:only )?(?:deploy|use|fire|order)"
    r" (?:[\w-]+ ){0,2}?"
    r"(?:water cannons?|tear ?gas|rubber bullets|live (?:ammunition|rounds)|force|batons)\b"
    r"|\bonly with (?:the )?(?:written |prior )?(?:authori[sz]ation|permission|approval)\b"
    r"|\b(?:is|are) supposed to\b"
    # a claim the police set aside: "Police dismiss claim chief minister was targeted"
    r"|\bdismiss(?:es|ed|ing)? (?:the |a )?(?:claims?|reports?|suggestions?|speculation|rumou?rs?)\b"
    r"|\bhit list\b|\bdeath threats?\b|\bsimulat\w+|\bdrill\b|\bexercise\b|\bwhat if\b|\bpurported(?:ly)?\b"
    # what social media claimed, unconfirmed: "Early posts on social media claimed police had fired tear gas"
    r"|\bposts? on social media\b|\b(?:social media|online) (?:posts?|rumou?rs?|claims?)\b"
    # a rehearsal's script: "The scenario ... imagined an assassination attempt on the president"
    r"|\bscenarios?\b|\bimagined\b|\bmock (?:attacks?|assassinations?|assaults?|ambush\w*|riots?"
    r"|hostage\w*)\b|\bfiring blanks\b|\bfake blood\b|\bpyrotechnic\w*"
    # a claim the text reports as unproven or false
    r"|\bno evidence\b|\bfabricat\w+|\b(?:had been|was|were) invented\b|\basked whether\b"
    # a report the text denies: "Earlier reports that she had been attacked are false"
    r"|\breports?\b[^.;]{0,80}\b(?:are|were|was|is|proved|turned out to be) (?:false|untrue|unfounded"
    r"|baseless|wrong|a hoax)\b|\b(?:false|unfounded|baseless) (?:reports?|rumou?rs|claims)\b"
    r"|\b(?:had|have) (?:claimed|alleged)\b"
    # a first report the text goes on to correct: "Some channels initially reported that the candidate
    # had been attacked"
    r"|\b(?:initially|originally|wrongly|falsely|erroneously|mistakenly) reported that\b"
    r"|\b(?:early|initial|first) reports? (?:that|said|suggested|claimed)\b"
    # "are preparing to strike"; but "arrested two men who were preparing to bomb his convoy" is a
    # plot told after it was stopped (foiled, TAXONOMY), not a fear
    r"|(?<!\bwas )(?<!\bwere )\bpreparing to\b"
    r"|\b(?:discuss(?:ed|es|ing)?|consider(?:ed|s|ing)?|debat(?:ed|es|ing)|weigh(?:ed|s|ing)?|propos(?:ed"
    r"|es|ing)) (?:using|the use of) force\b"
    r"|\bdiscuss(?:ed|es|ing)? (?:an? |the )?(?:possible |planned )?(?:attack|plot|plan|killing"
    r"|assassination)"
)
# An event named by its year: "the 2012 attack", "the 1984 riots".
_DATED_EVENT = (
    r"\bthe (?:1[89]\d\d|20\d\d) (?:[\w-]+ )?(?:attacks?|assassinations?|bombings?|shootings?|riots?"
    r"|protests?"
    r"|uprising|massacre|killings?|coup|clashes|crackdown|unrest)\b"
    # ... or after it: "the violent riots of 2009"
    r"|\bthe (?:[\w-]+ ){0,2}(?:attacks?|assassinations?|bombings?|shootings?|riots?|protests?|uprising"
    r"|massacre|killings?|coup|clashes|crackdown|unrest) of (?:1[89]\d\d|20\d\d)\b"
)
# "in 2015", "in November 2015": a year before the recent past
_IN_YEAR = (
    r"\bin (?:(?:early |late |mid-)?(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december) )?(?:1[89]\d\d|20[01]\d)\b"
)
HISTORY = (
    r"\banniversar\w+|\bcommemorat\w+|\bmemorial\b|\b(?:years?|decades?|centur(?:y|ies)) (?:ago|after|since|"
    r"earlier)\b|" + _IN_YEAR + r"|\b(?:assassinated|killed|murdered|shot) in (?:19"
    r"|20)\d\d\b|\bin the (?:19|18)\d0s\b|\bsince the (?:assassination|killing|death)"
    r"|\b(?:after|following|before) the (?:assassination|murder) of\b|\blegacy\b|\bhistor(?:y|ic|ical"
    r"|ian)s?\b"
    r"|\blate (?:president|prime minister|leader|king)\b|\bremember\w*|\bmarks? the\b"
    # "once" the former time, not the count ("hit twice in the chest and once in the arm")
    r"|\bonce\b(?! (?:in the|on the|more|again|every)\b)"
    r"|" + _DATED_EVENT
)
# A trial, a verdict, a charge: the attack is told as the court's business, not as news.
TRIAL = (
    # "Regional Trial Court Judge X" names a court, not a trial
    r"\btrial\b(?! courts?\b)|\b(?:convicted|sentenced|acquitted|pleaded)\b"
    # "Man who shot senator jailed for 28 years": the sentence, not the shooting, is the news
    # (not a victim's past: "an activist who was jailed for two years for his writing")
    r"|(?<!who was )(?<!who had been )\b(?:jailed|imprisoned|locked up)"
    r" for (?:life|[\w-]+ (?:years?|months?))\b"
    # a headline's sentence: "Gunman gets 22 years for 2022 attack on Governor Ruan Dessa"
    r"|\bgets? (?:life|[\w-]+ years?) (?:in (?:jail|prison) )?for\b"
    r"(?! for (?:his|her|their)\b)"
    r"|\b(?:charged|suspected) (?:of|with)\b"
    # what armed men accuse their victim of is no charge in a court ("a headman accused of working
    # with the army")
    r"|\baccused (?:of|with)\b(?! (?:working|collaborating|spying|informing|helping|supporting|cooperating"
    r"|siding|being an? (?:informer|spy|collaborator)))"
    # jailed for the act itself ("jailed for 20 years for the 2019 shooting of"), not an activist's past
    r"|\b(?:jailed|imprisoned) (?:for (?:life|[\w-]+ (?:years|months)) )?(?:for|over) (?:the |his |her |their"
    r" )?"
    r"(?:(?:1[89]|20)\d\d )?(?:killing|murder|assassination|shooting|stabbing|bombing|attack|attempted|riots?"
    r"|rioting|looting|arson|unrest)"
    # a court's charge, not an explosive one ("an improvised charge of C-4")
    r"|(?<!improvised )(?<!explosive )(?<!demolition )\bcharges? of\b"
    r"(?! (?:c-4|tnt|semtex|dynamite|explosives?))"
    r"|\bsuspects? in the (?:\w+ ){0,2}?(?:killing|murder|assassination|shooting|attack"
    r"|bombing)\b"
)
# A lead framed by an anniversary ("Ten years on, Saltmarket families still marching for names",
# "Every year on the eighth of March ..."): what it recalls, dated further down, is background.
ANNIVERSARY_FRAME = (
    r"^\W*(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
    r"|fifty|\d{1,2}) years|a (?:year|decade)|(?:two|three|four|five) decades|half a century) (?:on|later)\b"
    r"|\bevery year (?:on|since)\b|\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fifth|tenth|twentieth"
    r"|thirtieth|fortieth|fiftieth) anniversary\b"
)
# A background cue that governs the trigger itself ("on the anniversary of the leader's assassination",
# "since the killing of", "after the 2019 riots"): never lifted, whatever the sentence narrates.
BACKGROUND = (
    r"\b(?:anniversar\w+|commemorat\w+|memorial|remember\w*|recall\w*|legacy|wake|aftermath|mourn\w*|since"
    r"|last (?:year|month|week)(?:'s|\u2019s)|review of|investigations? into|inquiry into|hearings? on"
    r"|respon(?:se|ses|ding) to|handling of|(?:conspiracy )?theor(?:y|ies) (?:about|on|of)"
    # a government's response: "compensate victims of the 2013 riots", "reparations for the massacre"
    r"|compensat\w*(?: (?:for|to))?|reparations? (?:for|to)|payouts? (?:for|to)"
    r"|speculation (?:about|over)"
    r"|doubts (?:about|over)|debate (?:about|over|on)|books? (?:about|on)|documentar(?:y|ies) (?:about|on)"
    r"|film (?:about|on))"
    r" (?:of )?(?:the |a |his |her |their )?(?:[\w'\u2019-]+ ){0,5}?"
    r"(?:assassinations?|killings?|murders?|deaths?|shootings?|riots?|massacres?|bombings?|attacks?"
    r"|use of force|brutality|crackdown|clashes|unrest|violence)\b"
    # another place's events cited as a lesson: "Organisers often cited events in neighbouring Dalmek,
    # where troops had fired on grain rioters the previous year"
    r"|\b(?:cited|citing|pointed to|pointing to|invoked|invoking) (?:the )?(?:[\w-]+ ){0,2}?"
    r"(?:events?|example|case|fate|memory|precedent)s? (?:of|in|at)\b"
    # a silence kept for the dead remembers them: "a minute's silence for a colleague who died"
    r"|\b(?:minute|moment)(?:'s|\u2019s|s'|s\u2019)? (?:of )?silence\b"
    # last year's protests: a protest dated by the year before is background, however it ended
    r"|\blast (?:year|month|summer|winter|spring|autumn)(?:'s|\u2019s) (?:[\w-]+ ){0,3}?(?:protests?"
    r"|demonstrations?|marches|strikes?|riots?|rioting|unrest|clashes|disturbances|disorder)\b"
    r"|\b(?:after|following|before|since) the (?:1[89]\d\d |20\d\d )?(?:assassination|murder|killing|shooting"
    r"|stabbing|bombing)s? of\b"
    # a speaker's memory of other years: "he recalled that the same streets had seen clashes in 2021"
    r"|\b(?:recalled|recalling|remembered|recalls|remembers) (?:that|how|when)\b[^.;]{0,80}?"
    r"\b(?:in (?:1[89]|20)\d\d|years? ago|decades? ago|last year|had (?:seen|been|known|witnessed))\b"
)
# A cue that opens a clause about an earlier event: what follows it, up to the main clause, is
# background ("Ten years after troops fired on the crowd, the square was quiet on Sunday", "three
# years after the mayor was shot dead", "a vigil for the activist who was killed"). Vetoes a
# mention only when the cue comes before every trigger of the sentence (`rules.led_by_background`).
LEADING_BACKGROUND = (
    # ("the worst violence in weeks after protesters clashed" is no earlier event: "in weeks" is a span)
    r"\b(?:(?<!\bin )(?<!\bfor )(?:years?|decades?|months?|weeks?)(?: to the day)? (?:after|since|on from)"
    # "since" an event, not since a time of the same day ("had been gathering since dawn")
    r"|since(?! (?:dawn|daybreak|morning|early|midday|noon|the (?:early )?(?:morning|afternoon)|\d{1,2}"
    r"(?::\d\d)? ?[ap]\.?m\b))|in the wake"
    r" of"
    r"|vigils?(?: (?:for|in memory of|to honou?r))?|in memory of|funerals? (?:of|for)|tributes? to"
    # a profile's reason for a career: "entered politics in 2008 after her father ... was killed"
    r"|(?:entered|went into|turned to|came into) (?:politics|public life|activism)(?: in (?:1[89]|20)\d\d)?"
    r" after"
    # a relative introduced by kinship: "the son of the president who was assassinated in 1975"
    r"|(?:sons?|daughters?|widow(?:er)?|father|mother|brother|sister|grand(?:son|daughter)|nephew|niece"
    r"|grandfather|grandmother|heirs?|husband|wife) of"
    # (mourning, not the mourners: "Several mourners were killed" is the crowd's toll)
    r"|mourn(?:ed|ing|s)?\b|commemorat\w+|anniversar\w+ of|memorial (?:for|to|service)|dedicated to"
    # what a ruling or a speech refers to: "citing the district's history, referring to riots in 1998"
    r"|referring to|in reference to"
    # what something began with: "her interest in politics dates from the riots of 1981"
    r"|dat(?:es|ed|ing) (?:back )?(?:from|to)"
    r"|(?:memor(?:y|ies)|reminders?|remembrance) of|in honou?r of"
    # a monument to the victim: "a statue of the murdered mayor", "a plaque honouring the slain judge"
    # (only one to a victim: "a protest against a statue of a conquistador" is no background)
    r"|(?:statues?|busts?|plaques?|monuments?|murals?|portraits?) (?:of|to|for|honou?ring|commemorating)"
    r"(?=[^.;]{0,80}\b(?:murdered|slain|assassinated|killed|shot dead|who (?:was|were|had been) (?:\w+ )?"
    r"(?:shot|killed|murdered|assassinated|stabbed|gunned down)))"
    # what came after a killing told earlier: "following his assassination, the vice president took
    # office", "after the leader's murder, the movement split"
    r"|(?:after|following) (?:the |his |her |their |its |[\w-]+(?:'s|\u2019s) )(?:[\w-]+ ){0,2}?"
    r"(?:assassination|murder|killing|death)s?"
    # "citing threats after a gun attack on the minister's car in 2023": an earlier attack dated
    # "expelled after the bread riots of the previous autumn": an earlier crowd's violence, dated
    r"|(?:after|following) the (?:[\w-]+ ){0,2}?(?:riots?|protests?|unrest|uprising|clashes|crackdown"
    r"|massacre) (?:of|in) (?:the )?(?:previous|preceding|last|(?:1[89]|20)\d\d|[a-z]+ (?:1[89]|20)\d\d)\b"
    r"|(?:after|following) (?:an? |the )(?:[\w-]+ ){0,2}?(?:attack|shooting|bombing|stabbing)s?"
    r" (?=[^.;]{0,80}"
    r"\b(?:in (?:1[89]|20)\d\d|last (?:year|month)|(?:years?|months?) ago)\b)"
    # a seat a killing emptied: "elected to the seat left vacant by the assassination of"
    r"|(?:left )?vacant (?:by|after|following|since)|vacated by"
    r"|by-?elections? (?:\w+ ){0,3}?(?:after|following|caused by|called after)"
    # what an earlier attack set off: "after a review ordered when a lawmaker was stabbed"
    r"|(?:review|audit|overhaul|inquiry|commission)s? (?:was |were )?(?:ordered|launched|commissioned|set up"
    r"|prompted|triggered) (?:after|when|following|by)"
    # "The review follows a series of incidents, including an arson attack on the car of ..."
    r"|(?:review|audit|overhaul|inquiry|measures?|move|decision|bill|law|proposal|plan)s? (?:follows|followed"
    r"|comes after|came after|comes in response to|came in response to)"
    # a comparison with an earlier year: "twice as many as in 2021, when the candidate was shot"
    r"|(?:as|than) (?:in|during|at the time of) (?:the )?(?:1[89]\d\d|20\d\d)"
    # ... or with an earlier event: "compared the marches to the strikes of 1971, when troops fired"
    r"|(?:compar(?:e|ed|es|ing)|likened|likening) (?:[\w'\u2019-]+ ){1,6}?(?:to|with)"
    r"|reminiscent of|echo(?:es|ed|ing)? of)\b"
)
# Time told relative to now: in a news article (one that dates its own story by weekday, "today",
# "yesterday") an event "years ago" or "last year" is an earlier one, whatever the sentence narrates.
RELATIVE_PAST = (
    r"\b(?:(?:years?|decades?|months?) ago|last (?:year|month|decade|summer|winter|spring"
    r"|autumn|fall)(?!['\u2019]s)|(?:months|years|weeks|decades) of (?:protests?|unrest|riots?|rioting"
    r"|demonstrations?|clashes|violence)|(?:earlier|later) (?:that|in the) (?:year|decade)"
    r"|the previous (?:year|month"
    r"|decade|(?:two|three|four|five|six|few|several) (?:years|months|decades))"
    # a month named back to as "that March" (the events of that March, when nine people died)
    r"|that (?:january|february|march|april|june|july|august|september|october|november|december|year"
    r"|summer|winter|spring|autumn))\b"
)
# Another event than the text's subject, by its own words: "an earlier attack", "previous protests".
EARLIER_EVENT = (
    r"\b(?:(?:a|an|one|the|two|three|several|many) )?(?:similar|earlier|previous|prior"
    # "the last major protests in the city, in 2019, ended with clashes"
    r"|(?<=the )last(?= (?:major |big |large |serious )?(?:protests|riots|demonstrations|clashes)\b))"
    r" (?:\w+ )?"
    r"(?:protests?|march|marches|rall(?:y|ies)|attacks?|attempts?|shootings?|bombings?|riots?|clashes|demonstrations?"
    r"|agitations?|confrontations?|disturbances|uprisings?|firings?|crackdowns?|strikes?)\b"
)
# A news article dates its own story this way; an encyclopedia section does not.
NEWS_TIME = (
    r"\b(?:on|late|early|last|this|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: night| morning| evening"
    r"| afternoon)?\b"
    r"|\b(?:yesterday|today|tonight|last night|this morning|this week|earlier this week)\b"
)
# Hostage-takings, kidnappings and sieges: the taxonomy excludes them unless a person is attacked.
HOSTAGE = (
    r"\bhostages?\b|\bhostage-tak\w+|\bsiege\b|\bkidnapp?(?:ed|ing|ers?|s)?\b(?! and (?:killed|murdered|shot"
    r"|beheaded|executed))|\babduct(?:ed|ing|ions?|ors?|s)?\b(?! and (?:killed|murdered|shot|beheaded"
    r"|executed))"
)
# The sentence says no one in particular was the target ("investigators did not believe the bomb
# was aimed at the candidate", "the recruits as a body, not any single officer"): no evidence that
# a person was.
TARGET_DENIED = (
    r"\bnot (?:any|a|one) (?:single|particular|specific|individual) (?:officer|official|person|individual"
    r"|leader|politician|candidate|member)\b"
    r"|\b(?:was|were|had been|is) not (?:specifically |deliberately )?(?:aimed at|directed at|meant for"
    r"|intended for|targeting|targeted|the (?:intended )?target)\b"
    r"|\b(?:did not|didn't|do not|does not) (?:believe|think|suspect|consider)\b[^.;]{0,60}?\b(?:was|were"
    r"|had been) (?:aimed at|directed at|meant for|intended for|targeting|targeted)\b"
)
# A bomb that went off is an attack on whoever was there, not force used in a protest: a bombed
# rally or a bus of supporters is a bombing ("petrol bombs" thrown by a crowd stay force).
BOMBING = (
    # ("A bomb hidden beneath the speakers' platform at an election rally in Ilvenport exploded")
    r"\b(?:bomb|device|explosives?|ied|grenade)s? (?:[\w'\u2019-]+ ){0,12}?(?:exploded|went off|was detonated"
    r"|were detonated|detonated)\b|\b(?:suicide bomb\w*|car bomb\w*|bomb attacks?|bomb blasts?|bombings?"
    r"|blew (?:himself|herself|themselves) up)\b"
    # a grenade thrown into a gathering is an attack on it, not crowd control (stun grenades are)
    r"|\b(?<!stun )(?<!smoke )grenades? (?:was|were) (?:thrown|hurled|lobbed|tossed) (?:into|at|among)"
    r" (?:a |the )?(?:\w+ )?(?:crowd|rally|gathering|meeting|procession|march)\b|\bgrenade attacks?\b"
)
# Armed men or captors making demands are not a group with a grievance (no protest).
ARMED_DEMAND = (
    r"\b(?:gunm[ae]n|militants?|hostage-takers?|kidnappers?|hijackers?|rebels?|insurgents?|captors?"
    r"|attackers?|terrorists?)\b[^.]{0,80}\bdemand\w*"
)
# Armed men of two sides fighting: a battle, not a protest ("forces loyal to X clashed with ...").
ARMED_CLASH = (
    r"\b(?:forces|fighters|militiam[ae]n|militias?|rebels|insurgents|gunmen|tribesmen"
    r"|men) (?:loyal to|of|from"
    r"|belonging to)\b[^.;]{0,60}\bclash\w*"
    r"|\bclash\w* (?:between|with) (?:\w+ ){0,3}(?:forces|fighters|militias?|rebels|insurgents|tribesmen)"
    r" (?:loyal to|of)\b"
    # a battle with armed men: "troops killed 11 fighters ... during a six-hour exchange of fire"
    r"|\bexchanges? of fire\b|\bgun ?battles?\b|\bfire ?fights?\b"
    r"|\b(?:killed|wounded) (?:at least )?(?:\d+|\w+) (?:insurgents|fighters|militants|rebels|jihadists"
    r"|guerrillas)\b"
)
# A plot the text itself says never existed ("the documents were fabricated", "no plot to kill the
# prime minister had ever existed"): its plan is no foiled attempt, unless someone was really attacked.
NEVER_HAPPENED = (
    r"\bno (?:such )?(?:plot|plan|conspiracy|attempt)\b[^.;]{0,60}\b(?:existed|took place|was ever)\b"
    r"|\b(?:plot|plan|conspiracy|documents?|evidence|claims?)\b[^.;]{0,40}\b(?:were|was|had been)"
    r" (?:fabricated|forged|invented|a hoax)\b"
    r"|\bno evidence (?:of|that) (?:any |a |an |the )?(?:such )?(?:plot|plan|conspiracy|attempt)\b"
    r"|\bdisinformation campaign\b"
)
# A protest aimed at an authority, told as such: a sports page's fans who "marched on the Sports
# Ministry" or "were demonstrating against the ministry's decision" protest (not "fans rioted").
PROTEST_AIMED = (
    r"\b(?:demonstrat(?:ed|ing|ion|ions)|protest(?:ed|ing|s)?) (?:against|outside|at) (?:the )?"
    r"(?:[\w'\u2019-]+ ){0,3}?(?:ministry|ministry's|government|parliament|federation|council|decision"
    r"|closure|ban|offices?)\b"
    r"|\bmarch(?:ed|es|ing)? on (?:the )?(?:[\w-]+ ){0,3}?(?:ministry|parliament|offices?|headquarters|palace"
    r"|city hall|town hall|federation)\b"
)
ATTACK_DONE = r"\b(?:shot|stabbed|wounded|injured|exploded|detonated|opened fire|killed|poisoned)\b"
# A cyber intrusion: its "attackers" and what they "targeted" are hackers and files, unless the text
# tells physical harm too (an article context of the attempt).
CYBER = (
    r"\bcyber[- ]?(?:attack|assault|intrusion|espionage|criminal)\w*"
    r"|\b(?:hackers|hacked into|hacking (?:group|campaign|attack)|ransomware|malware|data breach)\b"
)
# A riot told in a prison in the same clause ("a fight between gangs escalated into a riot at the
# penitentiary"): inmates' violence, not a protest, however short the text.
PRISON_RIOT = (
    r"\b(?:riots?|rioting|mutiny|uprising)\b[^.;]{0,40}\b(?:at|in|inside) (?:the |a )?(?:[\w-]+ ){0,3}?"
    r"(?:prisons?|jails?|penitentiar(?:y|ies)|detention cent(?:re|er)s?)\b"
    r"|\b(?:prison|jail|penitentiary|cell ?block) (?:riots?|rioting|mutiny|uprising)\b"
)
# A prison or jail saturating the article: its riot is not a protest (an article veto).
PRISON = r"\b(?:prisons?|jails?|inmates?|penitentiar(?:y|ies)|cell ?blocks?|prison guards?|warders?)\b"

# A court's sentence for a riot tells the trial, not the riot (the riot itself is the earlier event).
SENTENCED = (
    # (a headline's present tense too: "Court jails 11 over port riots")
    r"\b(?:sentenced|jailed|convicted|acquitted|imprisoned|charged|indicted|prosecuted|tried|on trial|jails"
    r"|convicts|acquits)\b"
    r"[^.;]{0,120}?\b(?:for|over|in connection with)"
    # "jailed for their part in last August's Harbour Street disorder"
    r" (?:(?:their|his|her) (?:part|role) in )?(?:the |their |a |his |her |last \w+(?:'s|\u2019s) )?"
    r"(?:[\w-]+ ){0,3}?(?:riots?|rioting|looting|arson|unrest|violence|clashes|protests?|disorder)\b"
    # a verdict on a death: "acquitted three riot police officers of manslaughter in the death of"
    r"|\b(?:acquitted|convicted|cleared|found (?:not )?guilty)\b[^.;]{0,80}?\b(?:of|over) (?:the )?"
    r"(?:manslaughter|murder|killing|death|assault|homicide|causing)\b"
    # the case named by the riot: "the Kisaruni riot trial", "the protest cases"
    r"|\b(?:riots?|rioting|unrest|protests?|clashes) (?:trials?|cases|hearings?|defendants|accused)\b"
    # what the court heard the accused did: "the defendants had been filmed throwing stones" (not
    # their supporters outside: "the defendants' supporters pushed over the barriers")
    r"|\bthe (?:\w+ )?defendants\b(?!['\u2019])"
)
# Sports crowds: a riot after a match is fan violence, not a protest (mob violence with no protest).
SPORT_RIOT = (
    r"\b(?:soccer|football|hockey|cricket|rugby|basketball|sports?) (?:fans|supporters)\b"
    r"|\bhooligan\w*"
    r"|\b(?:after|before|during|following) (?:the |a )?(?:\w+ )?"
    r"(?:match|game|derby|final whistle|cup final)\b"
)
# Protests often fall on anniversaries; only dated or explicitly historical violence is background.
HISTORY_PROTEST = (
    _IN_YEAR + r"|\bin the (?:19|18)\d0s\b|\b(?:years?|decades?) ago\b"
    # "the historic centre" is where the clashes were, not when
    r"|\bhistor(?:y|ic|ical|ian)s?\b(?! (?:centre|center|district|quarter|core|old town|square|downtown)\b)"
    r"|\blast (?:year|month)(?:'s|\u2019s)\b|" + _DATED_EVENT
)
FICTION = (
    r"\b(?:film|movie|novel|book|series|episode|season|sitcom|(?:video ?|computer |board )games?|gamers?"
    r"|players? can"
    r"|play(?:s|ed)?"
    r" (?:the role|a character)|character|actor|actress|starring|stars as|box office|thriller|drama|fiction"
    r"|fictional|plot twist|screenplay|trailer|netflix|hbo|sequel|comic|musical|theatre|theater|opera|album"
    r"|song|documentary|premiere|storyline|franchise|biopic|cast"
    # a stage play and its review: "the new play", "the second act", "runs until 14 March. Four stars."
    r"|characters|comedy|playwright|playhouse|(?:new|the|this|his|her) play|subplot|premise|performances?"
    r"|(?:first|second|third|final) act|offstage|onstage|runs until|(?:two|three|four|five) stars"
    # an exhibition is a work on show too ("Paper Barricades occupies three rooms")
    r"|exhibition|exhibits?|curators?|curated|gallery|galleries|posters?|museum|prints?"
    # a video game and its review: "a stealth game", "three in-game days", "the crowd AI"
    r"|(?:stealth|action|strategy|shooter|role-playing|open-world|indie|puzzle|mobile|console) games?"
    r"|gameplay|in-game|playthroughs?|consoles|sandbox|missions?|the game|games|crowd ai|levels)\b"
)
# The sentence-level veto: words that say the sentence tells a story, a game or a screen work.
# The broad list above only decides an article saturated with it; one "actor" among the targets
# of a bombing, or "a series of riots", is no fiction.
FICTION_TOLD = (
    r"\b(?:film|movie|novel|(?:video ?|computer |board )games?|players? can"
    r"|play(?:s|ed)? (?:the role|a character)"
    r"|fictional|fiction|plot twist|screenplay|storyline|thriller|sequel|biopic|sitcom|stars as|starring"
    r"|documentary|docuseries|playwright|playhouse|new play|offstage|onstage"
    # a film or book that goes back over an event: "'The Long Night of Veshtan' revisits the riots"
    r"|revisits|retells|archive footage"
    r"|box office|(?:in which|where) players|download charts"
    r"|curators?|curated by|on show (?:at|until)|on display (?:at|until)"
    r"|the exhibition (?:opens|runs|closes)"
    # a film's world and its making: "an invented industrial town", "premiered to", "in long takes"
    r"|an? (?:invented|imaginary|made-up|fictitious) (?:[\w-]+ )?(?:town|city|country|village|island|kingdom"
    r"|republic|world)|premiered (?:at|to|on|in)|(?:long|single|one) takes?)\b"
    # a sentence opening on a work's title: "In 'The Envoy', a bodyguard uncovers ..."
    r"|^in [\"'\u2018\u201c][^\"'\u2019\u201d]{2,60}[\"'\u2019\u201d],"
    # a review's headline opening on the work's title: "'The Long Corridor' circles the 1994 shooting"
    r"|(?<=[\"'\u2019\u201d] )(?:circles|revisits|retells|explores|examines|recounts|depicts|dramati[sz]es"
    r"|reconstructs|reimagines|tackles|returns to)\b"
    # a headline that says it is a review: "Review: 'Embers' brings a riot to the stage", "Crimson
    # Mandate review: a stealth game ..."
    r"|^review:|\breview: (?:a|an|the) (?:[\w-]+ ){0,3}(?:game|film|novel|play|series|thriller)\b"
    r"|\b(?:stealth|action|strategy|shooter|role-playing|open-world|indie|puzzle) games?\b"
)
# A page whose subject is a law or a peaceful protest, by its first sentence ("Law 4791 is a Greek
# statute ...", "The Darkhan hunger strike was a peaceful protest ..."): unrest it mentions explains
# the law, and force words around a protest its lead calls peaceful are what did not happen.
LAW_WORDS = (
    r"\b(?:law|statute|act|bill|legislation|parliament|articles?|provisions?|courts?|amendments?|reforms?"
    r"|overhaul)\b"
)
LAW_TOLD = (
    r"^[^.;]{0,150}\b(?:is|was) an? (?:[\w-]+ ){0,3}(?:statute|law|bill|decree|ordinance|regulation"
    r"|legislation|act of (?:the )?(?:[\w-]+ )?(?:parliament|assembly|congress|legislature|diet))\b"
    # a lead about a bill's passage: "hearing evidence on the Public Order (Use of Force) Bill",
    # "protest-policing bill stalls"
    r"|^[^.;]{0,150}\b(?:evidence on|debat(?:e|es|ed|ing)(?: on| over)?|vot(?:e|es|ed|ing) on"
    r"|draft(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|amend(?:s|ed|ing)?) (?:the |a |an )?"
    r"(?:[\w()'\u2019-]+ ){0,6}?(?:bill|law"
    r"|legislation|statute)\b"
    r"|^[^.;]{0,150}\b(?:bill|law|legislation) (?:stalls|stalled|passes|passed|clears|cleared|falters)\b"
    # "unveiled the most sweeping overhaul of the national police in two decades"
    r"|^[^.;]{0,150}\b(?:unveil(?:s|ed|ing)?|announc(?:e|es|ed|ing)) (?:the |a |an |its )?(?:[\w-]+ ){0,4}?"
    r"(?:overhaul|reform|reforms|bill|law)\b"
)
PEACEFUL_WORDS = (
    r"\b(?:peaceful\w*|non-?violent|hunger strik\w+|vigils?|sit-ins?|silent|calm(?:ly)?|restraint"
    r"|without (?:any )?violence)\b"
)
PEACEFUL_TOLD = (
    r"^[^;]{0,150}\b(?:was|were) an? (?:largely |mostly |entirely )?(?:peaceful|non-?violent)"
    r" (?:[\w-]+ )?(?:protests?|demonstrations?|march(?:es)?|sit-ins?|strikes?|vigils?|campaign)\b"
    r"(?![^;]*\b(?:turned|until|before|became|violen\w*|clash\w*|dispersed|crushed|broken up|suppress\w*))"
    # "why Kestrava's protests have stayed peaceful": the text is about their staying so
    r"|^[^;]{0,150}\b(?:protests?|demonstrations?|march(?:es)?|movement|rallies|sit-ins?|strikes?)"
    r" (?:have |has |had )?(?:stayed|remained|kept|been) (?:largely |mostly |entirely |overwhelmingly"
    r" |resolutely )?(?:peaceful|non-?violent)\b(?![^;]*\b(?:until|before|became|turned))"
)
DISASTER = (
    r"\b(?:crash\w*|accident\w*|collision|collided|derail\w*|earthquake|quake|floods?|flooding"
    r"|storm(?! (?:the|into|a|an|its|their|his|her)\b)"
    r"|hurricane"
    r"|cyclone|typhoon|tornado|landslide|mudslide|avalanche|stampede|wildfire|tsunami|heatwave|drown\w*"
    r"|natural causes|overdose|plunged (?:\w+ ){0,2}(?:into|off|down)|capsized"
    # a crowd crush, like a stampede: "crushed to death when a packed crowd surged through a collapsed gate"
    r"|crushed to death|crush at|(?:collapsed|collapsing) (?:gate|stand|wall|barrier|roof)"
    # a road accident told without the word: "his car left the wet road and struck a tree"
    # (not "the car left the road" alone: a shot driver's car does)
    r"|(?:struck|hit|crashed into) a tree|skidded (?:off|on)\b"
    r"|(?:fell|plunged|tumbled) (?:\w+ ){0,4}?into a ravine"
    r"|no (?:sign|evidence|suggestion) (?:of )?(?:\w+ ){0,6}?foul play|ruled out foul play"
    # a vehicle that overturned, not people who overturned cars, nor one overturned and burned by
    # them ("a police jeep was overturned and set on fire")
    r"|(?<!was )(?<!were )(?<!been )overturned(?! (?:\w+ ){0,3}(?:cars|vehicles|buses|lorries|trucks|vans)\b)"
    r"|(?:mine|mining|colliery|pit|shaft) (?:disaster|collapse|explosion|blast|fire|flood\w*|accident)"
    r"|miners? (?:were |was )?(?:trapped|entombed))\b"
    # "flood-hit villages", "quake relief": the disaster is the setting, not the deaths.
    r"(?![-\s](?:hit|affected|ravaged|stricken|relief|victims|survivors|zones?|areas?|villages?|prone)\b)"
    r"|\bdied (?:of|from|after) (?:a |an )?(?:\w+ ){0,2}(?:illness|disease|cancer"
    r"|covid\w*|coronavirus|complications|stroke|infection)\b"
)
# Battles, shelling and air strikes are violence but not a targeted attack on a person.
COMBAT = (
    r"\b(?:air ?strikes?|airstrikes?|shelling|shelled|artillery|clashes between|fighting between|battle\w*"
    r"|offensive|military operation|counter-?insurgency|troops (?:killed|shot)|security forces (?:killed|shot"
    r" dead)"
    # state forces killing armed men, their commanders included: a raid or a battle, not an attempt
    # (\s+: a masked "drone strike" leaves a run of blanks: "an army [drone strike] killed ...")
    r"|(?:army|military|soldiers|troops|police|security forces|special forces|commandos|marines)\s+"
    r"(?:[\w,]+\s+){0,8}?(?:killed|shot dead)"
    r" (?:\w+ ){0,3}?(?:militants?|insurgents?|rebels?|terrorists?|suspects?|fighters|gunmen|militiam[ae]n"
    r"|jihadists?"
    r"|(?:rebel|militant|insurgent|militia|jihadist|guerrilla|gang|cartel) (?:commanders?|leaders?|chiefs?"
    r"|bosse?s?)"
    r"|(?:commanders?|leaders?|chiefs?) of (?:the |a )?(?:[\w-]+ ){0,3}?(?:brigades?|front|militias?"
    r"|movement|battalions?|rebels|insurgents|group))"
    # killed in a fight with the other side: "killed in fighting with government troops", "in a
    # shootout with bank robbers"
    r"|(?:killed|died|wounded|shot dead) (?:in|during) (?:a |an |the )?(?:heavy |fierce )?(?:fighting|clashes"
    r"|gun ?battles?|gunfights?|shoot-?outs?|firefights?|exchanges? of fire) (?:with|against)\b"
    # killed by the weapons of a battle, or in it: nobody aimed at that person
    # (not shrapnel: a bomb thrown at a minister's car wounds his guards with shrapnel too)
    r"|(?:killed|wounded|hit|struck|injured) by (?:a |an )?(?:stray |enemy )?(?:shells?|shell"
    r" fragments?"
    r"|artillery|sniper fire|crossfire|stray bullets?|landmines?)"
    r"|in (?:the )?crossfire|(?:killed|fell|died) in (?:battle|combat)"
    # a strike that hits or kills is a military one, whatever the article calls it next
    r"|(?:the|an?|its|that) (?:\w+ )?strikes? (?:hit|struck|destroyed|targeted|killed)"
    # ... also once masked: "a drone strike killed" reads "a             killed"
    r"|\b(?:the|an?|its|that) {8,}(?:hit|struck|destroyed|targeted|killed))\b"
)
SPORT = (
    r"\b(?:match|league|cup|tournament|championship|goals?|striker|midfielder|coach|season|innings|wicket"
    r"|quarterback|touchdown|playoffs?|scored?|fixture|squad|stadium|fans)\b"
)

# A disease bulletin: its deaths are not violence. An article veto (saturation), not a sentence
# veto, since protests during a lockdown mention the virus in passing.
DISEASE = (
    r"\b(?:outbreak|epidemic|pandemic|cholera|ebola|measles|infections?|infected|virus|vaccin\w*"
    r"|(?:new|confirmed|suspected) cases)\b"
)


# Who counts as a target: a person who matters for who they are. Tier names feed severity.
ROLE_TIERS: dict[str, str] = {
    "head": r"(?:vice[- ])?president|prime minister|premier|\bpm\b|chancellor|head of (?:state|government)"
    r"|king|queen|emir|sultan|crown prince|monarch",
    "minister": r"(?:deputy |vice |state |cabinet )?minister|secretary of state|attorney general",
    "senior": r"lawmakers?|legislators?|members? of parliament|\bmps?\b|\bml[ac]s?\b|parliamentarians?"
    r"|senators?"
    r"|congress(?:wo)?man|(?:state )?(?:rep|sen)(?=\. [a-z])|sheriffs?|district attorney"
    r"|state(?:'s)? attorney"
    r"|deputy speaker|speaker of|(?:house |senate )?(?:majority|minority) (?:whip|leader)"
    r"|(?:party|chief|gop|house|senate|republican|democratic) whip"
    r"|members? of (?:the )?(?:\w+ ){0,2}?(?:assembly|congress|senate|legislature|council)"
    # legislatures by their own names: "a member of the Riksdag", "member of the Lok Sabha"
    r"|members? of (?:the )?(?:riksdag|bundestag|duma|knesset|sejm|storting|folketing|eduskunta|althing"
    r"|dáil|majlis|lok sabha|rajya sabha|cortes|diet|parliament)"
    r"|members? of (?:the |a )?(?:\w+ )?(?:peace|village|district|provincial|central|executive) committee"
    r"|senior (?:police|army|military|intelligence) officer\b"
    r"|(?:deputy |lieutenant |provincial |district )?governor|judges?|magistrates?"
    r"|members? of the (?:judiciary|bench)"
    # a judge told by a verb: "Akter, who presides over the district's speedy trial tribunal"
    r"|presid(?:es|ed|ing) over (?=(?:the |a |an )?(?:[\w'\u2019-]+ ){0,4}?(?:court|tribunal|bench"
    r"|chamber)s?\b)"
    r"|prosecutors?|chief justice|ambassadors?|diplomats?|consul(?:ar)?|envoys?"
    # "general" the rank, not "the general hospital", "general election", "in general"
    r"|generals?(?! (?:hospital|election|assembly|public|manager|secretary|strike|store|practitioner|council"
    r"|meeting|debate|staff|director|counsel|consensus|view|rule|idea|sense|amnesty|elections))|brigadier\w*"
    r"|colonels?"
    r"|major general|police chief|chief of police|police (?:commander|commissioner|superintendent)"
    r"|superintendent of police|inspector[- ]general|intelligence (?:chief|head)"
    r"|head of (?:the )?(?:[\w-]+ ){0,3}"
    r"(?:police|intelligence|security|army)|(?<!platoon )(?<!squad )(?<!section )commanders?|army chief",
    "local": r"mayors?|deputy mayor"
    # the local offices of South Asian and Philippine news: a village council's head, a ward's member
    r"|sarpanch(?:es)?|gram pradhan|mukhiya|panchayat (?:president|chief|head|member)s?|corporators?"
    r"|barangay (?:captain|chairman|chairwoman|chairperson|official|councill?or|kagawad)s?"
    r"|\bmcas?\b"
    r"|councill?ors?|council(?:wo)?m[ae]n|council members?|(?:local|government|"
    r"district|provincial|municipal|village|town|city|party|election|electoral|senior|ruling party) official"
    r"|village (?:head|chief|chairman|chief)|headman|district chief|district (?:head|administrator)"
    r"|chairperson|chairman|chairwoman|administrator|director|candidates?|secretary"
    # an election's challenger, not a boxing title's
    r"|(?:independent|opposition|mayoral|presidential|main|leading|nearest) challengers?"
    # "chair of the dockers' union", "coordinator of the Mangrove Alliance", not "a chair of the kind
    # found in offices"
    # ... or told by a verb: "Meskhishvili, 44, who founded the alliance in 2019 and has led it"
    r"|(?:(?:chair|coordinator|convene?or|co-?founder|founder) of|(?:co-?)?founded|leads|heads|chairs)"
    r" (?=the (?:[\w'\u2019-]+ ){0,3}(?:union|party"
    r"|committee|council|commission|board|movement|association|federation|assembly|senate|league|front"
    r"|alliance|coalition|caucus|network|campaign|collective)\b)"
    r"|representatives?|head of\b"
    r"|(?:branch|department|party|district|village|council|unit|police|security|youth) head"
    r"|(?:police |army )?(?:sergeant(?: major)?|inspector|captain|lieutenant|major)\b"
    r"|police (?:sergeant|inspector|captain|lieutenant|major)"
    r"|official\b(?! (?:statement|visit|figures"
    r"|data|news|media|results|website|account|residence|sources?|toll|count|channels?|language|ceremony"
    r"|advice|guidance|policy|line|position|version|explanation|warnings?|notices?"
    r"|documents?"
    r"|records?|reports?))|politicians?|secretary[- ]general"
    r"|party leader",
    "leader": r"leaders?|chiefs?|clerics?|imams?|sheikhs?|shaikh|mullahs?|ayatollah|archbishops?|cardinals?"
    r"|bishops?|priests?|monks?|abbots?|lamas?|thera|prelates?|swamis?|muftis?|chief incumbent|head monk"
    r"|pastors?|rabbis?|(?:clan|tribal|community|village) (?:elders?|chiefs?|leaders?)|elders?|tribal chief"
    r"|traditional rulers?",
    "activist": r"activists?|journalists?|photojournalists?|reporters?|editors?(?:-in-chief)?"
    r"|publishers?|bloggers?"
    # a journalist's role told by a verb: "Karoul, 41, edited the weekly Sarvo Ledger"
    r"|(?:edited|edits|ran|runs|founded) (?=(?:the|a|an|his|her) (?:[\w'\u2019-]+ ){0,2}?(?:weekly|daily"
    r"|newspaper|news (?:site|website|portal)|magazine)\b)"
    r"|anchor(?:person|man|woman)?|broadcasters?|columnists?|writers?"
    r"|(?:radio|political|television|tv|news) commentators?|(?:radio|tv|television|talk[- ]show) hosts?"
    r"|hosts? of (?=(?:the |a |an )?(?:[\w'\u2019\"-]+ ){0,4}?(?:programme|program|show|broadcast)\b)"
    r"|(?:human|land|environmental|indigenous|women's|labou?r) rights (?:defender|lawyer|advocate)s?"
    r"|environmental(?:ists?| defenders?)|land defenders?"
    r"|trade unionists?|union leaders?|campaigners?|dissidents?|opposition figures?",
}
# A role followed by a speech or reaction verb is a source, not a victim.
SOURCE_AFTER_ROLE = (
    r"^\s*(?:,[^,.]{0,60},\s*)?(?:have |has |had |who )?(?:rioted|rioting|clashed|stormed|threw|hurled"
    r"|marched"
    r"|protested|demonstrated|attacked|torched|looted|opened fire|fired)\b"
    # (not a role the act was done to: "the fourth journalist killed this year, and called on ...")
    # (nor the last word of a quotation, whose speaker comes after it: '... was the bishop," she said')
    r"|^(?!\s*(?:killed|shot|murdered|slain|wounded|injured|attacked|assassinated|kidnapped)\b)"
    r"(?![,.]?[\"\u201d])"
    r"[^.;]{0,40}?\b(?:said|says|told|tells|stated|added|confirmed|announced|condemned|denounced|vowed"
    r"|urged"
    r"|ordered|called|blamed|visited|warned|claimed"
    # (not what the person or the station did: "a journalist at a radio station that reported on ...")
    r"|(?<!no )(?<!were )(?<!was )(?<!who )(?<!that )(?<!which )reported"
    r"|noted|tweeted"
    r"|wrote|spoke|promised)\b"
)
SOURCE_BEFORE_ROLE = (
    r"\b(?:according to|quoted|quoting|statement from|spokesm[ae]n for)\s+(?:the |a )?(?:\w+ ){0,3}$"
)


@dataclass(frozen=True)
class SeverityWeights:
    prior: float  # PLOVER-style conflict intensity of the event type, as points
    any_casualty_bonus: float  # a step up once anyone is hurt (taxonomy: injuries -> medium)
    death_bonus: float  # a step up once anyone died (taxonomy: deaths -> high)
    casualty_log_weight: float


@dataclass(frozen=True)
class EventSpec:
    type: EventType
    # Alone, enough for a sentence to raise the type.
    strong: tuple[str, ...]
    # Each group must match within `window` sentences of an anchor that matches the first group.
    groups: tuple[tuple[str, ...], ...]
    window: int
    # Vetoes: a sentence matching any of these cannot be evidence.
    blockers: tuple[str, ...]
    # Sentences after the evidence that still report this event (counts, aftermath).
    continuation: str
    severity: SeverityWeights
    needs_target: bool = False
    # In a long text, a candidate with no strong cue, at most two mentions and no casualty is too thin
    # to alert on (abstain): on the probe batches' tune halves as they arrived, 1 such protest event
    # of 12 was right; for attempts, 5 of 11 (so attempts keep theirs).
    needs_support: bool = False
    # Article-level context (fiction, sport) that vetoes the type when it saturates the article.
    article_vetoes: tuple[str, ...] = field(default_factory=tuple)
    # A mention binds its groups within one clause: in one sentence, a match of the first group and
    # one of each other group at most this many words apart with no clause break between them
    # (`mentions.bound`); 0 = anywhere in the sentence.
    bind_words: int = 0
    # Vetoes lifted where the sentence narrates the event itself (dates, "history"): a text that
    # tells a 1981 attempt as its subject reports it; one that mentions it in passing does not.
    dated: tuple[str, ...] = field(default_factory=tuple)
    # A lead that recalls an event of this type ("on the anniversary of ..."): the article is about
    # something else, and its dated sentences about that event are background too.
    recalls: tuple[str, ...] = field(default_factory=tuple)
    # A group found in a neighbouring sentence (not the anchor's) must match this there too: the
    # neighbour has to say something that links it to the anchor's event on its own.
    pair_pattern: str | None = None
    # Vetoes of a sentence as a mention of the event, not as its continuation: a hostage-taking is no
    # attempt, but "the attacker also took a child hostage before police shot him" still counts.
    mention_blockers: tuple[str, ...] = field(default_factory=tuple)
    # Cues that open a clause about an earlier event (`LEADING_BACKGROUND`): a sentence whose every
    # trigger lies inside such a clause is background.
    leading_background: tuple[str, ...] = field(default_factory=tuple)
    # Time told relative to now ("years ago", "last year"): never lifted in a news article.
    relative_past: tuple[str, ...] = field(default_factory=tuple)
    # (context, unless): an article that says `context` (unmasked) and nowhere `unless` (masked)
    # cannot raise the type: riots in an article about communal violence that names no protest.
    article_context: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    # The article must say this somewhere (masked text) for the type to be raised at all: no
    # protest violence in an article that names no protest, crowd or aggrieved group (police
    # dispersing armed clansmen in a land feud is communal violence).
    article_requires: tuple[str, ...] = field(default_factory=tuple)
    # article veto -> lead pattern: the veto holds at three sentences, not 30 %, when the headline or
    # first sentence says this (a review whose lead names the novel or the film).
    lead_vetoes: tuple[tuple[str, str], ...] = field(default_factory=tuple)


# The act told by its aim: "This was an attempt to kill the governor", "he tried to kill the judge",
# "a dose intended to kill the sheikh", "with the intention of killing her" (an attack cue here, and
# the act on its object in `mentions`).
AIM_TO_KILL = (
    r"(?:attempt(?:ed|s|ing)?|tried|tries|trying|bid) to (?:kill|murder|assassinate|poison)"
    r"|(?:intended|meant|designed|aimed) to (?:kill|murder|assassinate)"
    r"|(?:intent|intention) (?:to kill|of killing)"
)
# A blade told by the blow: "drove a kitchen knife twice into the bishop's side".
BLADE_BLOW = (
    r"(?:drove|plunged|thrust|sank|stuck|jabbed) (?:a |the |his |her )?(?:[\w-]+ )?(?:knife|blade|dagger"
    r"|machete|screwdriver|bayonet)"
)
ATTACK_ACT = (
    r"\b(?:shot|shoots?|shooting|gunned down|gunm[ae]n|assailants?|attackers?|attack(?:ed|s|ing)?|ambush\w*"
    r"|fired (?:[\w.-]+ ){0,5}?(?:at|on|into|towards?)|aim(?:ed|ing) at"
    r"|fired (?:[\w-]+ ){0,3}(?:shots|rounds)"
    r"|stabb\w+|stabs?|knifed|bomb(?:ed|ing|er|ers|s)?|explosives?|explosion|blasts?|grenades?|\bieds?\b"
    r"|explosive devices?|suspicious (?:packages?|devices?)"
    # whom an attack told elsewhere was aimed at: "the intended victim was the bishop"
    r"|intended (?:victim|target)"
    # "a 40-kilogram device exploded under her car"
    r"|devices? (?:had )?(?:exploded|went off|blew up)"
    # a drone that attacked, not one that flew over or filmed ("a drone hit the residence", "an armed
    # drone", "drone strike")
    r"|detonat\w*|(?:armed|explosive|kamikaze|suicide|attack)[- ]drones?|drones? (?:attacks?|strikes?"
    r"|carrying|loaded with|packed with|armed with|dropped|exploded|crashed into|struck|hit|targeted"
    r"|slammed into|fired)"
    r"|rockets?|mortars?|opened fire|open fire|fired (?:at|upon|on|shots)|sniper|poison(?:ed|ing)?"
    # a poisoning told by its agent: "tea laced with thallium", "doctors found thallium in his blood"
    r"|thallium|polonium|novichok|ricin|cyanide|arsenic|nerve agents?|laced with|organophosphates?|toxins?"
    r"|(?:toxic|poisonous) substances?"
    r"|killed|murder(?:ed)?"
    r"|"
    + AIM_TO_KILL
    + r"|"
    + BLADE_BLOW
    + r"|slain|assassin\w*|hacked|machetes?|beheaded|molotov|car bomb|suicide"
    r"|set (?:fire|ablaze)|threw acid|acid attacks?|doused (?:\w+ ){0,2}(?:with|in) (?:acid|petrol)"
    r"|torched|lynched|beaten to death|letter bomb|hit squad|incendiary|rammed"
    # "Struck by a bullet in the shoulder, the minister was evacuated"
    r"|(?:struck|hit) by (?:a |an |two |three |several |stray )?(?:bullets?|gunfire|shrapnel|sniper fire)"
    # the wound told by where it struck: "Barragán was hit twice, in the shoulder and the thigh"
    r"|(?:hit|struck) (?:twice|three times|several times|in the (?:head|face|chest|neck|back|shoulders?"
    r"|legs?|arms?|abdomen|stomach|thighs?|hips?|hands?)\b)"
    r"|wounded|injured)\b"
)
ASSASSINATION_STRONG = (
    r"\bassassinat(?:ed|ion|ions|e|es|ing)\b(?! of (?:his|her|their) character)",
    r"\b(?:attempt|attempts|bid) on (?:his|her|their|the \w+(?:'s|\u2019s)?) li(?:fe|ves)\b",
    r"\b(?:plot|plan|plans|planned|plotting|conspiracy|conspired|planning)\s+to\s+(?:kill|murder|assassinate"
    r"|eliminate|poison)\b"
    r"[^.]{0,150}\b(?:foiled|thwarted|prevented|uncovered|disrupted|arrested|detained)\b"
    # a plot told as a fact, by its purpose: "The plot was meant to kill President Aurel Dascu"
    r"|\b(?:the|a|an) (?:\w+ )?(?:plot|conspiracy) (?:was |had been )?(?:meant|intended|designed|aimed)"
    r" to (?:kill|murder|assassinate)\b"
    # "arrested three men who were planning to kill a high-court judge"
    r"|\b(?:arrested|detained|caught|captured)\b[^.]{0,80}\b(?:planning|plotting|conspiring|preparing)"
    r" to (?:kill|murder|assassinate)\b"
    # a plot stopped is an attempt when it was a plot to kill: not "foiled a coup plot", "prevented an
    # attempt by protesters to storm the parliament", "foiled a plot to smuggle cocaine"
    r"|\b(?:foil(?:ed|ing)|thwart(?:ed|ing)|prevent(?:ed|ing)|uncover(?:ed|ing)|disrupt(?:ed|ing))\b[^.]{0,60}?"
    r"(?:\b(?:assassination|murder|killing) (?:plot|plan|attempt|conspiracy|bid)\b|\bcontract killing\b"
    r"|\b(?:attempt|plot|bid) on (?:his|her|their|the \w+(?:'s|\u2019s)?) li(?:fe|ves)\b"
    r"|\b(?:plot|plan|conspiracy|attempt|contract|bid)\b(?: (?:by|of) [^.;]{0,40}?)? to (?:kill|murder"
    r"|assassinate|poison|stab|shoot|attack|bomb|blow up|eliminate|harm|target|strike|hit)\b"
    # a plan against crowds or places has no target (TAXONOMY: anonymous civilians)
    r"(?! (?:[\w-]+ ){0,3}(?:places|targets|sites|crowds|markets"
    r"|festivals?|concerts?|churches|mosques|synagogues|temples|stations|trains|buses|malls|venues|civilians"
    r"|people|tourists|shoppers|worshippers|installations|facilities|infrastructure|streets|squares)\b))",
    r"\bsurviv(?:ed|es) (?:an? |the )?(?:\w+ ){0,2}(?:attack|attempt|ambush|bombing|shooting)\b"
    r"(?! (?:by (?:[\w-]+ ){1,4})?to (?!kill|murder|assassinate|take (?:his|her) life)\w+)",
)

PROTEST_CONTEXT = (
    r"\b(?:protest\w*|demonstrat(?:ion|ions|ors?|ed|ing|e)|demos?|march(?:ed|es|ers)?|rall(?:y|ies|ied)"
    r"|sit-?ins?|strik(?:e|es|ers|ing)|rioters?|riots?|rioting|crowds?|picket\w*|blockade|agitat\w+|gathered|unrest"
    r"|" + _SHUTDOWNS + r"|mob(?:s)?|students|workers|residents|villagers|youths?|supporters|farmers)\b"
)
# A group with a grievance is a protest even when no one writes the word ("residents blocked the road
# and burned tyres, demanding water").
_GROUP = (
    r"\b(?:residents|villagers|workers|labou?rers|youths?|students|traders|merchants|drivers|farmers|locals"
    r"|people|crowds?|group|supporters|fans|members|activists|employees|vendors|miners)\b"
)
_GRIEVANCE = (
    r"\b(?:demand\w*|denounc\w+|complain\w*|slogans?|chant\w*|reject\w*|angered|angry|outraged|in protest"
    r"|dissatisf\w+|grievances?|frustrat\w+|opposing|against the (?:decision|government|lockdown|closure"
    r"|ban)"
    # a disputed vote: "supporters of a losing candidate, disputing the by-election count"
    r"|disput(?:ing|ed) (?:the )?(?:[\w-]+ ){0,2}(?:results?|count|tally|vote|outcome|election))\b"
)
GRIEVANCE_GROUP = _GROUP + r"[^.]{0,160}" + _GRIEVANCE
GROUP_GRIEVANCE = _GRIEVANCE + r"[^.]{0,160}" + _GROUP
# Of these, only the explicit ones make a sentence a protest on their own; "residents" needs a
# neighbouring sentence that names the protest.
PROTEST_EXPLICIT = (
    # a stoppage of work: "went on strike", "striking miners", "the third day of the strike"
    r"\b(?:(?:on|general|national|nationwide|labou?r|workers'?|teachers'?|doctors'?|nurses'?|transport|rail"
    r"|indefinite|wildcat|port|dock|dockers'?|bus|taxi|truckers'?|farmers'?|miners'?|railway|postal|factory"
    r"|mine|plantation) strikes?|strike action|striking (?:\w+ ){0,2}(?:workers|miners|teachers|drivers"
    r"|dockworkers|farmers|truckers|crews|porters|labou?rers|operators|vendors"
    r"|doctors|nurses|employees|staff|dockers)|(?:day|days|week|weeks|start) of (?:the|a|an) (?:\w+ )?"
    r"strike)\b"
    # "taxi drivers striking against ride-hailing apps"
    r"|\b(?:workers|drivers|miners|teachers|farmers|nurses|doctors|staff|employees) striking"
    r" (?:against|over|for)\b"
    r"|\b(?:protest\w*|demonstrat(?:ion|ions|ors?|ed|ing|e)|demos?|marchers|rall(?:y|ies|ied)|sit-?ins?|strikers"
    r"|rioters?|riots?|rioted|rioting|picket\w*|agitat\w+|unrest|march(?:ed|es|ing)?|" + _SHUTDOWNS + r")\b"
    # a blockade by people, not by a navy: "an indigenous blockade on the road", "farmers' blockades"
    r"|\b(?:road|roadside|highway|indigenous|farmers'?|truckers'?|villagers'?|residents'?|protest|community)"
    r" blockades?\b|\bblockades? (?:of|on) (?:the |a )?(?:[\w-]+ ){0,3}(?:road|highway|motorway|bridge"
    r"|roads)\b"
    # an occupation as protest: "students occupying the university" (not "occupying forces")
    r"|\b(?:occupy(?:ing)?|occupied|occupation of) (?:the |a |their )?(?:\w+ )?(?:university|campus|square"
    r"|building|factory|offices?|ministry|premises|park|plant|mine|town hall|city hall|parliament)\b"
)
FORCE = (
    r"\b(?:tear[- ]?gass(?:ed|ing)|tear ?gas|teargas|tear-gas|water cannons?|rubber(?:-coated)? bullets"
    r"|plastic bullets|pellet\w*"
    r"|live (?:ammunition|rounds|bullets|fire)|stun grenades?|baton\w*|lathi\w*|truncheons?|batons?"
    r"|fired (?:at|on|upon|into|shots|live|tear)|firing (?:at|on|upon|into)|opened fire"
    # (not where someone was shot: "Mayor shot at rally in Kalunde")
    r"|shot (?:at(?! (?:an? |the |his |her |their )?(?:[\w-]+ )?(?:rall(?:y|ies)|meeting|event|gathering"
    r"|funeral|ceremony|campaign|wedding)\b)|dead)|clash\w*"
    r"|scuffl\w+|responded with (?:\w+ )?force"
    r"|skirmish\w*|brawl\w*|street-?fights?|fist-?fights?|(?:running|pitched) battles?"
    r"|came to blows"
    r"|confrontations?|pushed|shoved|pepper[- ]spray\w*|stun guns?|tasers?|warning shots"
    # a hose turned on a crowd: "sprayed a sit-in of nurses with a high-pressure fire hose"
    r"|(?:fire|water|high-pressure) hoses?"
    r"|hosed (?:down )?(?:the )?(?:crowd|protesters|demonstrators|marchers)"
    r"|(?:use|used|using|uses) (?:of )?(?:excessive |mild |minimal |brute )?force|can(?:ed|ing)|police action"
    r"|burn(?:ed|t|ing)? (?:\w+ )?(?:material|debris|garbage|rubbish|trash|barricades?|wood|objects)"
    # (not the chant's "resign or be thrown out", nor a court throwing out a case)
    r"|thr[eo]w\w*(?! out\b)"
    r"|beat(?:en|ing)?|assault(?:ed|ing)?|attack(?:ed|ing)|injur\w+|killed|dead|died|torch\w*"
    # the harm, not the winding road: "the march wound for four kilometres", "wound its way"
    r"|wound(?:ed|ing|s)?(?! (?:its|their|his|her) way| (?:for|through|along|past|up|down|around|round"
    r"|across|between|back|slowly)\b)"
    # people hurt ("five students were hurt"), not what a protest hurts ("hurt tourism")
    r"|hurt(?! (?:the|its|their|his|her|our|business\w*|trade|tourism|sales|economy|chances|feelings))"
    r"|set (?:\w+ ){0,3}(?:on )?fire|set ablaze|ablaze|set light to|(?:burn(?:ed|t|ing)?"
    r"|burning) (?:\w+ )?(?:tyres|tires|cars|vehicles"
    r"|buildings?|"
    r"police|shops?|offices?)|vandali[sz]\w+|loot\w*|smash\w*|ransack\w*|pelt\w*|stones?|rocks"
    r"|bottles|projectiles|molotov|petrol bombs?|rampag\w+|riot(?:ed|ing|s)?|violen(?:t|ce|tly)|forcibly|"
    r"by force|use of force|force to disperse|stormed|charged(?! with| that)|crackdown|cracked down"
    r"|brutal\w*|rough\w* up"
    r"|dragged|hurled|hurling|threw|throwing|damag\w+|destroy\w*|barricad\w+"
    r"|turn(?:ed|s|ing) (?:deadly|violent|ugly|bloody)"
    r"|overturn(?:ed|ing|s)? (?:\w+ ){0,3}(?:cars|vehicles|buses|lorries|trucks|vans)"
    r"|broke (?:through|past) (?:the )?(?:police )?(?:cordons?|lines|barriers|barricades)"
    r"|fired (?:[\w-]+ ){0,3}?over (?:the )?heads|fired (?:[\w-]+ ){1,10}?into (?:the )?crowds?"
    r"|kick(?:ed|ing|s)?|punch(?:ed|ing|es)?|slapp(?:ed|ing)|trampl(?:ed|ing)|whipp(?:ed|ing)|flogg(?:ed|ing)"
    r"|(?:hit|struck) (?:\w+ ){0,3}?with (?:shields|clubs|sticks|rods|whips|rifle butts|iron bars)"
    r"|dispers(?:e|ed|es|ing|al))\b"
)
# Force that only crowd control or a riot uses: enough to tie a neighbouring sentence to a protest
# ("Thousands marched on parliament. Police fired tear gas."), where "killed" or "violence" is not.
CROWD_FORCE = (
    r"\b(?:tear[- ]?gass(?:ed|ing)|tear ?gas|teargas|tear-gas|water cannons?|rubber(?:-coated)? bullets"
    r"|plastic bullets|pellet guns?"
    r"|live (?:ammunition|rounds|bullets)|stun grenades?|baton\w*|lathi\w*|truncheons?|fired (?:at|on|upon"
    r"|into|live|tear)|firing (?:at|on|upon|into)|responded with (?:\w+ )?force|opened fire"
    r"|clash(?:ed|es)|scuffl\w+|skirmish\w*|(?:running|pitched) battles?|came to blows"
    r"|pepper[- ]spray\w*|warning shots"
    r"|(?:use|used|using|uses) (?:of )?(?:excessive |mild |minimal |brute )?force|can(?:ed|ing)|police action"
    r"|stormed|crackdown|cracked down"
    r"|overturn(?:ed|ing|s)? (?:\w+ ){0,3}(?:cars|vehicles|buses|lorries|trucks|vans)"
    r"|broke (?:through|past) (?:the )?(?:police )?(?:cordons?|lines|barriers|barricades)"
    r"|fired (?:[\w-]+ ){0,3}?over (?:the )?heads|fired (?:[\w-]+ ){1,10}?into (?:the )?crowds?"
    r"|fired (?:[\w-]+ ){1,6}?(?:at|on|upon|into) (?:the )?(?:\w+ )?(?:crowds?|protesters|demonstrators"
    r"|marchers|strikers|students|people|front ranks|mourners)"
    r"|(?:police|security forces|troops) (?:beat|charged)"
    # "beat the workers to force them out", "beat up dozens of strikers"
    r"|beat (?:up )?(?:the |dozens of |several |some )?(?:[\w-]+ )?(?:workers|strikers|protesters"
    r"|demonstrators|marchers|students|villagers|farmers|residents)"
    r"|burn(?:ed|t|ing)? (?:\w+ )?(?:tyres|tires|barricades?|cars|vehicles|police)|torched|set (?:\w+ ){0,3}"
    r"(?:on )?fire|set ablaze|ablaze|loot(?:ed|ing|ers)|vandali[sz]\w+|ransack\w*|pelt\w*|(?:threw"
    r"|throwing|hurled|hurling)"
    r" (?:stones|rocks|bottles|petrol bombs|molotov)|stones|petrol bombs?|molotov|rampag\w+|riot(?:ed|ing)"
    r"|turn(?:ed|s|ing) (?:deadly|violent|ugly|bloody)|dispers(?:e|ed|ing|al)\b"
    r"|(?:burn(?:ed|t)|destroy(?:ed)?|damag(?:ed|ing)|vandali[sz]ed) (?:\w+ )?property"
    r"|property (?:was |were )?(?:destroyed|damaged|burn(?:ed|t))|were (?:burnt|burned|torched)"
    r"|forcibly (?:cleared|dispersed|removed|evicted|broke up)|cleared the (?:square|streets|camp|sit-in)"
    r"|(?:police|policemen|security forces|troops|soldiers|gendarmes|officers) (?:\w+ ){0,3}?"
    r"(?:injured|wounded|killed|beat|attacked|assaulted|shot|baton-charged|lathi-charged|kick(?:ed)?"
    r"|punch(?:ed)?)"
    r"|(?:attacked|stormed|torched|ransacked|besieged) (?:a |the )?(?:\w+ ){0,2}"
    r"(?:post|station|office|offices|building|headquarters|premises|compound)s?\b"
    r"|(?:injured|wounded|killed|hurt|died|shot(?: dead)?)\b[^.;]{0,40}\b(?:by|when|as|after) (?:the )?"
    r"(?:police|security forces|troops|soldiers|gendarmes))"
)
PROTEST_STRONG = (
    # civilians fighting the police: a violent demonstration in the coders' sense, whatever the word
    r"\b(?:youths?|residents|villagers|students|workers|traders|farmers|locals|supporters|crowds?|protesters"
    r"|demonstrators|marchers|strikers)\b[^.;]{0,60}\b(?:clash(?:ed|es|ing)?|battled"
    r"|fought(?: running)?(?: battles?)?|fighting(?: running)? battles?) with (?:the )?(?:\w+ )?(?:police"
    r"|security forces|troops|soldiers|gendarmes|officers)\b",
    # ... or stoning them: "supporters of the leader threw stones at police"
    r"\b(?:youths?|residents|villagers|students|workers|traders|farmers|locals|supporters|crowds?|protesters"
    r"|demonstrators|marchers|strikers)\b[^.;]{0,60}\b(?:threw|hurled|throwing|hurling) (?:stones|rocks"
    r"|bottles|petrol bombs|molotov cocktails)\b[^.;]{0,20}\b(?:at|on) (?:the )?(?:\w+ )?(?:police|security"
    r" forces|troops|soldiers|gendarmes|officers)\b"
    r"|\b(?:youths?|residents|villagers|students|workers|traders|farmers|locals|supporters|crowds?|protesters"
    r"|demonstrators|marchers|strikers)\b[^.;]{0,120}\bpelted (?:the )?(?:\w+ )?(?:police|security forces"
    r"|troops|soldiers|gendarmes|officers)\b",
    r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ies))\s+(?:\w+ ){0,2}turn(?:ed|s)"
    r" (?:deadly|violent|bloody|ugly)\b",
    # the police using force on a gathering: "police charged a crowd of opposition supporters"
    r"\b(?:police|security forces|riot police|gendarmes)\b[^.;]{0,30}\b(?:charged|baton-charged|lathi-charged"
    r"|tear-?gassed|dispersed|beat|broke up)\s+(?:a |the )?(?:\w+ ){0,2}(?:crowds?|gatherings?|rall(?:y|ies)"
    r"|mourners|supporters|vigil|procession)\b",
    r"\b(?:violent|deadly|bloody) (?:protests?|demonstrations?|clashes with (?:police|security forces))\b",
    r"\brioters?\b|\brioting\b|\brioted\b",
    # (not the crowd's own choice: "after talks with a deputy minister the protesters agreed to disperse")
    r"\b(?:fired|used|firing|using|lobbed|with)\b[^.]{0,50}(?<!agreed )(?<!decided )(?<!began )(?<!started )"
    r"(?<!refused )(?<!voted )\bto disperse\b(?! (?:the |a )?(?:lynch )?(?:mob|gang|fans|hooligans)\b)",
    r"\b(?:tear ?gas|teargas|water cannons?|rubber bullets)\b[^.]{0,150}\b(?:protest\w*|demonstrat\w+|crowds?"
    r"|marchers|students|strikers|farmers)\b",
    r"\b(?:protest\w*|demonstrat\w+|crowds?|marchers|strikers|farmers|supporters)\b[^.]{0,150}\b(?:tear ?gas"
    r"|teargas"
    r"|water cannons?"
    r"|rubber bullets|live ammunition)\b",
)

# A neighbouring sentence that names the role and says what happened to that person.
HARM_TO_TARGET = (
    r"\b(?:killed|assassinated|murdered|slain|shot|gunned down|stabbed|injured|wounded|hurt|survived|escaped"
    r"|unharmed|unhurt|uninjured|died|dead|targeted|target|victims?|ambushed|kidnapped and killed)\b"
)

ASSASSINATION = EventSpec(
    type="assassination_attempt",
    strong=ASSASSINATION_STRONG,
    groups=((ATTACK_ACT,), ("@target",)),
    window=1,
    blockers=(NEGATION, HYPOTHETICAL, BACKGROUND, EARLIER_EVENT, TRIAL, FICTION_TOLD, DISASTER, COMBAT),
    mention_blockers=(HOSTAGE, TARGET_DENIED),
    dated=(HISTORY,),
    leading_background=(LEADING_BACKGROUND,),
    relative_past=(RELATIVE_PAST,),
    recalls=(BACKGROUND, TRIAL, ANNIVERSARY_FRAME),
    continuation=(
        r"\b(?:killed|injured|wounded|hurt|unharmed|unhurt|survived|escaped|casualt\w+|dead|died|bodyguards?"
        r"|guards?|attack|assailants?|bomber|blast|explosion|exploded|went off|drones?|responsibility)\b"
    ),
    severity=SeverityWeights(prior=20.0, any_casualty_bonus=0.0, death_bonus=0.0, casualty_log_weight=6.0),
    needs_target=True,
    article_context=((NEVER_HAPPENED, ATTACK_DONE), (CYBER, ATTACK_DONE)),
    article_vetoes=(FICTION, SPORT, DISEASE),
    lead_vetoes=((FICTION, FICTION_TOLD), (LAW_WORDS, LAW_TOLD)),
    bind_words=12,
    pair_pattern=HARM_TO_TARGET,
)

PROTEST_VIOLENCE = EventSpec(
    type="protest_violence",
    strong=PROTEST_STRONG,
    needs_support=True,
    groups=((PROTEST_EXPLICIT, GRIEVANCE_GROUP, GROUP_GRIEVANCE), (FORCE,)),
    window=2,
    blockers=(
        NEGATION,
        HYPOTHETICAL,
        BACKGROUND,
        EARLIER_EVENT,
        FICTION_TOLD,
        DISASTER,
        SPORT_RIOT,
        SENTENCED,
    ),
    mention_blockers=(ARMED_DEMAND, ARMED_CLASH, BOMBING, PRISON_RIOT),
    dated=(HISTORY_PROTEST,),
    leading_background=(LEADING_BACKGROUND,),
    relative_past=(RELATIVE_PAST,),
    recalls=(BACKGROUND, SENTENCED, ANNIVERSARY_FRAME),
    continuation=(
        r"\b(?:killed|injured|wounded|hurt|dead|died|casualt\w+|hospital\w*|arrested|detained|clash\w*"
        r"|tear ?gas|fire|police|security forces)\b"
    ),
    severity=SeverityWeights(prior=16.0, any_casualty_bonus=8.0, death_bonus=18.0, casualty_log_weight=6.0),
    article_vetoes=(FICTION, SPORT, DISEASE, PRISON),
    lead_vetoes=((FICTION, FICTION_TOLD), (LAW_WORDS, LAW_TOLD), (PEACEFUL_WORDS, PEACEFUL_TOLD)),
    article_requires=(PROTEST_CONTEXT, PROTEST_EXPLICIT, GRIEVANCE_GROUP),
    article_context=((COMMUNAL, PROTEST_WORDS),),
    bind_words=25,
    pair_pattern=CROWD_FORCE,
)

EVENT_SPECS: tuple[EventSpec, ...] = (ASSASSINATION, PROTEST_VIOLENCE)
# Names of the vetoes, for explanations ("blocked: hypothetical").
PATTERN_NAMES: dict[str, str] = {
    NEGATION: "negation",
    HYPOTHETICAL: "hypothetical",
    HISTORY: "dated/historical",
    HISTORY_PROTEST: "dated/historical",
    BACKGROUND: "background mention",
    TRIAL: "trial/charge",
    SPORT_RIOT: "sports crowd",
    FICTION: "fiction",
    FICTION_TOLD: "fiction",
    DISASTER: "disaster/accident",
    COMBAT: "combat",
    SPORT: "sport",
    DISEASE: "disease bulletin",
    HOSTAGE: "hostage-taking/kidnapping",
    ARMED_DEMAND: "armed men's demands",
    ARMED_CLASH: "armed clash",
    BOMBING: "a bombing",
    PRISON: "prison",
    PRISON_RIOT: "prison riot",
    SENTENCED: "trial/charge",
    COMMUNAL: "communal violence",
    NEVER_HAPPENED: "a plot that never existed",
    RELATIVE_PAST: "earlier event (relative past)",
    EARLIER_EVENT: "another, earlier event",
    LEADING_BACKGROUND: "background clause",
}
