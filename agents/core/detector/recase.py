"""Upper-case wire copy ("HASSAN LORAN WAS SHOT DEAD BY TWO GUNMEN ...") gets ordinary case back.

Every cue is matched on lower-cased text, but names are found by their capitals (`coref._NAME_RE`,
`entities`, `places`): in a sentence written all in capitals each word looks like a name, or none
does. A shouting sentence is therefore recased: common English words, and every word the taxonomy's
own patterns spell out, in lower case; the other words (names, places) capitalised; the sentence's
first letter capitalised. Lengths are unchanged, so offsets stay valid.
"""

from __future__ import annotations

import re
from functools import cache

import agents.core.detector.taxonomy as taxonomy

# Frequent English words that no pattern spells out and that must not pass for names.
_COMMON = """
a about above across after afternoon again against ago all along already also although always am
among an and another any are area around as at away back be because been before began behind
being below beside between both but by called came can car cars city close could country day days
did died do does down during each early east either end even evening ever every family far few
first for four from front full gave get go going gone good government had half has have he her
here him his home hospital hours house how however i if in including inside into is it its just
last late later least left less like local long made main make man many may me men might more
morning most much must my near never new next night nine no nor north not now of off office old
on once one only or other others our out outside over own part past people place prayers put
range rather recent region road said same say says school second seven several she should since
six so some south spokesman still street such ten than that the their them then there these they
third this those three through time to told too toward town two under until up upon us used very
via waiting was way we week weeks well went were west what when where which while who whom whose
why will with within without witnesses would year years yet you
"""
# Always capitalised: a date's month and weekday (the patterns spell them in lower case).
_PROPER = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_SHOUT_MIN_LETTERS = 20


@cache
def common_words() -> frozenset[str]:
    """The words never capitalised: the list above and every word the taxonomy's patterns spell."""
    words = set(_COMMON.split())
    sources: list[str] = []
    for value in vars(taxonomy).values():
        if isinstance(value, str):
            sources.append(value)
        elif isinstance(value, tuple):
            sources.extend(v for v in value if isinstance(v, str))
        elif isinstance(value, dict):
            sources.extend(v for v in value.values() if isinstance(v, str))
    for source in sources:
        # letters between regex syntax: "(?:shot|killed)" -> shot, killed ("\b" is no word)
        for w in re.findall(r"(?<![\\?])[a-z]{3,}", source):
            words.add(w)
            if w.endswith("s"):
                words.add(w[:-1])  # "judges?" spells "judge" too
    return frozenset(words - _PROPER)


# Ordinary text has three lower-case words within its first few: found at once, in C.
_LOWER_WORDS = re.compile(r"[a-z]{3}.*?[a-z]{3}.*?[a-z]{3}", re.S)


def is_shouting(sentence: str) -> bool:
    if _LOWER_WORDS.search(sentence) is not None:
        return False
    letters = [c for c in sentence if c.isalpha()]
    if len(letters) < _SHOUT_MIN_LETTERS:
        return False
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def recase(sentence: str) -> str:
    """`sentence` in ordinary case if it is written in capitals; unchanged otherwise."""
    if not is_shouting(sentence):
        return sentence
    common = common_words()

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        lower = w.lower()
        base = re.sub(r"['\u2019]s$", "", lower)
        return lower if base in common or lower in common else w[:1] + lower[1:]

    out = _WORD.sub(word, sentence)
    first = next((i for i, c in enumerate(out) if c.isalpha()), None)
    if first is not None:
        out = out[:first] + out[first].upper() + out[first + 1 :]
    return out
