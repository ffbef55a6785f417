"""Casualty counts from an event's own evidence sentences.

Within one sentence distinct mentions add up ("two guards were killed and a third injured");
across sentences the largest figure wins, because articles repeat their totals ("killed five"
in the lede, "five people died" later). Vague words follow ACLED (several = 3, dozens = 12).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.core.detector.context import own
from agents.core.detector.numbers import NUMBER_PATTERN, parse_number
from agents.core.detector.scan import AnchoredPattern, anchored
from agents.core.models import Casualties

# Killing told by its means: one list for the toll, the outcome and the fronted participle.
TO_DEATH = r"(?:stabbed|beaten|hacked|bludgeoned|strangled|burned|burnt) to death"
_KILL = r"(?:killed|dead|died|slain|murdered|assassinated|shot dead|perished|fatalit(?:y|ies)|deaths|bodies"
_KILL += r"|lost (?:their|his|her) lives|gunned down|beheaded|lynched|succumbed"
_KILL += r"|" + TO_DEATH + r")"
_HURT = (
    r"(?:injured|wounded|hurt|injuries|hospitali[sz]ed|injuring|wounding|maimed"
    # hospital as the toll: "14 taken to hospital", "sending fourteen people to hospital"
    r"|(?:taken|rushed|admitted|sent) to (?:a |the )?hospitals?|to hospital)"
)
_QUALIFIER = (
    r"(?:(?:at least|about|around|some|up to|more than|over|nearly|almost|roughly|approximately|another)\s+)?"
)
_STOP_WORDS = (
    r"and|but|while|when|after|as|which|who|including|killing|killed|injuring|wounding|wounded|injured|dead"
)
_GAP = r"(?:\s+(?!(?:" + _STOP_WORDS + r")\b)[\w'\u2019.-]+){0,6}?"
_AUX = r"(?:\s+(?:were|was|have been|had been|are|is|got|been|being|reportedly|also|later|allegedly|all|left|"
_AUX += r"were reportedly|had|have|shot and|stabbed and|beaten and))*"  # "dozens were shot and killed"

# "seven of the guards were injured", "12 people dead", "1 fatality"
_BEFORE = re.compile(
    r"\b"
    + _QUALIFIER
    + r"(?P<num>"
    + NUMBER_PATTERN
    + r")\b"
    + _GAP
    + _AUX
    + r"\s+(?P<kind>"
    + _KILL
    + "|"
    + _HURT
    + r")\b",
    re.IGNORECASE,
)
# "killing two civilians", "wounded 15 others"
_AFTER = re.compile(
    r"\b(?P<verb>killing|killed|kills|injuring|wounding|injured|wounded|claimed the lives of|shot dead"
    r"|gunned down)\s+"
    # "killed the two bodyguards" (but not "killed the 12-year-old")
    + r"(?:(?:the|all|all the)\s+)?"
    + _QUALIFIER
    + r"(?P<num>"
    + NUMBER_PATTERN
    + r")\b(?!\s*(?:am|pm|km|years?|%|percent|times|hours|minutes|days)\b|-(?:year|month|week|day))",
    re.IGNORECASE,
)
# "... killed the bomber and seven others": the listed others come on top of the named victim.
_AND_OTHERS = re.compile(
    r"\b(?P<verb>killing|killed|injuring|wounding|injured|wounded)\b[^.;]{0,60}?\band\s+(?P<num>"
    + NUMBER_PATTERN
    + r")\s+others?\b(?!\s+(?:were|was|have|had|are)\b)"
    # "X was killed and four other officers wounded": those others carry their own verb.
    r"(?!(?:\s+[\w-]+){0,3}?\s+(?:were\s+)?(?:killed|wounded|injured|hurt|dead)\b)",
    re.IGNORECASE,
)
# Singular or unnumbered victims: "the mayor was shot dead", "shot and killed a judge".
_SINGLE_PASSIVE = re.compile(
    r"\b(?P<aux>was|has been|had been|were|have been)\s+(?:also\s+)?(?:\w+ly\s+)?(?:shot and\s+)?"
    r"(?P<kind>shot dead"
    r"|killed"
    r"|assassinated|murdered|slain|gunned down|injured|wounded|hurt|" + TO_DEATH + r")\b",
    re.IGNORECASE,
)
# The victim is a determiner phrase or a capitalised name; the capital is checked on the original
# text (`_is_named`) so the pattern itself can run on lower-cased text.
_SINGLE_ACTIVE = re.compile(
    # (not an aim: "with the intention of killing her", "intent to kill")
    r"(?<!intention of )(?<!intent of )(?<!aim of )(?<!purpose of )"
    r"\b(?P<kind>shot and killed|stabbed and killed|killed|killing|assassinated|murdered|shot dead"
    r"|gunned down|shot and (?:injured|wounded)|stabbed and (?:injured|wounded)|injuring|wounding|wounded"
    r"|injured)"
    r"\s+(?:(?P<det>a|an|the|his|her|one)\b|(?=\w))",
    re.IGNORECASE,
)
_NONE_KILLED = re.compile(
    r"\bno (?:one|body) (?:was|were) (?:killed|hurt|harmed)|\bno (?:reported )?(?:casualties|deaths"
    r"|fatalities)\b"
    r"|\bwithout (?:causing )?(?:any )?casualties\b|\bno casualties were reported\b",
    re.IGNORECASE,
)
_NONE_HURT = re.compile(
    r"\bno (?:one|body)(?: else)? (?:was|were) (?:injured|hurt)|\bno (?:reported )?(?:casualties|injuries)\b"
    r"|\b(?:did not|didn't) cause any (?:injuries|casualties)\b",
    re.IGNORECASE,
)
# Terrorism databases count the perpetrators who die; a suicide attack kills its bomber.
_PERPETRATOR_TOO = re.compile(
    r"\bin addition to the (?:suicide )?(?:bomber|assailant|attacker|perpetrator)(?P<plural>s?)\b", re.I
)
# A total over many attacks ("one of several raids that night", "40 died across all the attacks")
# is not the count of this one.
_ROLL_UP = re.compile(
    r"\bacross (?:which|all|the) (?:\w+ )?(?:attacks|incidents|bombings)\b|\bacross which\b"
    r"|\bone of (?:\d+|[a-z]+) (?:coordinated |separate |similar )?(?:attacks|bombings|incidents)\b"
    r"[^.;]*\b(?:killed|dead|died|wounded|injured)\b"
)
# "A protester succumbed to her injuries", "her driver died later": one death without a number.
# "One of the guards, a sergeant of the guard, succumbed": an apposition may sit before the verb.
_ONE_DIED = re.compile(
    r"\b(?:a|an|one|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:[\w-]+,[^,.;]{1,60},\s+)?(?:succumbed|died)\b",
    re.I,
)
# "no one else was hurt", "nobody was injured": the none, counted by `_NONE_HURT`, not a one.
_NO_ONE_BEFORE = re.compile(r"\bno(?: one|body)?(?: else)? $")
# A name and an age: "Ortega, 44, died before paramedics arrived" (read on the original case).
_NAMED_AGE_DIED = re.compile(r"(?<![\w-])[A-Z][\w'\u2019-]+,\s+\d{1,3},\s+(?:later\s+)?(?:succumbed|died)\b")
# ... or a name alone opening the sentence: "Rausk died in the same operating suite shortly after
# noon" (not a count word: "Hundreds died", "Many later died")
_NAMED_DIED = re.compile(
    r"^(?!(?:He|She|It|They|We|You|I|The|This|That|These|Those|All|Most|Many|Some|Several|Others|Hundreds"
    r"|Thousands|Dozens|Scores|Few|Both|None|Nobody|No|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b)"
    r"(?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+\s+(?:later\s+|also\s+)?(?:succumbed|died)\b"
)
# "... was killed, as were three passengers", "killed along with two aides":
# the listed victims come on top of the one already counted.
_ALONG_WITH = re.compile(
    r"\b(?:killed|dead|died|slain|murdered)\b,?\s+(?:as (?:were|was)|along with|together with)\s+", re.I
)
# Asides that split a count from its verb: "three officers, including the chief, were killed",
# "two guards (Ali and Omar)". Dropped before counting.
_ASIDE = re.compile(
    r"\s*\([^()]*\)|,\s+(?:including\b|[\w-]+ of (?:them|whom)\b)[^.;]*?,"
    r"(?=\s+(?:were|was|have|had|are|died)\b)",
    re.I,
)
# "The driver and two guards were killed", "X, a judge, and one other person were killed":
# the first person of the subject is counted with the number that carries the verb.
_CONJOINED = re.compile(r"(?:^|[,;:]\s*|\b(?:when|while|after)\s+)(?P<item>[^,;:]{1,40}?),?\s+and\s+$")
_CONJOINED_ONE = re.compile(
    r"^(?:(?i:the|a|an|his|her|their|its|one)\s+(?:[\w'\u2019-]+\s+){0,2}[\w'\u2019-]+"
    r"|(?:[A-Z][\w'\u2019.-]*|al-|el-|bin|ibn)(?:\s+(?:[A-Z][\w'\u2019.-]*|al-[\w-]+|el-[\w-]+|bin|ibn))*)$"
)
_VERBISH = re.compile(
    r"\b(?:\w+ed|\w+ing|is|was|were|are|has|have|had|said|says|fire|kill\w*|dead|died|injur\w*|wound\w*"
    r"|hurt)\b",
    re.I,
)
_IS_KILL = re.compile(_KILL, re.IGNORECASE)
# Every pattern above needs one of these stems; a sentence without any reports no casualties.
# No leading \b, so `re` scans for the stems' first letters in C instead of trying every position.
_ANY_STEM = re.compile(
    r"kill|dead|died|death|slain|murder|assassin|perish|fatal|bodies|lives|gunned|behead|lynch|injur"
    r"|wound|hurt|hospital|maim|casualt|harm|stabbed"
)
# "the death toll rose to three", "a death toll of 12": the toll itself, stated without a verb of harm.
_DEATH_TOLL = re.compile(
    r"\b(?:death|casualty) toll\b[^.;]{0,60}?\b(?:rose|risen|rises|climbed|increased|reached|jumped"
    r"|stands at|stood at|of|now)\s+(?:to\s+)?(?:at least\s+)?(?P<num>" + NUMBER_PATTERN + r")\b"
    r"(?!\s*(?:am|pm|percent|%|hours|days))",
    re.IGNORECASE,
)
_PATTERNS = (_AND_OTHERS, _AFTER, _BEFORE, _SINGLE_PASSIVE, _SINGLE_ACTIVE, _NONE_KILLED, _NONE_HURT)
Matcher = re.Pattern[str] | AnchoredPattern
# The same patterns without IGNORECASE, for lower-cased text (several times faster in `re`), each
# tried only where its matches can begin (`scan.anchored`: `_BEFORE` would otherwise try its number
# alternation at every character).
_LOWER: dict[re.Pattern[str], Matcher] = {
    p: anchored(p.pattern) for p in (*_PATTERNS, _PERPETRATOR_TOO, _ONE_DIED, _ALONG_WITH, _DEATH_TOLL)
}


# "Two men on a motorcycle shot and wounded journalist X": the number is who fired, not who was hit.
# A verb of harm with no passive auxiliary before it and an object after it is active; a reduced
# passive ("12 people killed in the clashes", "three injured, police said") is followed by one of
# these words, an adverb, or punctuation.
_TRANSITIVE = frozenset(
    [
        *("killed", "wounded", "injured", "hurt", "murdered", "slain", "assassinated"),
        *("shot dead", "gunned down", "beheaded", "lynched", "maimed"),
    ]
)
_PASSIVE = re.compile(r"\b(?:were|was|been|be|are|is|got|get|left|had|have)\b")
_REDUCED_PASSIVE_NEXT_TEXT = """in at on by during when as after before and or but while including overnight
yesterday today tonight since so according near across throughout following amid over last this
earlier later from with outside inside were was had have has are is among between under within until
for to into of whom that which who there here too also each per nationwide all both alone more about
around then again late early these those where because"""
_REDUCED_PASSIVE_NEXT = frozenset(_REDUCED_PASSIVE_NEXT_TEXT.split())
_NEXT_WORD = re.compile(r"\s*([a-z][a-z'\u2019-]*)")


def _agents(text: str, m: re.Match[str]) -> bool:
    """The number of a `_BEFORE` match counts the attackers: an active verb of harm with an object."""
    if " ".join(m.group("kind").split()) not in _TRANSITIVE:
        return False
    if _PASSIVE.search(text, m.end("num"), m.start("kind")):
        return False
    nxt = _NEXT_WORD.match(text, m.end("kind"))
    if nxt is None:
        return False  # punctuation or the end: "two guards wounded."
    word = nxt.group(1)
    return word not in _REDUCED_PASSIVE_NEXT and not word.endswith("ly")


def _kind(word: str) -> str:
    return (
        "killed"
        if _IS_KILL.fullmatch(word.lower()) or word.lower().startswith(("kill", "claimed"))
        else "injured"
    )


def _conjoined(before: str) -> int:
    """People named in a subject before "and N ...": "the driver and", "two guards and", "X, a judge, and"."""
    m = _CONJOINED.search(before)
    if m is None:
        return 0
    item = m.group("item").strip()
    number = _ITEM_NUMBER.match(item)
    if number is not None and len(item.split()) <= 4 and not _VERBISH.search(item):
        return parse_number(number.group(1)) or 0
    if _CONJOINED_ONE.match(item) and not _VERBISH.search(item) and item.lower() not in ("the", "a"):
        return 1
    return 0


# "On March 18, 1977 the president was assassinated", "clashes in 2011 left 12 dead": a year, not a
# toll; blanked (offsets kept) before any count is read, unless a counted noun follows it.
_YEAR = re.compile(
    r"(?<![\d,.])\b(?:18|19|20)\d\d\b(?![,.]?\d)(?!\s+(?:people|persons|civilians|protesters|demonstrators"
    r"|soldiers|others|dead|killed|injured|wounded|were|have|had)\b)"
)


_FOUR_DIGITS = re.compile(r"\d\d\d\d")


# "June 2", "2 June", "Sept. 14": a day of the month (a wire dateline), not a toll.
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = re.compile(
    r"\b"
    + _MONTHS
    + r" (\d{1,2})(?:st|nd|rd|th)?\b(?!\s+(?:people|persons|civilians|others|dead|killed|injured"
    r"|wounded|were)\b)|\b(\d{1,2})(?:st|nd|rd|th)? " + _MONTHS + r"(?![a-z])"
)


_DIGIT = re.compile(r"\d")


def _blank_day(m: re.Match[str]) -> str:
    group = 1 if m.group(1) is not None else 2
    start, end = m.span(group)
    text = m.group(0)
    return text[: start - m.start()] + " " * (end - start) + text[end - m.start() :]


def _blank_years(text: str) -> str:
    if _FOUR_DIGITS.search(text):
        text = _YEAR.sub(lambda m: " " * len(m.group(0)), text)
    return _DAY.sub(_blank_day, text) if _DIGIT.search(text) else text


# "Hospital officials said nine people were killed; the organisers said 14 died": two sources'
# figures for one toll, each clause attributed; the lowest is the count (TAXONOMY), not their sum.
_ATTRIBUTED = re.compile(r"\b(?:said|says|put the (?:death )?toll at|according to|reported)\b", re.IGNORECASE)


def _lowest(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def sentence_counts(sentence: str) -> tuple[int | None, int | None]:
    if ";" in sentence:
        clauses = sentence.split(";")
        if len(clauses) == 2 and all(_ATTRIBUTED.search(c) for c in clauses):
            (k1, i1), (k2, i2) = (_clause_counts(c) for c in clauses)
            return _lowest(k1, k2), _lowest(i1, i2)
    return _clause_counts(sentence)


def _clause_counts(sentence: str) -> tuple[int | None, int | None]:
    lower = sentence.lower()
    if not _ANY_STEM.search(lower) or _ROLL_UP.search(lower):
        return None, None
    if "(" in sentence or "including" in lower or " of them" in lower or " of whom" in lower:
        sentence = _ASIDE.sub("", sentence)
        lower = sentence.lower()
    pats = _LOWER  # sentences come from `text.build_document`: lower() keeps their offsets
    text = _blank_years(lower)
    totals: dict[str, int | None] = {"killed": None, "injured": None}
    used: list[tuple[int, int]] = []

    def add(kind: str, value: int, span: tuple[int, int]) -> None:
        if any(span[0] < e and s < span[1] for s, e in used):
            return
        used.append(span)
        totals[kind] = (totals[kind] or 0) + value

    for m in pats[_AND_OTHERS].finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            add(_kind(m.group("verb")), value, m.span("num"))
    for m in pats[_AFTER].finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            add(_kind(m.group("verb")), value, (m.start("verb"), m.end("num")))
    for m in pats[_BEFORE].finditer(text):
        value = parse_number(m.group("num"))
        if value is not None and _agents(text, m):
            continue
        if _NO_ONE_BEFORE.search(text, 0, m.start("num")):
            continue
        if value is not None:
            value += _conjoined(sentence[: m.start()])
            add(_kind(m.group("kind")), value, (m.start("num"), m.end("kind")))
    for m in pats[_SINGLE_PASSIVE].finditer(text):
        plural = m.group("aux").lower() in ("were", "have been") or text[: m.start()].endswith(
            ("couple ", "pair ")
        )
        if _NO_ONE_BEFORE.search(text, 0, m.start()):
            continue
        kind = m.group("kind")
        what = "killed" if kind.endswith("death") else _kind(kind.split()[-1])
        add(what, 2 if plural else 1, m.span("kind"))
    for m in pats[_SINGLE_ACTIVE].finditer(text):
        if m.group("det") is None and not sentence[m.end() : m.end() + 1].isupper():
            continue  # neither "the/a/his ..." nor a capitalised name: not a victim
        add(_kind(m.group("kind").split()[-1]), 1, m.span("kind"))
    if "died" in text or "succumbed" in text:  # before trying every "a"/"the" of the sentence
        for m in pats[_ONE_DIED].finditer(text):
            add("killed", 1, m.span())
        for m in _NAMED_AGE_DIED.finditer(sentence):
            add("killed", 1, m.span())
        for m in _NAMED_DIED.finditer(sentence):
            add("killed", 1, m.span())
    if totals["killed"] is None and pats[_NONE_KILLED].search(text):
        totals["killed"] = 0
    if totals["injured"] is None and pats[_NONE_HURT].search(text):
        totals["injured"] = 0
    toll = pats[_DEATH_TOLL].search(text)
    if toll is not None:
        value = parse_number(toll.group("num"))
        if value is not None and value > (totals["killed"] or 0):
            totals["killed"] = value
    hurt = listed_victims(sentence, _HURT_LIST_START)
    if hurt is not None and hurt > (totals["injured"] or 0):
        totals["injured"] = hurt
    listed = listed_victims(sentence)
    if listed is not None and listed > (totals["killed"] or 0):
        totals["killed"] = listed
    for m in pats[_ALONG_WITH].finditer(text):
        more, _ = _list_total(sentence[m.end() :])
        if more:
            totals["killed"] = (totals["killed"] or 1) + more
    perpetrators = pats[_PERPETRATOR_TOO].search(text)
    if totals["killed"] is not None and perpetrators is not None:
        # "the assailants": at least two, the lowest figure the words allow.
        totals["killed"] += 2 if perpetrators.group("plural") else 1
    return totals["killed"], totals["injured"]


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


# "Four attackers were also killed": deaths a later sentence adds to the toll told before.
_ALSO_KILLED = re.compile(r"\b(?:were|was) also (?:killed|shot dead|slain)\b|\balso died\b", re.I)


# "Two bodyguards were killed and five passers-by wounded ... Haddad was lightly hurt": the count is
# of a group the person hurt in a sentence of their own is not part of, so that person adds one.
_OTHER_PEOPLE = (
    r"(?:[\w-]+\s+){0,2}(?:bodyguards|guards|passers-by|passersby|bystanders|aides|officers|policemen"
    r"|soldiers|civilians|others|staff|drivers|pedestrians)\b"
)
_OTHERS_HURT = re.compile(
    r"\b(?:" + NUMBER_PATTERN + r")\s+" + _OTHER_PEOPLE + r"[^.;]{0,30}?\b(?:wounded|injured|hurt)\b"
    r"|\b(?:wounding|injuring|wounded|injured)\s+(?:" + NUMBER_PATTERN + r")\s+" + _OTHER_PEOPLE,
    re.IGNORECASE,
)
_ONE_HURT = re.compile(
    r"^(?:[A-Z][\w'\u2019-]+|(?:He|She))(?:, [^,]{1,80},)? (?:was|had been) (?:\w+ly )?"
    r"(?:hurt|wounded|injured)\b"
)
# "survived the attack with arm wounds", "survived with minor injuries": hurt, not unharmed.
SURVIVED_HURT = re.compile(
    r"\bsurviv(?:ed|es)\b[^.;]{0,60}?\bwith (?:[\w-]+ ){0,3}?(?:wounds?|injur(?:y|ies)|cuts|burns|bruises)\b",
    re.IGNORECASE,
)


def _one_hurt(sentence: str, injured: int | None) -> bool:
    """The sentence tells one person hurt, and no count of its own beyond that one."""
    if (injured or 0) > 1:
        return False
    return (injured == 1 and bool(_ONE_HURT.match(sentence))) or bool(SURVIVED_HURT.search(sentence))


# The text says its sources' tolls differ ("gave sharply different accounts of how many people died",
# "neither toll could be independently verified"): each source's figure is a claim, and the lowest is
# the count (TAXONOMY), where otherwise a later, larger figure is the toll's update.
DISPUTED_TOLL = re.compile(
    r"\b(?:different|differing|conflicting|contradictory|competing|disputed|widely varying) (?:accounts"
    r"|tolls|death tolls|figures|casualty figures|numbers|versions)\b"
    r"|\b(?:neither|none of the) (?:toll|figure|account)s? (?:could|can) be (?:independently )?(?:verified"
    r"|confirmed)\b|\btolls? (?:differ|differed|varied|vary)\b",
    re.IGNORECASE,
)
# "the toll rose to 11", "later died": a figure that updates the last one, whoever gives it.
_UPDATE = re.compile(r"\b(?:rose|risen|rising|climbed|increased|now stands|later died|since died)\b", re.I)


def count_casualties(sentences: Iterable[str], *, disputed: bool = False) -> Casualties:
    """The event's toll: the largest figures its own sentences give (a sentence recalling another
    event or a year's tally, `context.elsewhere`, is not this event's count); where the text says
    its sources' figures differ (`disputed`), the lowest of the attributed ones."""
    killed: int | None = None
    injured: int | None = None
    injured_from = ""  # the sentence the injured figure is from
    alone = False  # a sentence of its own tells one named person hurt
    for sentence in own(list(sentences)):
        if sentence.rstrip(" \"'\u201d\u2019").endswith("?"):
            continue  # a question reports no toll: "We asked one question: who killed Nadia?"
        k, i = sentence_counts(sentence)
        claim = disputed and _ATTRIBUTED.search(sentence) is not None and not _UPDATE.search(sentence)
        if k is not None and killed is not None and _ALSO_KILLED.search(sentence):
            killed += k
        else:
            killed = _lowest(killed, k) if claim else _max(killed, k)
        if claim and i is not None:
            injured, injured_from = _lowest(injured, i), sentence
        elif i is not None and (injured is None or i > injured):
            injured, injured_from = i, sentence
        alone = alone or _one_hurt(sentence, i)
    if alone and injured is not None and injured > 1 and _OTHERS_HURT.search(injured_from):
        injured += 1
    return Casualties(killed=killed, injured=injured)


