"""Event mentions: a trigger bound to its target or crowd within one clause.

A sentence that contains an attack word and a role word somewhere is not yet a mention of an
attack on that person ("the senator said the bombing of the market was cowardly"); the two must
sit in the same clause and close together. Clauses are cut at strong punctuation and at the
conjunctions that start a new statement; distance is counted in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.core.detector.casualties import TO_DEATH
from agents.core.detector.taxonomy import AIM_TO_KILL, BLADE_BLOW

# Where one statement ends and another begins inside a sentence.
CLAUSE_BREAK = re.compile(
    r";|:\s"
    r"|\b(?:but|while|whereas|although|though|meanwhile|however)\b"
    # a relative clause about something else: "against the bombing, which killed 40"
    r"|,\s*(?:which|whose|where)\b|\bwhose\b"
    # the end of a quotation and its attribution: '"Ana was killed," said X, who organised the march'
    r"|[\"\u201d]\s*,?\s*(?:said|says|added|told|asked|wrote)\b"
)
# For a crowd and crowd-control force, neither contrast nor a semicolon starts another story ("they
# gathered peacefully, but police charged them"; "students marched; police beat them"): only a
# relative clause about something else cuts ("the country whose troops killed ...").
CROWD_CLAUSE_BREAK = re.compile(r",\s*(?:which|whose|where)\b|\bwhose\b")
_WORD = re.compile(r"\w+")


def _breaks(text: str, pattern: re.Pattern[str] = CLAUSE_BREAK) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end)) if end > start else 0


def bound(
    text: str,
    first: Iterable[tuple[int, int]],
    second: Iterable[tuple[int, int]],
    max_words: int,
    breaks: re.Pattern[str] = CLAUSE_BREAK,
) -> bool:
    """Some span of `first` and some span of `second` lie in one clause, at most `max_words` apart."""
    a_spans = list(first)
    b_spans = list(second)
    if not a_spans or not b_spans:
        return False
    cuts = _breaks(text, breaks)
    for a_start, a_end in a_spans:
        for b_start, b_end in b_spans:
            lo, hi = (a_end, b_start) if a_start <= b_start else (b_end, a_start)
            if hi < lo:  # overlapping spans: one phrase holds both
                return True
            if any(lo <= cut < hi for cut in cuts):
                continue
            if _words_between(text, lo, hi) <= max_words:
                return True
    return False


# The act done *to* a person: the role is the object of an attack verb or preposition, the
# subject of a passive harm verb, or the owner of what was attacked. Matched on masked lower case.
_ACT_ON = (
    r"(?:shot(?: dead| and killed| at)?|(?<!the )(?<!a )shoot(?:s|ing)? at|shoot(?:s|ing)?"
    r"|fired (?:[\w.-]+ ){0,5}?(?:at|on|upon|towards?)|aim(?:ed|ing) at|attack(?:ed|s|ing)?|ambush(?:ed|ing)?"
    r"|stabb(?:ed|ing)|stabs"
    r"|knifed|bomb(?:ed|ing)|kill(?:ed|ing)|(?<!to )(?<!will )kills?|murder(?:ed|ing)|assassinat(?:ed|ing|e)"
    r"|gunned down|gun down"
    r"|targe?t(?:ed|ing)|opened fire (?:on|at)|open fire (?:on|at)|fired (?:at|on|upon)|poison(?:ed|ing|s)?"
    r"|behead(?:ed|ing)|hacked|lynched|beat(?:en)? to death|wound(?:ed|ing)|injur(?:ed|ing)|rammed"
    r"|striking|hitting|threw acid (?:at|on)|acid attacks? on|doused"
    # what a gun or a bow sent hit someone: "three [shots] struck Reis in the chest"
    r"|(?:bullets?|shots|rounds|bolts?|arrows?|pellets|two|three|four|five|several|both) (?:of them )?"
    r"(?:struck|hit)"
    # "fired six shots, most of them into Mehboob's chest"
    r"|(?:shots|bullets|rounds|of them) into"
    r"|found dead|(?:bomb|device|parcel|package|letter)s? (?:\w+ )?(?:addressed|sent|mailed|delivered) to"
    r"|addressed to|mailed to"
    r"|(?:attack|assault|bombing|ambush|raid|strike|shooting|explosion|blast|attempt)s?"
    r" (?:on|against|targeting"
    r"|aimed at)|(?:was |were )?(?:directed|aimed) at"
    # the act told by its aim or by the blade's blow (`taxonomy`'s lists)
    r"|"
    + AIM_TO_KILL
    + r"|"
    + BLADE_BLOW
    # "how the gunmen came for Mayor X"
    + r"|(?:gunm[ae]n|assassins?|killers?|hitm[ae]n|attackers?) (?:came|come|comes) for)"
)
_OBJECT_BEFORE = re.compile(
    r"\b" + _ACT_ON + r"\b(?:\s+(?:the|a|an|his|her|their|its|two|three|several|former|then|local"
    r"|provincial|district|deputy|senior|top|prominent|[a-z]+'s"
    r"|[\u2014\u2013]|(?!(?:to|for|with|from|by|that|which|who|and|or|at|in|over|after|during|when|while|as"
    r"|near|because|before|until|had|has|have|been|was|were|is|are)\b)"
    r"[\w'\u2019.()-]+,?)){0,10}\s*$"
)
_HARM_AFTER = re.compile(
    r"^(?:\s+of\s+(?:the\s+)?[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,2})?(?:,[^,;:]{0,120},|\s+who\s[^,;:]{0,120},)?[\s,]*(?:(?:and|who)\s+)?(?:[\w'\u2019.()-]+,?\s+){0,7}?(?:(?:and|who)\s+)?"
    r"(?:(?:was|were|had been|has been|have been|is|are|got|remains?|remained)\s+"
    r"(?:(?!\w+ing\b)\w+ ){0,2}?(?:shot|killed"
    r"|assassinated|murdered|in (?:a )?(?:critical|serious|stable) condition"
    r"|slain|injured|wounded|hurt|stabbed|attacked|targeted|ambushed|gunned down|poisoned|beheaded|hacked"
    r"|hit by (?:shrapnel|a bullet|bullets|gunfire|a shot|shots)|hit (?:in|on) the \w+"
    r"|hit (?:at least )?(?:\w+ )?times|(?:hit|shot|struck|stabbed) (?:twice|three times|several times)"
    r"|fired (?:at|upon|on)|critically|seriously|harmed|unharmed|unhurt|uninjured"
    r"|(?:the )?(?:intended |apparent |main )?targets? of)"
    r"|(?:is |was |remains |remained )?in intensive care"
    r"|not (?:hit|hurt|harmed|injured|wounded)"
    # "is recovering in hospital this evening after a man approached him and stabbed him twice"
    # "Tidewatch reporter in hospital after being stabbed behind newsroom"
    r"|in (?:a |the )?hospital (?:[\w,]+ ){0,3}?after (?:being |he was |she was )?(?:stabbed|shot|attacked"
    r"|beaten|poisoned|wounded|knifed)"
    r"|(?:is|was) recovering (?:in hospital )?(?:[\w,]+ ){0,3}?after\b[^.;]{0,80}?\b(?:stabbed|shot|attacked"
    r"|beat(?:en)?|poisoned|wounded|fired|opened fire)"
    # a headline's present tense: "minister escapes gun attack", "judge survives ambush"
    r"|survived|survives|escaped|escapes|died|dies|narrowly"
    # a poisoning told by what the victim drank: "was taken to hospital after drinking tea laced with"
    r"|(?:(?:was|were) (?:hospitali[sz]ed|taken ill|rushed to (?:a )?hospital|taken to (?:a )?hospital)\b"
    r"[^.;]{0,60}?)?(?:after |when |having )?(?:drank|drinking|ate|eating|sipped|sipping|(?:was|were) served)"
    r" (?:[\w'\u2019-]+ ){0,4}?(?:laced|spiked|tainted|poisoned) with)\b"
)
# A headline's participle right after the role, with the attacker as its agent: "opposition leader
# wounded by gunman at rally" (a bare participle alone, "minister shot", is left to the body).
_BY_ATTACKER = re.compile(
    r"^\s+(?:shot(?: dead)?|wounded|injured|stabbed|attacked|killed|hurt|gunned down|ambushed|hit)"
    r" by (?:(?:a|an|the|two|three|lone|unknown|masked|armed|suspected|unidentified) )*(?:gunm[ae]n"
    r"|assailants?|attackers?|snipers?|bombers?|militants?|insurgents?|hitm[ae]n)\b"
)
# An incident record's bare participle after the role and its name, the strong forms only: "Kesi
# Amandor, MP for Nyeri-West, shot dead by 2 gunmen riding a motorcycle"; "Mayor X gunned down
# outside his home". Not an active verb with its object ("the guard shot dead a gunman"), nor the
# police as the agent.
_BARE_HARM = re.compile(
    r"^(?:\s+(?:of|for)\s+(?:the\s+)?[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,2}?)?,?"
    r"(?:\s+(?!(?:who|which|was|were|is|are|has|had|have|said|says|and|or|but|after|when|to)\b)"
    r"[\w'\u2019.-]+){0,3}?,?\s+"
    r"(?:(?:shot dead|gunned down|assassinated|shot and (?:killed|wounded|injured)|(?:stabbed|hacked|beaten)"
    r" to death)(?=\s*(?:$|[,.;(]|(?:in|at|on|as|while|outside|near|inside|after|during|when|late|early"
    r"|overnight|yesterday|today|this|last)\b|by (?!(?:the |a |an )?(?:police|policem[ae]n|security|troops"
    r"|soldiers|army|officers?|riot|gendarm))))"
    # killed where one is found, not where a crash or a shelling happens: "youth leader killed outside bar"
    r"|killed (?=outside|in front of|at (?:his|her) (?:home|house|door|gate|office|shop)\b)"
    r"|(?:shot|wounded|injured|stabbed|attacked|killed|ambushed|hit) by (?:[\w-]+ ){0,3}?(?:gunm[ae]n"
    r"|assailants?|attackers?|snipers?|bombers?|militants?|insurgents?|hitm[ae]n|assassins?|killers?))\b"
)
# A relative clause between a subject and its verb, which the clause cut would end the subject at.
_RELATIVE_GAP = re.compile(
    r"^(?:,\s*(?:\d{1,3}|aged \d{1,3}))?,\s*(?:who|whose)\s[^,;:.]{0,120},\s*(?=was|were|had)"
    # ... or with no commas, when the harm follows: "A land defender who has led her community's
    # fight against a resort was stabbed" (no second "who": "the men who were shot" is not hers)
    r"|^\s+who\s(?:(?!\bwho\b)[^,;:.]){0,120}?\s(?=(?:was|were|had been) (?:\w+ )?(?:shot|stabbed|knifed"
    r"|attacked|wounded|injured|killed|ambushed|poisoned|gunned down)\b)"
)
# ... but "named after the independence leader assassinated in 1961" describes the person: a role
# after a determiner with the participle right after it is a reduced relative clause.
_DETERMINED = re.compile(r"\b(?:the|a|an|his|her|their|its|whose)\s+(?:[\w'\u2019-]+\s+){0,2}$")
_PARTICIPLE_NEXT = re.compile(
    r"^\s+(?:shot|gunned|assassinated|stabbed|hacked|beaten|wounded|injured|attacked|killed|ambushed|hit)\b"
)
# Whom the attack was aimed at, said outright: "the intended victim was the bishop".
_TARGET_WAS = re.compile(
    # "The bomb in Sedra was meant for the governor"
    r"\b(?:was|were|had been) (?:meant|intended) for (?:the |a |an )?(?:[\w'\u2019-]+ ){0,2}$"
    r"|\b(?:intended|real|actual|apparent|main|likely|true) (?:victim|target)s?"
    r"(?: of (?:the |this |that )?[\w-]+)? (?:was|were|had been|is"
    r"|appear(?:s|ed) to (?:be|have been)) (?:the |a |an )?(?:[\w'\u2019-]+ ){0,2}$"
)
_SECURITY_AGENT = re.compile(r"\b(?:police|policem[ae]n|troops|soldiers|security forces|army|gendarmes)\b")
# What a person owns or rides in, so that an attack on it is an attack on them ("the pickup carrying
# the commander", "her SUV"): one list for the three patterns below.
_BELONGINGS = (
    r"convoy|car|vehicle|motorcade|residence|house|home|office|compound|helicopter|plane|bodyguards?|guards?"
    r"|security detail|pickup|pick-up|truck|suv|jeep|van|4x4|limousine|motorcycle|motorbike"
)
_OWNED = re.compile(
    # the words between are the owner's name or modifiers, never a verb ("the governor was not at home")
    r"^(?:\W?s\b)?\s*(?:(?!(?:was|were|is|are|had|has|have|not|said|says|at|in|to|from|left|went|returned"
    r"|stayed)\b)[\w'\u2019.-]+\s+){0,3}?(?:" + _BELONGINGS + r")\b"
)
# "the governor was driving home when gunmen fired at his car": what was attacked is the subject's.
_POSSESSED = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}?(?:" + _BELONGINGS + r")\b")
_OWNED_AFTER_ACT = re.compile(
    r"\b(?:" + _ACT_ON + r"|bomb(?:er|s)?|explo\w+|detonat\w+|grenades?|blast|ied|rockets?|drones?|gunm[ae]n"
    r"|assailants|attackers|stormed|entered|raided|fired|torched|set (?:fire|ablaze)|struck|hit"
    # "a roadside device went off beside the motorcade of Governor X"
    r"|devices? (?:went off|blew up))\b"
)
# "the convoy of Governor X", "the residence of X, a judge": the role owns what was attacked.
_OWNED_BEFORE = re.compile(
    r"\b(?:" + _BELONGINGS + r"|family)\s+(?:of|carrying|transporting|in which)\b[^;:]{0,70}$"
    # the way the person was to take: "on the route to be taken by the minister"
    r"|\b(?:route|road)\s+(?:that\s+|which\s+)?(?:was |were )?(?:used|taken|to be (?:used|taken)) by\s+"
    r"(?:the\s+)?(?:[\w'\u2019.-]+\s+){0,2}$"
)
# A device found where the person was about to be: "Police defused a device hidden under the podium,
# hours before Vera Lintz, leader of the opposition, was due to address supporters there".
_DEVICE_BEFORE = re.compile(
    r"\b(?:devices?|bombs?|explosives?|ieds?|grenades?|charges?)\b[^.;]{0,140}?\b(?:hours|minutes|shortly"
    r"|days|just|an hour|a day) before\s+(?:the\s+)?$"
)
_DUE_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'\u2019-]+){0,3}(?:,[^,;.]{1,80},)?\s+(?:was|were) (?:due|scheduled|expected|set|to)\b"
)
# ... or, as a contact clause, with its purpose after the role: "a device defused on the road
# Governor X was due to use" (`_WAS_TO_USE`)
_ROUTE_CONTACT = re.compile(r"\b(?:route|road)\s+(?:that\s+|which\s+)?(?:the\s+)?(?:[\w'\u2019.-]+\s+){0,2}$")
_WAS_TO_USE = re.compile(
    r"^(?:\s+[\w'\u2019.-]+){0,3}?\s+(?:was|were|had been) (?:due|scheduled|expected|set|about|going) to"
    r" (?:use|take|travel|pass|drive)\b"
)
# The owner somewhere else when it happened: "at his office two kilometres away at the time of".
_ELSEWHERE = re.compile(r"\b(?:away|at the time of|kilomet(?:re|er)s? from|miles from)\b")
# The role after "by" did the act: "shot dead by an officer of the sheriff's office".
_BY_AGENT = re.compile(r"\bby (?:an? |the )?(?:[\w'\u2019-]+ ){0,5}$")
_REACTION = re.compile(
    r"\b(?:said|says|condemn\w*|respon\w+|ordered|blamed|called|told|investigat\w+|visited|vowed|urged"
    r"|over|after|since|following|about|during)\b"
)


# An attack aimed at killing, not a scuffle: a crowd that "attacked" an official's car with stones
# or a reporter at a rally is protest or mob violence; a lone assailant with an axe is not.
_CROWD_AGENT = re.compile(
    r"\b(?:protesters|demonstrators|supporters|crowds?|mobs?|rioters|students|villagers|fans|marchers"
    r"|residents|youths)\b"
)
_NON_LETHAL = re.compile(
    r"\bwith (?:\w+ )?(?:stones|rocks|eggs|shoes|sticks|bottles|ink|paint|tomatoes|fists)\b"
)
_LETHAL = re.compile(
    r"\b(?:shot|shoot\w*|gun\w*|bomb\w*|explo\w+|grenades?|detonat\w+|stabb\w+|knife|knives|machetes?"
    r"|axe|kill\w*|assassin\w*|murder\w*|poison\w*|opened fire|fired (?:at|on)|lynch\w*|beheaded"
    r"|hacked|dead|died|sniper|rockets?|drones?|ied|to death)\b"
)


# A fronted participle whose subject is the role: "Struck by a bullet in the shoulder, the minister ...".
_FRONTED_HARM = re.compile(
    r"^\W*(?:(?:struck|hit|shot|wounded|injured|stabbed|seriously wounded|critically injured)"
    r"\s+(?:by|in|on|twice|three times|several times)|gunned down|shot dead|" + TO_DEATH + r")\b[^.;:]{0,70},"
    r"\s+(?:the |a |an )?(?:[\w'\u2019-]+ ){0,3}$"
)


# A later clause whose subject is left out, so is the sentence's subject: "... but was shot dead".
_ELIDED_HARM = re.compile(
    r"\b(?:but|and|before he|before she)\s+(?:was|were)\s+(?:\w+\s+){0,3}?(?:shot|killed|stabbed|assassinated"
    r"|wounded|injured|murdered|gunned down|beaten to death|hacked to death)\b"
)


# Where the crowd's own act ends: another clause, or a clause that tells what else happened
# ("..., and one demonstrator was shot dead by police", "... after a student was killed").
_ACT_END = re.compile(r";|:\s|,\s*and\b|\b(?:after|when|because|as|while|but|following)\b")


# Security forces firing on a march: whoever they hit is the protest's casualty, not a target
# ("Police open fire on land march, killing farmers' union leader X"; TAXONOMY, protest_violence).
_FORCE_ON_PROTEST = re.compile(
    r"\b(?:police|policemen|riot police|troops|soldiers|security forces|gendarmes|officers) (?:\w+ ){0,2}?"
    r"(?:open(?:ed|s)? fire|fired|shot|charged|beat|baton-charged|killed)\b[^.;]{0,80}?\b(?:march\w*"
    r"|protest\w*|demonstrat\w+|rall(?:y|ies)|sit-?ins?|strikers|crowds?|picket\w*)\b"
)


def _scuffle(text: str, role_start: int) -> bool:
    """Security forces firing on a protest before the role; or a crowd before the role, or non-lethal
    means after it, and no lethal means or outcome in the crowd's own clause (a death told in another
    clause is the crowd's, or the police's)."""
    if _FORCE_ON_PROTEST.search(text, 0, role_start):
        return True
    crowd = _CROWD_AGENT.search(text, 0, role_start)
    if crowd is not None:
        end = _ACT_END.search(text, role_start)
        return not _LETHAL.search(text, crowd.start(), end.start() if end else len(text))
    return _NON_LETHAL.search(text, role_start) is not None and not _LETHAL.search(text)


# A role listed among the many victims of an attack on a place or a crowd ("killing 30 people,
# including a council member", "killed 40 worshippers and wounded the imam"): the taxonomy's
# anonymous victims, unless the role itself was the target ("a bomb targeting the governor's
# convoy" binds that earlier mention of the role).
_ONE_OF_MANY = re.compile(
    r"\b(?:kill\w*|wound\w*|injur\w*|dead|died)\s+(?:at least |more than |about |some |all |nearly |almost )?"
    r"(?P<n>\d+|dozens|scores|hundreds|many|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty)\b(?:(?:\s+[\w-]+){0,2}?\s+(?:people|persons|civilians|worshippers|passengers|guests"
    r"|shoppers|students|villagers|soldiers|officers|policemen|others|residents|children|bystanders"
    r"|pilgrims|mourners|commuters|workers|tourists|customers|patrons|spectators|fans|recruits|cadets)\b"
    r"[^.;]{0,50}\b(?:including|among (?:them|whom|the dead|the victims)|as well as|and)"
    # a headline leaves out the people: "Blast at election rally kills 22, including district councillor"
    r"|,?\s+(?:including|among them))\b[^.;]{0,40}$"
)


# Where an attack on anonymous people happens: a crowd or a public place, not a person's car or home.
_PUBLIC_PLACE = re.compile(
    r"\b(?:market|bazaar|mosque|church|temple|shrine|synagogue|bus|train|station|wedding|funeral|stadium"
    r"|school|university|hotel|restaurant|cafe|nightclub|concert|rally|crowd|checkpoint|hospital"
    r"|(?:police|army|military) (?:convoy|station|post|academy|patrol))\w*"
)
_FEW = frozenset({"five", "six", "seven", "eight", "nine"})


_AMONG_BEFORE = re.compile(r"\b(?:among them|among whom)\s+(?:a |an |the )?(?:[\w'\u2019-]+ ){0,3}$")


# "The headman was among the dead": one of the victims, which says nothing of whom the attack aimed at.
_AMONG_AFTER = re.compile(
    r"(?:\s+[\w'\u2019.-]+){0,3}?,?(?:\s*\([^)]{0,40}\))?(?:,[^,;:]{0,80},)?"
    # "the village chief and two of his sons were among those killed"
    r"(?:\s+and\s+[^,;:.]{0,40}?)?\s*(?:(?:was|were|is|are)\s+)?"
    r"(?:also\s+)?among (?:the|those) (?:\w+ )?(?:dead"
    r"|victims|wounded|injured|killed|casualties|hurt)\b"
)


# A role that titles a spokesman ("army spokesman Colonel X") names the source, not a victim.
_SPEAKER_TITLE = re.compile(r"\bspokes(?:man|woman|person)\s+(?:[\w.]+\s+)?$")


# Listed among the dead: "All seven people on board, including the minister, ... were killed",
# "Among the fighters killed was Colonel X": one of the victims, not whom an attack aimed at.
_LISTED_AMONG = re.compile(
    r"\b(?:all|the) (?:\w+ )?(?:people|passengers|persons|occupants|crew) (?:on board|aboard)\b[^.;]{0,20}"
    r"\bincluding\b[^.;]{0,120}$"
    r"|\bamong (?:the |those )?(?:\w+ )?(?:killed|dead|wounded|injured|victims|casualties)\s+(?:was|were)\s+"
    r"[^.;]{0,80}$"
    # "at least eleven soldiers had been killed, among them a battalion commander"
    r"|\b(?:people|soldiers|civilians|officers|policemen|fighters|passengers|guards|villagers|others)"
    r" (?:had been |have been |were |was )?(?:killed|wounded|injured|dead)\b[^.;]{0,20}"
    r"\b(?:among them|including|among whom)\b[^.;]{0,60}$"
)


def _one_of_many(text: str, start: int) -> bool:
    if _LISTED_AMONG.search(text[max(0, start - 160) : start]):
        return True
    m = _ONE_OF_MANY.search(text[max(0, start - 160) : start])
    if m is None:
        return False
    many = m.group("n") not in _FEW and not (m.group("n").isdigit() and int(m.group("n")) < 10)
    return many or _PUBLIC_PLACE.search(text) is not None


def object_of_act(text: str, start: int) -> bool:
    """The role starting at `start` is the object of an attack verb in its clause ("gunmen shot dead
    the mayor ..."): a victim, even if a speech verb follows ("..., police said")."""
    before = text[max(0, start - 90) : start]
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(before)), default=0)
    m = _OBJECT_BEFORE.search(before, cut)
    return m is not None and not _REACTION.search(before, m.end())


