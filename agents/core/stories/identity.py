"""Who and where, normalised so that one event's reports compare equal across outlets.

"Prime Minister Mustafa al-Kadhimi", "Al-Kadhimi" and "Mustafa Al Kadhimi" are one person;
"José Núñez" and "Jose Nunez" too; "Governor Amina Bello-Okafor" and "Gov. Amina Bello Okafor" too.
Names are folded (diacritics, case, hyphens, titles, Arabic article prefixes) and compared with
rapidfuzz on their tokens. Places compare through the gazetteer's hierarchy: a district or a
country is compatible with any city of its country; two different cities are not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from rapidfuzz import fuzz

from agents.core.detector.places import gazetteer
from agents.core.models import Place

TITLES = frozenset(
    (
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sir",
        "dame",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "gov",
        "rep",
        "sen",
        "hon",
        "rev",
        "sheikh",
        "imam",
        "pastor",
        "president",
        "vice",
        "prime",
        "minister",
        "deputy",
        "governor",
        "mayor",
        "judge",
        "justice",
        "senator",
        "lawmaker",
        "mp",
        "chief",
        "general",
        "colonel",
        "commander",
        "officer",
        "police",
        "army",
        "minister's",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "state",
        "regional",
        "district",
        "provincial",
        "former",
        "late",
        "acting",
        "interior",
        "defence",
        "defense",
        "foreign",
        "finance",
        "opposition",
        "leader",
        "activist",
        "journalist",
        "editor",
        "reporter",
        "lawyer",
        "candidate",
        "speaker",
        "ambassador",
    )
)
_ARTICLE_PREFIX = re.compile(r"\b(?:al|el|ul|ad|ar|as|at|az|an|ash)[-\s](?=\w)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
SAME_PERSON_MIN = 88  # token ratio at or above which two folded names are one person


def fold(text: str) -> str:
    """Lower case, no diacritics, no punctuation: 'Núñez-Ávila' -> 'nunez avila'."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u0130", "I"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", plain.lower()).strip()


def name_tokens(name: str | None) -> tuple[str, ...]:
    """The personal name's tokens: titles and Arabic article prefixes dropped ('al-Kadhimi' -> kadhimi)."""
    if not name:
        return ()
    folded = _ARTICLE_PREFIX.sub("", fold(name.replace("-", " - ")).replace(" - ", " "))
    folded = _ARTICLE_PREFIX.sub("", " ".join(folded.split()))
    return tuple(t for t in folded.split() if t not in TITLES and len(t) > 1)


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name's tokens within the other's (a surname alone, a full name), or a close spelling."""
    if not a or not b:
        return False
    if set(a) <= set(b) or set(b) <= set(a):
        return True
    if a[-1] == b[-1] and len(a[-1]) > 3:
        return True  # the same surname with different given names or initials
    return fuzz.token_sort_ratio(" ".join(a), " ".join(b)) >= SAME_PERSON_MIN


ROLE_SYNONYMS = {"reporter": "journalist", "editor": "journalist", "premier": "prime", "lawmaker": "mp"}


def role_key(role: str | None) -> str:
    """The role's head word ('Kano State Governor' -> 'governor'), for targets named only by role."""
    words = [w for w in fold(role or "").split() if w in TITLES]
    heads = [w for w in words if w not in {"state", "regional", "district", "provincial", "former", "acting"}]
    return ROLE_SYNONYMS.get(heads[-1], heads[-1]) if heads else ""


def main_city(places: Iterable[Place], country: str | None = None) -> set[str]:
    """Where the report places the event: the first place the gazetteer knows as a city (places
    come in reading order; a city named later is often a statement's or a comparison's). Empty when
    the report says only a district or the country. With `country`, only its cities count."""
    for p in places:
        entry = gazetteer().get(p.name.lower())
        # A "city" abroad in a report filed under this country is more often a misread surname.
        if entry is not None and entry.kind == "city" and (country is None or entry.country_code == country):
            return {fold(entry.name)}
    return set()


def places_compatible(a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    """Two reports' city sets: compatible unless both name cities and share none."""
    return not a or not b or bool(a & b)