# "killing two civilians, two guards and the bomber": every listed victim counts. Each item is
# a number and its noun, or one person ("the driver", "his son", "Ahmed Ali", "him").
_LIST_START = re.compile(
    r"\b(?:killing|killed|kills|claimed the lives of|shot dead|gunned down)\s+", re.IGNORECASE
)
# "seriously wounding him and his driver": the same list after a verb of injury.
_HURT_LIST_START = re.compile(r"\b(?:wounding|injuring|wounded|injured)\s+", re.IGNORECASE)
# A list item is a short noun phrase; a long one is the next clause ("killed one of his staff, the
# mayor of the city told reporters ..."), which ends the list.
MAX_ITEM_WORDS = 10
_SPEECH = re.compile(r"\b(?:said|says|say|told|reported|according|added|confirmed|stated)\b", re.I)
_LIST_END = re.compile(
    r"[.;:()]|\s(?:while|when|as|in|at|on|after|before|during|near|inside|outside|with|and (?:wound|injur"
    r"|left|destroy|damag)\w*|wound\w*|injur\w*)\b",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"^(?:at least\s+|another\s+|some\s+)?(" + NUMBER_PATTERN + r")\b", re.IGNORECASE)
_ITEM_ONE = re.compile(
    r"^(?:(?:the|his|her|their|its|a|an|one)\s+\w|him\b|her\b|[A-Z]\w|(?:al|el|bin|ibn|de|van|von)[- ][A-Z])"
)
# A name right after a one-person item and between commas is that person, in apposition: "killing its
# driver, Sergeant Luka Brenn, and the police escort" lists two people, not three. (Not the mirror,
# a description after a name, "killed X, the ruler of Y, and his son": on the development set's
# check half that lost a count it had right.)
_APPOSED_NAME = re.compile(r"^(?:[A-Z][\w'\u2019.-]+\s+){0,3}[A-Z][\w'\u2019.-]+$")
_ONE_ROLE = re.compile(r"^(?:the|his|her|their|its|a|an)\s+(?!\d)[\w'\u2019-]")