VICTIM_WHEN = re.compile(
    # (an apposition may come first: "Ilse Korvath, an independent member of parliament, had been
    # speaking for ten minutes when a man in the crowd fired")
    r"(?:,[^,;.]{1,80},)?,?(?: \d{1,3},)? (?:was|were|had (?:just )?)\b(?:[^.;]|[ap]\.m\.){0,150}?\bwhen\b"
    r"[^.;]{0,80}?\b(?:fired"
    r"|opened fire|shot|attacked|stabbed|threw|hurled|detonated|exploded|went off|rammed|ambushed)\b"
    # "as Keszthel's car pulled away from a rally, two men on a motorcycle drew alongside and fired"
    r"|(?:'s|\u2019s) (?:car|convoy|motorcade|vehicle) (?:pulled|drove|left|arrived|slowed|stopped|passed)\b"
    r"[^.;]{0,100}?\b(?:fired|opened fire|detonated|exploded|went off|rammed|ambushed|sprayed)\b"
)


def victim_bound(text: str, roles: Iterable[tuple[int, int]]) -> bool:
    """Some role in `text` (lower case, masked) is the victim of an act in the same clause."""
    for start, end in roles:
        before = text[max(0, start - 90) : start]
        cut = max((m.end() for m in CLAUSE_BREAK.finditer(before)), default=0)
        before = before[cut:]
        # the binding first: most roles have none, and the exclusions are dearer to ask
        if not _bound_here(text, start, end, before):
            continue
        if _scuffle(text, start):
            continue
        if _one_of_many(text, start):
            continue  # "killing 30 people, including a council member": one of many victims
        if _AMONG_AFTER.match(text, end):
            continue
        if _AMONG_BEFORE.search(before):
            continue  # "Four soldiers, among them a young officer, were killed": one of the victims
        if _SPEAKER_TITLE.search(before):
            continue  # "... attacks on army posts, army spokesman Colonel X said": the source
        return True
    return False


