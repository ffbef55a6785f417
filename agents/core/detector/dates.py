"""The date an event happened, when its evidence gives one in full or in part.

Only explicit calendar dates are read ("6 October 1981", "October 6, 1981", "on 2019-03-04",
"in March 1968", "in 1983"); relative ones ("on Tuesday", "last week") need the article's
publication date, which the detector does not see. A month or a year alone gives the first day
of that month or year: enough for the worker to tell a feature about 1981 from today's news.
The first date in the evidence wins (the lead tells when; later sentences add context).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

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


def event_date(sentences: Sequence[str]) -> date | None:
    """The first explicit date in the sentences, most precise pattern first within a sentence."""
    for sentence in sentences:
        if _DIGIT.search(sentence) is None:
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
    return None