def _apposed(items: list[str], k: int, span: str) -> bool:
    item = items[k]
    return f"{item}," in span and bool(_APPOSED_NAME.match(item) and _ONE_ROLE.match(items[k - 1]))


def _list_total(rest: str) -> tuple[int, int]:
    """(people, items) of the list of victims that `rest` starts with."""
    end = _LIST_END.search(rest)
    span = rest[: end.start() if end else len(rest)]
    items = [i for i in _ITEM_SPLIT.split(span) if i]
    total = count = 0
    for k, item in enumerate(items):
        if len(item.split()) > MAX_ITEM_WORDS or _SPEECH.search(item):
            break
        if k and _apposed(items, k, span):
            continue
        number = _ITEM_NUMBER.match(item)
        value = parse_number(number.group(1)) if number else None
        if value is None and _ITEM_ONE.match(item):
            value = 1
        if value is None:
            break
        total, count = total + value, count + 1
    return total, count


def listed_victims(sentence: str, start: re.Pattern[str] = _LIST_START) -> int | None:
    """Sum of a list of victims after a killing verb (or `start`), when it lists two or more items."""
    best: int | None = None
    for m in start.finditer(sentence):
        total, count = _list_total(sentence[m.end() :])
        if count >= 2:
            best = max(best or 0, total)
    return best