def _bound_here(text: str, start: int, end: int, before: str) -> bool:
    """The role at `start:end` is the object or subject of harm in its clause (`before`: the clause
    up to the role)."""
    m = _OBJECT_BEFORE.search(before)
    if m is not None and not _REACTION.search(before, m.end()):
        return True
    if _TARGET_WAS.search(before):
        return True  # "the intended victim was the bishop"
    after = text[end : end + 200]
    gap = _RELATIVE_GAP.match(after)
    if gap is not None:
        after = " " + after[gap.end() :]  # "Solm, 46, whose reporting set off the protests, was shot"
    after = after[:160]
    after = after[: next((m.start() for m in CLAUSE_BREAK.finditer(after)), len(after))]
    if _HARM_AFTER.match(after) or _BY_ATTACKER.match(after):
        return True
    bare = _BARE_HARM.match(after)
    if (
        bare is not None
        and not (_DETERMINED.search(before) and _PARTICIPLE_NEXT.match(after))
        # "Student leader shot dead as police break up campus protest": the police's shot
        and not _SECURITY_AGENT.search(after, bare.end())
    ):
        return True
    if _DUE_AFTER.match(text, end) and _DEVICE_BEFORE.search(text, max(0, start - 200), start):
        return True  # "a device under the podium, hours before Vera Lintz, leader of ..., was due to speak"
    owner = _OWNED_BEFORE.search(before)
    if owner is None and _WAS_TO_USE.match(after):
        owner = _ROUTE_CONTACT.search(before)
    if owner is not None and (
        _OWNED_AFTER_ACT.search(before, 0, owner.start()) or _OWNED_AFTER_ACT.search(after, 0, 80)
    ):
        return True
    if start < 40 and VICTIM_WHEN.match(text, end):
        return True  # "The mayor had been speaking to supporters when a gunman fired from the crowd"
    if start < 110 and _FRONTED_HARM.match(text, 0, start):
        return True
    if start < 40 and _ELIDED_HARM.search(text, end):
        return True  # "President X tried to flee but was caught and shot dead"
    if start < 40:
        # the role opens the sentence or clause: its subject
        tail = text[end : end + 200]
        possessed = _POSSESSED.search(tail)
        if (
            possessed is not None
            and _OWNED_AFTER_ACT.search(tail, max(0, possessed.start() - 80), possessed.end() + 60)
            and not _ELSEWHERE.search(tail, possessed.end(), possessed.end() + 60)
        ):
            return True
    owned = _OWNED.match(after)
    if owned is not None and not _BY_AGENT.search(before):
        window = text[max(0, start - 90) : start] + " " + after[owned.end() : owned.end() + 60]
        if _OWNED_AFTER_ACT.search(window):
            return True
    return False
