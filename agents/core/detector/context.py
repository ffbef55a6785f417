"""Sentences that tell another event than the one the article narrates.

A report of one attack often recalls others: "The shooting came hours after gunmen ambushed the
governor's convoy", "More than a dozen people have been killed in protests this year", "The unrest
was unrelated to protests in the capital". Such a sentence may be evidence of the type (it names the
act) but its victim, toll and place are another event's: the target, casualties and places of the
event are read from the other sentences (`own`), so a story is not keyed on a background person and
its toll does not stick at a year's total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# Another event, placed against this one: before or after it, separate from it, elsewhere.
_OTHER_EVENT = (
    r"\b(?:came|comes|happened|occurred|followed)\s+(?:\w+\s+){0,3}?(?:after|before)\b"
    r"|\b(?:in|from) (?:a|an) (?:separate|unrelated|earlier|previous|similar) (?:\w+ )?(?:attack|incident"
    r"|shooting|bombing|ambush|assault|clash(?:es)?|protests?)\b"
    r"|\bin another (?:part|district|area|neighbourhood|neighborhood|town|city|province|region) of\b"
    r"|\b(?:unrelated|not (?:related|linked|connected)) to\b"
)
# A total over a span of time ("this year", "since January", "in recent months"): not this event's.
_ROLL_UP = (
    r"\b(?:so far )?this year\b|\blast year\b|\bsince (?:" + _MONTHS + r"|the (?:start|beginning) of)\b"
    r"|\bin recent (?:weeks|months|years)\b"
    r"|\b(?:over|in) the (?:past|last) (?:\w+ )?(?:weeks|months|years|decade)\b"
)
# A tally is told in the perfect ("have been killed") or spread over places ("across the country");
# "the mayor, elected last year, was shot" is this event told with a date in passing.
_TALLY = re.compile(r"\bhave (?:been|died)\b|\bacross\b")
# "the deadliest attack this year": a comparison that still tells this event.
_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|most serious)\b")
_OTHER = re.compile(_OTHER_EVENT)
_SPAN = re.compile(_ROLL_UP)


@lru_cache(maxsize=1024)  # asked of the same sentences by the target, toll and place readers
def elsewhere(sentence: str) -> bool:
    """The sentence tells another event, or a tally over many, rather than the narrated one."""
    lower = sentence.lower()
    if _SUPERLATIVE.search(lower):
        return False
    return bool(_OTHER.search(lower) or (_SPAN.search(lower) and _TALLY.search(lower)))


def own(sentences: Sequence[str]) -> list[str]:
    """The sentences that tell the narrated event; all of them when every one looks elsewhere (a
    short report may place its only mention against an earlier one)."""
    kept = [s for s in sentences if not elsewhere(s)]
    return kept or list(sentences)
