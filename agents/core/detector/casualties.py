"""Casualty counts from an event's own evidence sentences.

Within one sentence distinct mentions add up ("two guards were killed and a third injured");
across sentences the largest figure wins, because articles repeat their totals ("killed five"
in the lede, "five people died" later). Vague words follow ACLED (several = 3, dozens = 12).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agents.core.detector.numbers import NUMBER_PATTERN, parse_number
from agents.core.models import Casualties

_KILL = r"(?:killed|dead|died|slain|murdered|assassinated|shot dead|perished|fatalit(?:y|ies)|deaths|bodies"
_KILL += r"|lost (?:their|his|her) lives|gunned down|beheaded|lynched)"
_HURT = r"(?:injured|wounded|hurt|injuries|hospitali[sz]ed|injuring|wounding|maimed)"
_QUALIFIER = (
    r"(?:(?:at least|about|around|some|up to|more than|over|nearly|almost|roughly|approximately|another)\s+)?"
)
_STOP_WORDS = (
    r"and|but|while|when|after|as|which|who|including|killing|killed|injuring|wounding|wounded|injured|dead"
)
_GAP = r"(?:\s+(?!(?:" + _STOP_WORDS + r")\b)[\w'\u2019.-]+){0,6}?"
_AUX = r"(?:\s+(?:were|was|have been|had been|are|is|got|been|being|reportedly|also|later|allegedly|all|left|"
_AUX += r"were reportedly|had|have))*"

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
    r"\b(?P<verb>killing|killed|kills|injuring|wounding|injured|wounded|claimed the lives of)\s+"
    + _QUALIFIER
    + r"(?P<num>"
    + NUMBER_PATTERN
    + r")\b(?!\s*(?:am|pm|km|years?|%|percent|times|hours|minutes|days)\b)",
    re.IGNORECASE,
)
# "... killed the bomber and seven others": the listed others come on top of the named victim.
_AND_OTHERS = re.compile(
    r"\b(?P<verb>killing|killed|injuring|wounding|injured|wounded)\b[^.;]{0,60}?\band\s+(?P<num>"
    + NUMBER_PATTERN
    + r")\s+others?\b(?!\s+(?:were|was|have|had|are)\b)",
    re.IGNORECASE,
)
# Singular or unnumbered victims: "the mayor was shot dead", "shot and killed a judge".
_SINGLE_PASSIVE = re.compile(
    r"\b(?P<aux>was|has been|had been|were|have been)\s+(?:\w+ly\s+)?(?:shot and\s+)?(?P<kind>shot dead"
    r"|killed"
    r"|assassinated|murdered|slain|gunned down|injured|wounded|hurt|stabbed to death)\b",
    re.IGNORECASE,
)
# The victim is a determiner phrase or a capitalised name; the capital is checked on the original
# text (`_is_named`) so the pattern itself can run on lower-cased text.
_SINGLE_ACTIVE = re.compile(
    r"\b(?P<kind>shot and killed|stabbed and killed|killed|assassinated|murdered|shot dead|gunned down"
    r"|shot and (?:injured|wounded)|stabbed and (?:injured|wounded)|injuring|wounding|wounded|injured)"
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
    r"\bno (?:one|body) (?:was|were) (?:injured|hurt)|\bno (?:reported )?(?:casualties|injuries)\b"
    r"|\b(?:did not|didn't) cause any (?:injuries|casualties)\b",
    re.IGNORECASE,
)
# Terrorism databases count the perpetrators who die; a suicide attack kills its bomber.
_PERPETRATOR_TOO = re.compile(
    r"\bin addition to the (?:suicide )?(?:bomber|assailant|attacker|perpetrator)s?\b", re.I
)
_IS_KILL = re.compile(_KILL, re.IGNORECASE)
# Every pattern above needs one of these stems; a sentence without any reports no casualties.
# No leading \b, so `re` scans for the stems' first letters in C instead of trying every position.
_ANY_STEM = re.compile(
    r"kill|dead|died|death|slain|murder|assassin|perish|fatal|bodies|lives|gunned|behead|lynch|injur"
    r"|wound|hurt|hospital|maim|casualt|harm|stabbed"
)
_PATTERNS = (_AND_OTHERS, _AFTER, _BEFORE, _SINGLE_PASSIVE, _SINGLE_ACTIVE, _NONE_KILLED, _NONE_HURT)
# The same patterns without IGNORECASE, for lower-cased text: several times faster in `re`.
_LOWER = {p: re.compile(p.pattern) for p in (*_PATTERNS, _PERPETRATOR_TOO)}


def _kind(word: str) -> str:
    return (
        "killed"
        if _IS_KILL.fullmatch(word.lower()) or word.lower().startswith(("kill", "claimed"))
        else "injured"
    )


def sentence_counts(sentence: str) -> tuple[int | None, int | None]:
    lower = sentence.lower()
    if not _ANY_STEM.search(lower):
        return None, None
    if len(lower) == len(sentence):
        text, pats = lower, _LOWER
    else:  # rare scripts where lower() moves offsets: match the original case-insensitively
        text, pats = sentence, {p: p for p in _LOWER}
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
            add(_kind(m.group("verb")), value, (m.start("num"), m.end("num")))
    for m in pats[_BEFORE].finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            add(_kind(m.group("kind")), value, (m.start("num"), m.end("kind")))
    for m in pats[_SINGLE_PASSIVE].finditer(text):
        plural = m.group("aux").lower() in ("were", "have been")
        add(_kind(m.group("kind").split()[-1]), 2 if plural else 1, m.span("kind"))
    for m in pats[_SINGLE_ACTIVE].finditer(text):
        if m.group("det") is None and not sentence[m.end() : m.end() + 1].isupper():
            continue  # neither "the/a/his ..." nor a capitalised name: not a victim
        add(_kind(m.group("kind").split()[-1]), 1, m.span("kind"))
    if totals["killed"] is None and pats[_NONE_KILLED].search(text):
        totals["killed"] = 0
    if totals["injured"] is None and pats[_NONE_HURT].search(text):
        totals["injured"] = 0
    if totals["killed"] is not None and pats[_PERPETRATOR_TOO].search(text):
        totals["killed"] += 1
    return totals["killed"], totals["injured"]


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def count_casualties(sentences: Iterable[str]) -> Casualties:
    killed: int | None = None
    injured: int | None = None
    for sentence in sentences:
        k, i = sentence_counts(sentence)
        killed, injured = _max(killed, k), _max(injured, i)
    return Casualties(killed=killed, injured=injured)
