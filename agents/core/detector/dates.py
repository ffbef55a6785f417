"""The date an event happened, when its evidence gives one in full or in part.

Explicit calendar dates ("6 October 1981", "October 6, 1981", "on 2019-03-04", "in March 1968",
"in 1983") are read as written; a month or a year alone gives the first day of that month or year:
enough for the worker to tell a feature about 1981 from today's news. Relative dates are resolved
against the article's publication time when it is known (`published`, passed in: the core reads
no clock): "today", "this morning", "tonight" are that day; "yesterday", "last night" the day
before; "N days ago" N days before; a weekday ("on Tuesday", "last Tuesday", "Tuesday night") the
latest such day on or before publication (a report published on a Tuesday that says "on Tuesday"
means that day), as news copy uses them. "Last week" is too vague to date. In each sentence an
explicit date wins over a relative one; the first sentence of the evidence that gives any date
wins (the lead tells when; later sentences add context).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# Capitalised month names only: "may" and "march" are common words in lower case.
_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"\b" + _DAY + r" (?i:" + _MONTH + r"),? " + _YEAR + r"\b",
        r"\b(?i:" + _MONTH + r") " + _DAY + r",? " + _YEAR + r"\b",
        r"\b(?P<year>1[89]\d\d|20\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b",
        r"\b(?i:in|of|since|during|by) (?i:early |late |mid-)?(?i:" + _MONTH + r"),? " + _YEAR + r"\b",
        r"\b(?i:in|of|during) (?i:early |late |mid-)?" + _YEAR + r"\b(?!s|-)",
    )
)
_CAPITAL = re.compile(r"[A-Z]")
_DIGIT = re.compile(r"\d")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAYS = "|".join(_WEEKDAYS)
# Capitalised weekdays after a time preposition or before a part of the day only: "Bloody Sunday"
# and "the Sunday Times" are names, not dates.
_RELATIVE = re.compile(
    r"\b(?:[Oo]n|[Ll]ast|[Tt]his|[Ss]ince|[Ll]ate|[Ee]arly|[Bb]y|[Uu]ntil) (?:(?:late|early) on )?"
    r"(?P<weekday>" + _DAYS + r")\b|\b(?P<weekday_part>" + _DAYS + r") (?:night|morning|evening|afternoon)\b"
    r"|\b(?P<today>[Tt]oday|[Tt]his (?:morning|afternoon|evening)|[Tt]onight|[Ee]arlier today)\b"
    r"|\b(?P<yesterday>[Yy]esterday|[Ll]ast night|overnight)\b"
    r"|\b(?P<ago>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) days ago\b"
)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def relative_date(sentence: str, published: date) -> date | None:
    """The first relative date of the sentence, resolved against the publication day."""
    m = _RELATIVE.search(sentence)
    if m is None:
        return None
    if m.group("today"):
        return published
    if m.group("yesterday"):
        return published - timedelta(days=1)
    if m.group("ago"):
        word = m.group("ago").lower()
        return published - timedelta(days=int(word) if word.isdigit() else _SMALL[word])
    weekday = _WEEKDAYS.index(m.group("weekday") or m.group("weekday_part"))
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _build(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    month_name = groups.get("month")
    if month_name is not None and not _CAPITAL.match(month_name):
        return None
    year = int(groups["year"])
    if groups.get("mnum"):
        month = int(groups["mnum"])
    elif month_name is not None:
        month = _MONTHS[month_name.lower()]
    else:
        month = 1
    day = int(groups["day"]) if groups.get("day") else 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_of(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()  # the publisher's own calendar day, as its copy counts days
    return published


def event_date(sentences: Sequence[str], published: date | datetime | None = None) -> date | None:
    """The first date in the sentences: per sentence the most precise explicit pattern first, then
    (with a publication time) a relative date."""
    day = _day_of(published)
    for sentence in sentences:
        if _DIGIT.search(sentence) is None:
            if day is not None and (found := relative_date(sentence, day)) is not None:
                return found
            continue
        best: tuple[int, int, date] | None = None
        for rank, pattern in enumerate(_PATTERNS):
            for m in pattern.finditer(sentence):
                found = _build(m)
                if found is not None and (best is None or (rank, m.start()) < best[:2]):
                    best = (rank, m.start(), found)
                    break
        if best is not None:
            return best[2]
        if day is not None and (found := relative_date(sentence, day)) is not None:
            return found
    return None