# Terrorism databases (GTD) count the attackers who die: a suicide attack kills its bombers. Counted
# once per event, only when no sentence already accounts for them ("in addition to the bomber",
# "including the attacker", "the bomber and four guards were killed").
_SUICIDE = re.compile(
    r"\b(?:(?P<num>" + NUMBER_PATTERN + r")\s+)?suicide (?:car |truck )?(?:bombers?|attackers?|assailants?)\b"
    r"(?![^.]{0,60}\b(?:arrested|detained|captured|caught|intercepted|failed to detonate|was shot before))",
    re.IGNORECASE,
)
# A bomber stopped before the blast did not die in it.
_CAUGHT = re.compile(
    r"\b(?:would-be|arrested|detained|captured|caught|intercepted|foiled|thwarted|failed to detonate)\b",
    re.IGNORECASE,
)
_BLEW_UP = re.compile(r"\bblew (?:himself|herself|themselves) up\b", re.IGNORECASE)
_ATTACKER_COUNTED = re.compile(
    r"\b(?:in addition to|including|besides|along with|apart from) (?:the |two |both )?(?:suicide )?"
    r"(?:bombers?|attackers?|assailants?|perpetrators?|militants?)\b"
    r"|\b(?:the |a )?(?:suicide )?(?:bombers?|attackers?|assailants?|militants?|perpetrators?) (?:and|,)"
    r"[^.]{0,60}\b(?:were|was) killed\b|\b(?:bombers?|attackers?|assailants?|perpetrators?) (?:was|were)"
    r" (?:also )?killed\b|\bkilling (?:himself|herself|themselves)\b"
    r"|\b(?:killed|killing|shot dead)\s+(?:\w+\s+of\s+)?(?:the\s+)?(?:suicide\s+)?(?:bombers?|attackers?"
    r"|assailants?|militants?|perpetrators?)\b",
    re.IGNORECASE,
)


# A coder's total is the count as coded, whoever it includes: "... killing the sheikh, two of his
# sons and a guard. Fatalities: 4." (no suicide attacker is added to it)
CODED_TOTAL = re.compile(r"\bfatalities\s*:\s*\d+", re.IGNORECASE)


def suicide_attackers(sentences: Iterable[str]) -> int:
    """Suicide attackers who died carrying out the attack and are not yet in any count."""
    sentences = list(sentences)
    # Without "suicide" or "blew" nothing can be counted, whatever else the sentences say; the
    # patterns (a number alternation tried at every position) are skipped with a C-speed test.
    if not any("suicide" in s.lower() or "blew" in s.lower() for s in sentences):
        return 0
    count = 0
    for sentence in sentences:
        if _ATTACKER_COUNTED.search(sentence):
            return 0
        if _CAUGHT.search(sentence):
            continue
        for m in _SUICIDE.finditer(sentence):
            value = parse_number(m.group("num")) if m.group("num") else 1
            count = max(count, value or 1)
        if not count and _BLEW_UP.search(sentence):
            count = 1
    return count
