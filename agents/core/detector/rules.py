"""The generic rule engine: reads `EventSpec`s, finds the sentences that raise each type.

Python's `re` pays ~20 ns per character per pattern however simple the pattern, so the cost is
the number of patterns times the text they scan. One combined *anchor* pass over the whole
article finds the few sentences that could raise any type; every other pattern (the rest of
the cues, blockers, roles, continuations) runs lazily, per sentence, only where an event could
be, on that sentence's masked lower-case text (computed once and cached).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import agents.core.detector.taxonomy as taxonomy
from agents.core.detector.coref import (
    COREF_REACH,
    FIRST_NAME_BEFORE,
    LEAD_SENTENCES,
    NOT_A_FIRST_NAME,
    PERPETRATOR,
    VICTIM_REF,
    RoleHit,
    named_in,
    named_role,
    shares_name,
    subject_names,
    subject_role,
    victim_surnames,
)
from agents.core.detector.mentions import CROWD_CLAUSE_BREAK, bound, object_of_act, victim_bound
from agents.core.detector.scan import AnchoredPattern, anchored, derive_starts
from agents.core.detector.taxonomy import (
    MASKS,
    NEWS_TIME,
    ROLE_TIERS,
    SOURCE_AFTER_ROLE,
    SOURCE_BEFORE_ROLE,
    EventSpec,
)
from agents.core.detector.text import Document

TARGET_GROUP = "@target"
_FLAGS = re.IGNORECASE
_NEWS_TIME = re.compile(NEWS_TIME)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
# Time told from the writer's now, which no encyclopedia uses: an opinion piece or a feature that
# opens "when the senator was stabbed last month" is current writing, as a dated report is.
_NOW_RELATIVE = re.compile(
    r"\b(?:last (?:week|month)|(?:days|weeks|months) ago|(?:this|next) (?:week|month)"
    r"|earlier this (?:week|month|year))\b"
)
# A year that dates the sentence's event: an opening time adverbial ("In 2015, police killed ..."),
# "in 1994, when ...", "the 2012 riots", or the act followed by its year ("was assassinated in 1994").
_EVENT_YEAR = re.compile(
    r"^\W*(?:[A-Z][\w ,()-]{0,60}?(?:--|\u2013|\u2014| - ))?"
    r"(?:in|by|during|until|from|after|before|between)"
    r"\s+(?:(?:early|late|mid-?|the (?:spring|summer|autumn|winter) of)\s*)?(?:[a-z]+ )?"
    r"(?P<a>(?:1[89]|20)\d\d)\b"
    r"|\bin (?P<b>(?:1[89]|20)\d\d),? (?:when|as)\b"
    r"|\bthe (?P<c>(?:1[89]|20)\d\d) (?:[\w-]+ )?(?:attacks?|assassinations?|bombings?|shootings?|riots?"
    r"|protests?|uprising|massacre|killings?|clashes|crackdown|unrest)\b"
    r"|\b(?:assassinated|killed|murdered|shot(?: dead)?|attacked|wounded|injured|bombed|rioted|clashed)"
    r" in (?:(?:early|late|mid-?)\s*)?(?:[a-z]+ )?(?P<d>(?:1[89]|20)\d\d)\b"
    # "a repeat of the 2022 dispute, when mounted police charged a picket": the year's episode
    r"|\bthe (?P<e>(?:1[89]|20)\d\d) (?:[\w-]+ ){0,2}?[\w-]+, when\b",
    re.IGNORECASE,
)
LEAD_FOR_TIME = 4  # the headline and the first sentences
EARLIER_DAYS = 14  # days before a dateline's day that make a dated event background (the alert age)
_MONTH_NUMBERS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_MONTH_NAME = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# The day in a dateline: "May 14", "14 May".
_DATELINE_DAY = re.compile(
    r"\b" + _MONTH_NAME + r" (?P<day>[0-3]?\d)\b"
    r"|\b(?P<day2>[0-3]?\d) " + _MONTH_NAME.replace("month", "month2")
)
# An event dated by a full date ("on 3 January 2025", "on January 3, 2025"): compared with a
# dateline that gives its year too.
_ON_FULL_DATE = re.compile(
    r"\b(?:[Oo]n|of) (?:" + _MONTH_NAME + r" (?P<day>[0-3]?\d)(?:st|nd|rd|th)?,? (?P<year>(?:1[89]|20)\d\d)"
    r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)? "
    + _MONTH_NAME.replace("month", "month2")
    + r",? (?P<year2>(?:1[89]|20)\d\d))\b"
)
_YEAR_AFTER = re.compile(r",?\s+((?:19|20)\d\d)\b")
# An event dated by a day of the month and no year ("on April 3", "on 3 April"); not "since" one,
# which tells what still goes on.
_ON_DAY = re.compile(
    r"\b(?:on|of) (?:" + _MONTH_NAME + r" (?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)? "
    + _MONTH_NAME.replace("month", "month2")
    + r")\b(?!,? (?:1[89]|20)\d\d)"
)


def _month_day(m: re.Match[str]) -> tuple[int, int]:
    month = (m.group("month") or m.group("month2")).lower()[:3]
    return _MONTH_NUMBERS[month], int(m.group("day") or m.group("day2"))


# A wire dateline or a byline opens a news report: "BERLIN —", "VILA SERRANA, Brazil, May 14
# (Meridian Wire) -", "Rampur Kalan (Bihar):", "By Faith Cheruiyot".
_DATELINE = re.compile(
    r"[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de .'-]{2,40}(?:,\s*[\w .'-]{1,40}){0,3}\s*(?:\([^)]{1,40}\))?\s*"
    r"[\u2014\u2013-]+\s"
    r"|[A-Z][\w .'-]{2,40} \([A-Z][\w .]{1,30}\):\s"
    r"|By [A-Z][a-z]+(?: [A-Z][\w'-]+)+$"
)


@lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


@lru_cache(maxsize=512)
def compiled_lower(pattern: str) -> re.Pattern[str]:
    # Matching lower-cased text without IGNORECASE is several times faster in `re`.
    return re.compile(pattern)


@lru_cache(maxsize=256)
def _union_of(patterns: tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=512)
def _anchored_union(patterns: tuple[str, ...]) -> AnchoredPattern | None:
    """The union tried only where one of its patterns can begin (starts derived from the patterns
    themselves), or None when some match can begin anywhere."""
    source = _union_of(patterns)
    starts = derive_starts(source)
    return None if starts is None else AnchoredPattern(compiled_lower(source), starts)


def union(patterns: Iterable[str]) -> str:
    """One alternation: a single scan answers "does any of these match here?"."""
    return "|".join(f"(?:{p})" for p in patterns)


_MASK_RE = re.compile(union(MASKS))
_MASK_LOWER = anchored(_MASK_RE.pattern)
_PARTIAL = ("accident_harm", "stampede", "protest_object")  # masks that blank only this group
_ROLE_SOURCE = r"\b(?:" + "|".join(f"(?P<{tier}>{pattern})" for tier, pattern in ROLE_TIERS.items()) + r")\b"
ROLE_RE = re.compile(_ROLE_SOURCE, _FLAGS)
_ROLE_LOWER = anchored(_ROLE_SOURCE)
# Bare ranks ("Major", "Captain") are roles only as a title before a name.
_BARE_RANK = re.compile(r"(?:sergeant(?: major)?|inspector|captain|lieutenant|major)$")
_NAME_NEXT = re.compile(r" [A-Z]")
_SOURCE_AFTER = re.compile(SOURCE_AFTER_ROLE, _FLAGS)
_SOURCE_BEFORE = re.compile(SOURCE_BEFORE_ROLE, _FLAGS)
# Plural rank-and-file titles name anonymous victims ("25 police officers"), never a target.
_ANONYMOUS_PLURAL = re.compile(r"(?:officials|officers|generals|commanders|chiefs)$", _FLAGS)
# "27 journalists", "dozens of reporters", "hundreds of teachers": a count of people in a role is no
# specific, identifiable target (TAXONOMY); "two judges" may still be.
_MANY_BEFORE = re.compile(
    r"\b(?:(?:at least|more than|over|nearly|almost|some|about) )?(?:\d[\d,]*|several|many|numerous|dozens"
    r"|scores|hundreds|thousands|a number|(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty)(?:-\w+)?)(?: of)?(?: (?:the|its|their))?(?: [\w-]+)?\s+$"
)


def _anchor_patterns(spec: EventSpec) -> tuple[str, ...]:
    first = tuple(p for p in (spec.groups[0] if spec.groups else ()) if p != TARGET_GROUP)
    return spec.strong + first


@lru_cache(maxsize=8)
def anchor_patterns(specs: tuple[EventSpec, ...]) -> tuple[str, ...]:
    """Every sentence that can raise any type matches one of these (a strong cue or a first-group
    cue). Masking only blanks text, so scanning the unmasked text finds a superset of them. Read
    from the spec list in use, so a new spec needs no change here."""
    return tuple(p for spec in specs for p in _anchor_patterns(spec))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


# The month, not a march: "17 March 1993", "in March", "March 4". Case-sensitive, before lower-casing.
_MONTH_MARCH = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)? |(?:[Ii]n|[Oo]f|[Ee]arly|[Ll]ate|mid-|[Ss]ince|[Uu]ntil|by"
    r"|[Dd]uring|[Ll]ast"
    r"|[Nn]ext|[Tt]his|[Ff]rom|[Bb]etween|and|to|through) )(March)\b|\b(March)(?=,? \d)"
)


def _unmonth(text: str) -> str:
    if "March" not in text:
        return text
    pieces: list[str] = []
    last = 0
    for m in _MONTH_MARCH.finditer(text):
        start, end = m.span(1) if m.group(1) else m.span(2)
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def mask(text: str) -> str:
    """Blank out figurative and negated phrases, keeping offsets (and the original case)."""
    text = _unmonth(text)
    pieces: list[str] = []
    last = 0
    for m in _MASK_LOWER.finditer(text.lower()):
        start = next((m.start(name) for name in _PARTIAL if m.group(name) is not None), m.start())
        pieces.append(text[last:start])
        pieces.append(" " * (m.end() - start))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


# "the wife of a provincial councillor", "the son of the interior minister": the role is a relative's,
# and the person harmed holds none (a killing of a non-public person).
_KIN_OF = re.compile(
    r"\b(?:wi(?:fe|ves)|husbands?|sons?|daughters?|widow(?:er)?s?|nephews?|nieces?|cousins?|uncles?|aunts?"
    r"|brothers?|sisters?|mother|father|parents|grand(?:son|daughter|child)(?:ren|s)?|relatives?|in-laws?"
    r"|(?:step|half-)\w+|fianc\w+)(?:'s)? of (?:a |an |the"
    r" |his |her |their |[\w'\u2019-]+(?:'s|\u2019s) )?(?:[\w'\u2019-]+ ){0,2}$"
)


# "they shot one passenger, a retired customs official": harmed as one of those present, the role
# only describes who that was.
_ONE_OF_THE_CROWD = re.compile(
    r"\b(?:one|a|an|another) (?:of the )?(?:passengers?|hostages?|guests?|worshippers?|shoppers?|commuters?"
    r"|bystanders?|passers?-by|villagers?|residents?|customers?|pilgrims?|spectators?|patients?|inmates?"
    r"|prisoners?|detainees?|diners?|onlookers?), (?:a |an )?(?:[\w'\u2019-]+ ){0,2}$"
)


# "targeted killings of judges, police officers and businessmen", "killed trade unionists and student
# leaders": a class of people, no one person.
_CLASS_BEFORE = re.compile(
    r"\b(?:(?:killings?|murders?|assassinations?|attacks?|shootings?|violence) (?:of|on|against|targeting)"
    r"|killed|murdered|assassinated|targeted|attacked) (?:(?:[\w-]+ ){0,2}?[\w-]+(?:,| and| or) )*$"
)


def target_roles(text: str) -> list[RoleHit]:
    """Role mentions in one (masked) sentence that can be a victim: not a quoted source, not an
    anonymous plural."""
    out: list[RoleHit] = []
    lower = text.lower()
    for m in _ROLE_LOWER.finditer(lower):
        if _BARE_RANK.match(m.group(0).lower()) and not _NAME_NEXT.match(text, m.end()):
            continue
        after = text[m.end() : m.end() + 60]
        before = text[max(0, m.start() - 40) : m.start()]
        source = _SOURCE_AFTER.match(after) or _SOURCE_BEFORE.search(before)
        if source and not object_of_act(lower, m.start()):
            continue
        if _ANONYMOUS_PLURAL.search(m.group(0)):
            continue
        if _KIN_OF.search(lower, max(0, m.start() - 50), m.start()) or _ONE_OF_THE_CROWD.search(
            lower, max(0, m.start() - 60), m.start()
        ):
            continue
        word = m.group(0)
        plural = word.endswith("s") and not word.endswith("ss")
        if plural and _MANY_BEFORE.search(lower, max(0, m.start() - 40), m.start()):
            continue
        if (
            plural
            and not _NAME_NEXT.match(text, m.end())
            and _CLASS_BEFORE.search(lower, max(0, m.start() - 120), m.start())
        ):
            continue
        out.append(RoleHit(m.lastgroup or "leader", m.start(), m.end(), text[m.start() : m.end()]))
    return out


@dataclass
class Analysis:
    """Per-document caches shared by every event type: masked sentences, pattern answers, roles."""

    doc: Document
    lower: str  # the whole unmasked text, lower-cased once
    anchors: frozenset[int] = frozenset()
    _masked: dict[int, tuple[str, str]] = field(default_factory=dict)
    _local: dict[tuple[str, int], bool] = field(default_factory=dict)
    _roles: dict[int, list[RoleHit]] = field(default_factory=dict)
    _strong: dict[str, frozenset[int]] = field(default_factory=dict)
    _news: bool | None = None
    _lead_years: frozenset[str] | None = None
    _dateline_day: tuple[int, int] | None = None
    _dateline_year: int = 0
    _surnames: dict[int, frozenset[str]] = field(default_factory=dict)
    _known: dict[str, int | None] = field(default_factory=dict)

    def introduced_at(self, name: str) -> int | None:
        """The first sentence that gives `name` as a surname after a first name ("Ilse Varga"), so
        that later the surname alone ("Varga's motorcade") names that person; None if the text never
        does, or gives it to an attacker ("an assailant, identified as Sergeant R. Aliyev").
        Found with `str.find` (no regex pass over the text); memoised per name."""
        cached = self._known.get(name, -2)
        if cached != -2:
            return cached
        text, starts = self.doc.text, self.doc.starts
        found: int | None = None
        pos = text.find(name)
        while pos != -1:
            end = pos + len(name)
            first = None
            if end == len(text) or not text[end].isalnum():
                first = FIRST_NAME_BEFORE.search(text, max(0, pos - 30), pos)
            if first is not None:
                i = bisect_right(starts, pos) - 1
                if first.start(1) > starts[i] or not NOT_A_FIRST_NAME.match(text[first.start(1) : end]):
                    perpetrator = PERPETRATOR.search(
                        text[max(starts[i], first.start(1) - 40) : first.start(1)]
                    )
                    found = None if perpetrator else i
                    break
            pos = text.find(name, end)
        self._known[name] = found
        return found

    def is_news(self) -> bool:
        """The text dates its own story by weekday, "today", "yesterday" in its headline or first
        sentences: a news report, not an encyclopedia section."""
        if self._news is None:
            sentences = self.doc.sentences
            first = " ".join(sentences[: 2 if self.doc.has_title else 1]).lower()
            lead = " ".join(sentences[:LEAD_FOR_TIME]).lower()
            # An encyclopedia section also names weekdays now and then, but among its years.
            at = 1 if self.doc.has_title else 0  # the body's first sentence, where a dateline stands
            body = sentences[at] if len(sentences) > at else ""
            self._news = (
                _DATELINE.match(body) is not None
                or _NEWS_TIME.search(first) is not None
                or (_NEWS_TIME.search(lead) is not None and _YEAR.search(lead) is None)
                or _NOW_RELATIVE.search(lead) is not None
            )
        return self._news

    def earlier_year_at(self, index: int) -> bool:
        """In a news report, the sentence dates its event by a year the lead does not name: an
        earlier event told as background ("In 2015, police killed four demonstrators ..."), however
        fully it narrates it. A sentence that also dates itself as today's news is not. Memoised:
        every type asks."""
        key = ("@earlier-year", index)
        cached = self._local.get(key)
        if cached is None:
            cached = self._local[key] = self._earlier_year(index)
        return cached

    def _earlier_year(self, index: int) -> bool:
        if index < LEAD_FOR_TIME or not self.is_news():
            return False
        if self._lead_years is None:
            lead = " ".join(self.doc.sentences[:LEAD_FOR_TIME])
            self._lead_years = frozenset(_YEAR.findall(lead))
        case = self.doc.sentences[index]
        if _YEAR.search(case) is None or _NEWS_TIME.search(case.lower()) is not None:
            return False
        return any(
            year not in self._lead_years
            for m in _EVENT_YEAR.finditer(case)
            for year in m.groups()
            if year is not None
        )

    def earlier_day_at(self, index: int) -> bool:
        """In a report whose dateline gives the day ("MOLUNDI, Kassana, May 14 -"), the sentence
        dates its event by a day of the month more than `EARLIER_DAYS` before it ("The curfew was
        imposed on April 3 after three nights of rioting"): background to that day's news."""
        key = ("@earlier-day", index)
        cached = self._local.get(key)
        if cached is None:
            cached = self._local[key] = self._earlier_day(index)
        return cached

    def _earlier_day(self, index: int) -> bool:
        at = 1 if self.doc.has_title else 0
        if index <= at or len(self.doc.sentences) <= at:
            return False
        if self._dateline_day is None:
            body = self.doc.sentences[at]
            m = _DATELINE_DAY.search(body[:100]) if _DATELINE.match(body) else None
            self._dateline_day = _month_day(m) if m is not None else (0, 0)
            year = _YEAR_AFTER.match(body, m.end()) if m is not None else None
            self._dateline_year = int(year.group(1)) if year is not None else 0
        if self._dateline_day == (0, 0):
            return False
        case = self.doc.sentences[index]
        if _NEWS_TIME.search(case.lower()) is not None:
            return False
        month, day = self._dateline_day
        if self._dateline_year:
            # "PELLAN, 11 March 2026 - ... On 3 January 2025, officers fired tear gas": a full date
            # against the dateline's full date, whatever years the headline names
            now = date(self._dateline_year, month, min(day, 28))
            for m in _ON_FULL_DATE.finditer(case):
                then_month, then_day = _month_day(m)
                dated = date(int(m.group("year") or m.group("year2")), then_month, min(then_day, 28))
                if (now - dated).days > EARLIER_DAYS:
                    return True
        for m in _ON_DAY.finditer(case):
            then = _month_day(m)
            # a later month than the dateline's is the year before
            gap = (month - then[0]) * 30.5 + (day - then[1]) if then[0] <= month else 365
            if gap > EARLIER_DAYS:
                return True
        return False

    def masked(self, index: int) -> tuple[str, str]:
        """(masked sentence in its original case, the same lower-cased)."""
        cached = self._masked.get(index)
        if cached is None:
            case = mask(self.doc.sentences[index])
            cached = (case, case.lower())
            self._masked[index] = cached
        return cached

    def matches_at(self, pattern: str, index: int) -> bool:
        return self.any_at((pattern,), index)

    def any_at(self, patterns: tuple[str, ...], index: int) -> bool:
        if not patterns:
            return False
        key = (_union_of(patterns), index)
        cached = self._local.get(key)
        if cached is None:
            lower = self.masked(index)[1]
            found = _anchored_union(patterns)
            cached = (
                found.exists(lower) if found is not None else compiled_lower(key[0]).search(lower) is not None
            )
            self._local[key] = cached
        return cached

    def blocked_at(self, patterns: tuple[str, ...], index: int) -> bool:
        return self.any_at(patterns, index)

    def spans_at(self, patterns: tuple[str, ...], index: int) -> list[tuple[int, int]]:
        """Where any of `patterns` matches in the masked sentence (offsets in the sentence)."""
        lower = self.masked(index)[1]
        return [m.span() for m in compiled_lower(_union_of(patterns)).finditer(lower)]

    def roles_at(self, index: int) -> list[RoleHit]:
        cached = self._roles.get(index)
        if cached is None:
            cached = target_roles(self.masked(index)[0])
            self._roles[index] = cached
        return cached

    def sentences_with(self, pattern: str) -> frozenset[int]:
        """Sentences of the whole (unmasked) article where `pattern` matches; one scan."""
        found = _anchored_union((pattern,))
        if found is not None:
            return _scan_anchored(self.doc, self.lower, found)
        return _scan(self.doc, self.lower, compiled_lower(pattern))

    def says(self, patterns: tuple[str, ...]) -> bool:
        """Some sentence says one of `patterns` once masked (masking only removes matches, so only
        the sentences where the unmasked text matches are masked and asked)."""
        return any(
            self.any_at(patterns, i) for pattern in patterns for i in sorted(self.sentences_with(pattern))
        )

    def count_sentences(self, pattern: str) -> int:
        """Sentences of the whole (unmasked) article where `pattern` matches; one scan."""
        found = _anchored_union((pattern,))
        if found is not None:
            return len(_scan_anchored(self.doc, self.lower, found))
        return len(_scan(self.doc, self.lower, compiled_lower(pattern)))


def _scan_anchored(doc: Document, lower: str, pattern: AnchoredPattern) -> frozenset[int]:
    # The same answer as `_scan`: the first match at or after each position, one per sentence.
    found: set[int] = set()
    skip_to = 0
    for pos in pattern.positions(lower):
        if pos < skip_to or pattern.pattern.match(lower, pos) is None:
            continue
        index = doc.sentence_at(pos)
        found.add(index)
        if index + 1 >= len(doc.sentences):
            break
        skip_to = doc.starts[index + 1]
    return frozenset(found)


def _scan(doc: Document, lower: str, pattern: re.Pattern[str]) -> frozenset[int]:
    # After a hit, jump to the next sentence: one answer per sentence is all that is needed.
    found: set[int] = set()
    pos, n = 0, len(doc.sentences)
    while (m := pattern.search(lower, pos)) is not None:
        index = doc.sentence_at(m.start())
        found.add(index)
        if index + 1 >= n:
            break
        pos = doc.starts[index + 1]
    return frozenset(found)


def analyse(doc: Document) -> Analysis:
    # `build_document` normalised U+0130, the one character whose lower case is longer: offsets
    # in the lower-cased text are those of the text.
    lower = doc.text.lower()
    patterns = anchor_patterns(taxonomy.EVENT_SPECS)
    found = _anchored_union(patterns)
    anchors = (
        _scan(doc, lower, compiled_lower(_union_of(patterns)))
        if found is None
        else _scan_anchored(doc, lower, found)
    )
    return Analysis(doc=doc, lower=lower, anchors=anchors)


@dataclass
class Candidate:
    spec: EventSpec
    evidence: list[int]  # sentence indices, sorted
    strong: bool
    core: frozenset[int]
    # Sentences that only introduce the target ("Ilse Varga served as president", paragraphs before
    # the attack): read for the target's role, never counted, dated or weighed as the mention.
    context: frozenset[int] = frozenset()


def group_at(analysis: Analysis, group: tuple[str, ...], index: int) -> bool:
    if group == (TARGET_GROUP,):
        return bool(analysis.roles_at(index))
    return analysis.any_at(group, index)


def _article_vetoed(analysis: Analysis, spec: EventSpec, evidence: Iterable[int] = ()) -> bool:
    # Vocabulary saturation ("is this article about a film, a match?") is read on the unmasked text.
    total = len(analysis.doc.sentences)
    evidence = tuple(evidence)
    # The candidate's own sentences are masked already and usually say it: asked first.
    if spec.article_requires and not (
        any(analysis.any_at(spec.article_requires, i) for i in evidence)
        or analysis.says(spec.article_requires)
    ):
        return True
    for context, unless in spec.article_context:
        if any(analysis.any_at((unless,), i) for i in evidence):
            continue
        if analysis.count_sentences(context) and not analysis.says((unless,)):
            return True
    # "KALMAR - ... Saturday afternoon's attack on Samir Oduya, the novelist": a book fair's news
    news = _dated_news(analysis, evidence)
    for pattern in spec.article_vetoes:
        if news and pattern is taxonomy.FICTION:
            continue
        # fans who march on a ministry to protest are protesters, however sporting the page
        if pattern is taxonomy.SPORT and any(analysis.any_at((taxonomy.PROTEST_AIMED,), i) for i in evidence):
            continue
        n = analysis.count_sentences(pattern)
        if n >= 3 and n >= 0.3 * total:
            return True
    # a lead that frames the text (a novel's review opens on its plot, a page defines a law) needs less
    lead = range(min(2, total))
    return any(
        any(analysis.any_at((told,), i) for i in lead) and analysis.count_sentences(veto) >= 3
        for veto, told in spec.lead_vetoes
        if not (news and veto is taxonomy.FICTION)
    )


def _dated_news(analysis: Analysis, evidence: tuple[int, ...]) -> bool:
    """A news report (dateline) whose evidence dates the act by the writer's now ("on Saturday"):
    what a film or a novel tells is not dated so."""
    return analysis.is_news() and any(_NEWS_TIME.search(analysis.masked(i)[1]) is not None for i in evidence)


# "Okafor was assassinated", "Okafor and two aides were killed": a named subject and the act.
_NAMED_VICTIM = re.compile(
    r"\b(?!(?:He|She|It|They|This|That|The|A|An|One|Who)\b)[A-Z][\w'\u2019.-]+"
    r"(?:,? (?:[A-Z][\w'\u2019.-]+|and (?:\w+ ){0,2}\w+))*"
    r" (?:was|were) (?:assassinated|shot dead|gunned down|murdered|killed|stabbed|shot)\b"
)
# "Odo Meret survived a coup in 1972 and narrowly escaped assassination in 1974" (tried only where
# the sentence says "escaped" or "survived")
_NAMED_SURVIVOR = re.compile(
    r"\b(?!(?:He|She|It|They|This|That|The|A|An|One|Who|In|On|At|By|For|From|With|After|Before|During"
    r"|When|While|Since|Later|Then|His|Her|Their)\b)[A-Z][\w'\u2019.-]+\b[^.;]{0,60}?"
    r"\b(?:narrowly )?(?:escaped|survived) (?:an? |the )?(?:\w+ )?"
    r"(?:assassination|attempt on (?:his|her) life)"
)
# "When he was assassinated in a coup in 1963, ...": the person the previous sentence gave a role.
_PRONOUN_VICTIM = re.compile(r"\b(?:he|she) was (?:assassinated|shot dead|murdered)\b", re.IGNORECASE)


_BACK_SUBJECT = re.compile(
    r"\s*(?:however,? |but |eventually,? |later,? |then,? )?(?:they|the (?:protests?|demonstrations?"
    r"|protesters|demonstrators|marchers|students|crowds?|rall(?:y|ies)|sit-ins?|strikers|movement))\b"
)


# A dated relative clause before the sentence's own verb: the person is introduced by an earlier
# event ("Ivo Kral, who survived an assassination attempt in 1979, died on Saturday"); the sentence
# tells what happened next, not that event.
_DATED_RELATIVE = re.compile(
    r"\b(?:who|whose \w+) (?:had )?(?:\w+ ){0,2}?(?:survived|escaped|was|were|had been)\b[^;]{0,80}?"
    r"\b(?:in|since)"
    r" (?:[a-z]+ )?(?:1[89]|20)\d\d\b[^;,]{0,40}?,? (?:\w+ ){0,3}?(?:died|dies|was|is|has|had|will|retired"
    r"|won|lost|became|joined|returned|said|says|told|unveiled|opened|announced)\b"
)


# A sentence that dates four events or more is a chronicle ("bread riots in 1847 and again in 1867,
# the tram strike of 1889 ... and in 1911 ..."): it lists, it does not narrate.
_CHRONICLE_YEARS = 4


def narrated_at(analysis: Analysis, spec: EventSpec, index: int) -> bool:
    """The sentence tells the event itself: who was attacked (the victim bound to the act), or the
    crowd and the force in one clause. A date or "history" does not make such a sentence background
    (TAXONOMY: main subject, not date)."""
    key = ("@narrated:" + spec.type, index)
    cached = analysis._local.get(key)
    if cached is None:
        case, lower = analysis.masked(index)
        if _DATED_RELATIVE.search(lower) is not None or len(set(_YEAR.findall(lower))) >= _CHRONICLE_YEARS:
            cached = False
        elif spec.needs_target:
            cached = (
                victim_bound(lower, [(r.start, r.end) for r in analysis.roles_at(index)])
                or bool(_NAMED_VICTIM.search(case))
                or (("escaped" in case or "survived" in case) and _NAMED_SURVIVOR.search(case) is not None)
                or (
                    index > 0
                    and _PRONOUN_VICTIM.search(case) is not None
                    and bool(analysis.roles_at(index - 1))
                    and not analysis.roles_at(index)
                )
            )
        elif spec.pair_pattern is not None and spec.groups:
            cached = bound(
                lower,
                _group_spans(analysis, spec.groups[0], index),
                analysis.spans_at((spec.pair_pattern,), index),
                spec.bind_words or 25,
            ) or (
                # the crowd here, the force on it in the next sentence that refers back to it ("... the
                # protests of that year. They were put down when troops forcibly cleared the square.")
                index + 1 < len(analysis.doc.sentences)
                and _BACK_SUBJECT.match(analysis.masked(index + 1)[1]) is not None
                and analysis.matches_at(spec.pair_pattern, index + 1)
                and not analysis.blocked_at(spec.blockers, index + 1)
            )
        else:
            cached = False
        analysis._local[key] = cached
    return cached


def blocked(analysis: Analysis, spec: EventSpec, index: int, *, continuation: bool = False) -> bool:
    """A sentence vetoed as evidence: an unconditional blocker, a clause about an earlier event
    holding every trigger, time relative to now in a news article, or a dated/historical cue in a
    sentence that does not narrate the event itself. Asked many times per sentence: memoised."""
    key = ("@blocked:" + spec.type, index)
    cached = analysis._local.get(key)
    if cached is None:
        cached = _blocked(analysis, spec, index)
        analysis._local[key] = cached
    if cached or continuation:
        return cached
    return analysis.blocked_at(spec.mention_blockers, index)


def _blocked(analysis: Analysis, spec: EventSpec, index: int) -> bool:
    if analysis.blocked_at(spec.blockers, index):
        return True
    if spec.leading_background and led_by_background(analysis, spec, index):
        return True
    relative = (
        bool(spec.relative_past)
        and analysis.blocked_at(spec.relative_past, index)
        and _relative_clause_holds_trigger(analysis, spec, index)
    )
    if relative and analysis.is_news():
        return True
    if analysis.earlier_year_at(index) or analysis.earlier_day_at(index):
        return True
    caused = index > 0 and _CAUSED_BY_DEATH.match(analysis.masked(index)[1]) is not None
    if caused and _dated_before(analysis, spec, index):
        return True
    dated = relative
    if analysis.blocked_at(spec.dated, index):
        where = _dated_where(analysis, spec, index)
        if where == "aside tells the act":
            return True
        dated = dated or where == "main clause"
    return dated and not narrated_at(analysis, spec, index)


# A relative clause set off by commas describes someone in passing: "youths from the Kpaka house,
# which has challenged last month's election in court, marched to the headquarters" dates the
# challenge, not the march.
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose)\s[^,;:.]{1,150},")


def _dated_where(analysis: Analysis, spec: EventSpec, index: int) -> str:
    """Where the sentence's dated cues stand among its comma-bounded relative clauses: "aside tells
    the act" (a dated one holds every group's cue: "The union, which led the march that police broke
    up with tear gas in 2012, said on Monday ..." recalls 2012), "aside" (every dated cue is in one
    that holds no cue of the act) or "main clause"."""
    lower = analysis.masked(index)[1]
    asides = [m.span() for m in _RELATIVE_ASIDE.finditer(lower)]
    if not asides:
        return "main clause"
    dated = analysis.spans_at(spec.dated, index)
    groups = [_group_spans(analysis, g, index) for g in spec.groups]
    for a, b in asides:
        holds_date = any(a <= start and end <= b for start, end in dated)
        if holds_date and all(any(a <= start < b for start, _ in spans) for spans in groups):
            return "aside tells the act"
    # (an aside that tells a cue of the act is dated with it: "the march, which police broke up in 2012,")
    cues = [span for spans in groups for span in spans]
    bare = [(a, b) for a, b in asides if not any(a <= start < b for start, _ in cues)]
    inside = all(any(a <= start and end <= b for a, b in bare) for start, end in dated)
    return "aside" if inside else "main clause"


# What a death told in the sentence before set off: "Her death set off several days of rioting" is as
# old as the killing it refers back to.
_CAUSED_BY_DEATH = re.compile(
    r"\s*(?:(?:his|her|their|the) (?:[\w-]+ )?(?:death|killing|murder|assassination)s?"
    r"|the (?:attack|bombing|shooting|ambush)) (?:\w+ ){0,2}?(?:set off|sparked|triggered|provoked|led to"
    r"|caused|prompted|unleashed|touched off)\b"
)


def _dated_before(analysis: Analysis, spec: EventSpec, index: int) -> bool:
    """The sentence before is dated earlier than the story: by a year, or by time relative to now."""
    if analysis.earlier_year_at(index - 1):
        return True
    relative = bool(spec.relative_past) and analysis.blocked_at(spec.relative_past, index - 1)
    return relative and analysis.is_news()


def _relative_clause_holds_trigger(analysis: Analysis, spec: EventSpec, index: int) -> bool:
    """Time relative to now dates only its own clause: in "Gunmen shoot dead tribal elder X ...; the
    sheikh had brokered a truce last month" the killing is today's. Clauses are split at ";", where a
    wire flash joins separate facts, and at a relative clause that follows every trigger ("... the
    ward office he had opened last year")."""
    lower = analysis.masked(index)[1]
    if not spec.groups:
        return True
    triggers = [t0 for t0, _ in _group_spans(analysis, spec.groups[0], index)]
    if not triggers:
        return True
    cues = analysis.spans_at(spec.relative_past, index)
    # A cue in a relative clause after every trigger dates that clause: "shot dead ... barely 200
    # metres from the ward office he had opened last year".
    first = min(triggers)
    if cues and all(
        c0 > first and _RELATIVE_MARKER.search(lower, max(t for t in triggers if t < c0), c0)
        for c0, _ in cues
    ):
        return False
    if ";" not in lower:
        return True

    def clause(offset: int) -> int:
        return lower.count(";", 0, offset)

    dated = {clause(t0) for t0, _ in cues}
    return any(clause(t0) in dated for t0 in triggers)


_RELATIVE_MARKER = re.compile(r"\b(?:which|who|whom|whose)\b|\b(?:he|she|they|it) (?:had|has|have)\b")


# Where a clause opened by a background cue gives way to the main clause: a comma before the main
# clause's subject ("Ten years after troops fired on the crowd, the square ..."), or ; : .
_MAIN_CLAUSE = re.compile(
    r"[;:]|, (?=(?:the|a|an|he|she|they|it|we|i|police|officials|authorities|security|troops|gunmen"
    r"|protesters|demonstrators|thousands|hundreds|dozens|residents|voters)\b)"
    # ... but not an apposition that describes the person just named ("the daughter of Sam Oruvo,
    # a union leader who was assassinated in 1979"): that is still the background clause
    r"(?!(?:the|a|an) (?:[\w'\u2019-]+ ){1,4}?(?:who|whom|whose)\b"
    # ... nor one between the subject and its verb ("after her father, the opposition leader Samuel
    # Abara, was killed by a bomb")
    r"|(?:the|a|an) [^,;.]{1,60}, (?:was|were|had been|has been)\b)"
)


def _inside_scopes(analysis: Analysis, spec: EventSpec, index: int, scopes: list[tuple[int, int]]) -> bool:
    """No mention can be formed outside the background clauses: every strong cue lies inside one,
    and so does every cue of some group ("campaign rallies ... as in 2021, when a candidate was shot
    and wounded": the rally is today's, the force is the earlier event's)."""

    def inside(spans: list[tuple[int, int]]) -> bool:
        return all(any(a <= t0 and t1 <= b for a, b in scopes) for t0, t1 in spans)

    # a strong cue is decided where it ends ("crowds gathered, weeks after protesters clashed with police")
    strong = [(t1 - 1, t1) for _, t1 in analysis.spans_at(spec.strong, index)] if spec.strong else []
    if not inside(strong):
        return False
    groups = [_group_spans(analysis, g, index) for g in spec.groups if g != (TARGET_GROUP,)]
    return any(spans and inside(spans) for spans in groups) or (bool(strong) and not any(groups))


def led_by_background(analysis: Analysis, spec: EventSpec, index: int) -> bool:
    """Every trigger of the sentence sits in a clause opened by a background cue ("three years
    after the mayor was shot dead", "a vigil for the activist who was killed")."""
    key = ("@led:" + spec.type, index)
    cached = analysis._local.get(key)
    if cached is None:
        if not analysis.any_at(spec.leading_background, index):  # the anchored test first: cheap
            analysis._local[key] = False
            return False
        lower = analysis.masked(index)[1]
        scopes = []
        for cue in analysis.spans_at(spec.leading_background, index):
            end = _MAIN_CLAUSE.search(lower, cue[1])
            scopes.append((cue[0], end.start() if end else len(lower)))
        cached = bool(scopes) and _inside_scopes(analysis, spec, index, scopes)
        analysis._local[key] = cached
    return cached


def strong_hits(analysis: Analysis, spec: EventSpec) -> frozenset[int]:
    """Sentences that raise `spec` on a strong cue alone (computed once per article and type)."""
    cached = analysis._strong.get(spec.type)
    if cached is None:
        cached = frozenset(
            i for i in analysis.anchors if analysis.any_at(spec.strong, i) and not blocked(analysis, spec, i)
        )
        analysis._strong[spec.type] = cached
    return cached


# The vetoes a sentence giving the victim's role must pass: the type's unconditional ones, less the
# trial's ("she is presiding over the trial of eleven men" says who she is, not that a court tells
# the attack).
# (nor a fear's: "Quintero, a local journalist, was in intensive care; colleagues said she had received
# death threats" gives her role whatever the threats)
_ROLE_VETOES = {
    spec.type: tuple(b for b in spec.blockers if b not in (taxonomy.TRIAL, taxonomy.HYPOTHETICAL))
    for spec in taxonomy.EVENT_SPECS
}


def _group_spans(analysis: Analysis, group: tuple[str, ...], index: int) -> list[tuple[int, int]]:
    if group == (TARGET_GROUP,):
        return [(r.start, r.end) for r in analysis.roles_at(index)]
    return analysis.spans_at(group, index)


def bound_at(analysis: Analysis, spec: EventSpec, group: tuple[str, ...], index: int) -> bool:
    """The sentence holds one mention: its first-group cue and `group` bound in one clause."""
    if not spec.bind_words or not spec.groups:
        return True
    text = analysis.masked(index)[1]
    if group == (TARGET_GROUP,):
        # ... or the victim is named here and the role is that person's title or apposition
        # ("doctors treating opposition leader Ana Roe said she had been poisoned")
        return victim_bound(text, _group_spans(analysis, group, index)) or named_role(analysis, index, index)
    first = spec.groups[0]
    if spec.pair_pattern is None or len(first) < 2:
        return bound(
            text, _group_spans(analysis, first, index), _group_spans(analysis, group, index), spec.bind_words
        )
    # Force specific enough to tie a neighbouring sentence to the anchor ties its own clause too.
    crowd = analysis.spans_at((spec.pair_pattern,), index)
    if bound(text, _group_spans(analysis, first, index), crowd, 1000, CROWD_CLAUSE_BREAK):
        return True
    # The first pattern names the context explicitly ("protesters"); the others only imply it
    # ("residents ... demanding"), and those need the specific force, not "killed" or "violence".
    return bound(
        text, analysis.spans_at(first[:1], index), _group_spans(analysis, group, index), spec.bind_words
    )


def _pair_ok(analysis: Analysis, spec: EventSpec, anchor: int, other: int) -> bool:
    """A group found in a neighbouring sentence must really belong to the anchor's event.

    For a target: the role sentence says what happened to that person (harm bound to the role),
    or it names again someone the attack sentence named (not a headline): "Gunmen shot Ali Musa
    on Monday. Musa, a judge, ...". For a crowd: the neighbour reports crowd-control force."""
    if anchor == other:
        return True
    if spec.needs_target:
        text = analysis.masked(other)[1]
        if victim_bound(text, _group_spans(analysis, (TARGET_GROUP,), other)) or VICTIM_REF.search(text):
            return True
        if anchor == 0 and analysis.doc.has_title:
            return False
        # ... and the role is that person's (apposition or title), not another's named beside them
        return shares_name(analysis, anchor, other) and named_role(analysis, anchor, other)
    return (spec.pair_pattern is None or analysis.matches_at(spec.pair_pattern, other)) and not _aftermath(
        analysis, spec, anchor, other
    )


def _aftermath(analysis: Analysis, spec: EventSpec, anchor: int, other: int) -> bool:
    """`other` goes on with another kind of event told right before it, not with the crowd: "Troops
    killed nine fighters in an exchange of fire. Two soldiers were wounded." (no crowd word of its
    own)."""
    before = other - 1
    if before < 0 or before == anchor or group_at(analysis, spec.groups[0], other):
        return False
    # (the mention blockers only: a battle, a bombing, a prison riot; a dated or historical veto on
    # the sentence before is the same event told in the past, and its aftermath still the crowd's)
    return analysis.blocked_at(spec.mention_blockers, before)


# The thing an attack hit, named with no owner ("a roadside bomb struck a convoy"), and a later
# sentence that says whose it was ("The convoy was carrying the provincial governor"): an explicit
# coreference by the same noun, as wire copy tells an attack before its target.
_HIT_OBJECT = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(convoy|motorcade|car|vehicle|house|home|residence|office)s?\b"
    r"(?!\s+bombs?\b)"
)
_OBJECT_OWNER = (
    r"\bthe (?:[\w-]+ )?({noun})\b[^.;]{{0,25}}\b(?:was|were|had been) (?:carrying|transporting|escorting"
    r"|taking|used by|owned by|that of|(?:the )?(?:home|property|residence) of)\b|\bthe (?:[\w-]+ )?({noun})"
    r" (?:belong(?:ed|s|ing)? to|of)\b"
    # "The SUV was the lead car in the convoy of Mayor X"
    r"|\b(?:car|vehicle|suv|jeep) in the (?:convoy|motorcade) of\b"
)


def _owner_of_object(
    analysis: Analysis,
    spec: EventSpec,
    group: tuple[str, ...],
    anchor: int,
    last: int,
    claimed: frozenset[int],
) -> int | None:
    nouns = {m.group(1) for m in _HIT_OBJECT.finditer(analysis.masked(anchor)[1])}
    if not nouns:
        return None
    owner = re.compile(_OBJECT_OWNER.format(noun="|".join(sorted(nouns))))
    for j in range(anchor + 1, min(last, anchor + COREF_REACH) + 1):
        if (
            j not in claimed
            and owner.search(analysis.masked(j)[1]) is not None
            and group_at(analysis, group, j)
            and not analysis.blocked_at(spec.blockers, j)
        ):
            return j
    return None


LEAD_FORCE_REACH = 10  # sentences: how far down a lead's protest may be told its force


def _lead_end(analysis: Analysis) -> int:
    """The last sentence of the lead: the headline and the first two sentences of the body."""
    return 2 if analysis.doc.has_title else 1


def find_candidate(
    analysis: Analysis, spec: EventSpec, claimed: frozenset[int] = frozenset()
) -> Candidate | None:
    """`claimed`: sentences that are strong evidence of another type, unusable for combinations here."""
    strong = strong_hits(analysis, spec)
    usable = [i for i in sorted(analysis.anchors) if i not in claimed]
    evidence: set[int] = set(strong)
    context: set[int] = set()  # introductions read before the attack sentence (backward coreference)
    regular: set[int] = set(strong)
    if spec.groups:
        first = spec.groups[0]
        anchors = [i for i in usable if group_at(analysis, first, i) and not blocked(analysis, spec, i)]
        if not anchors and not strong:
            return None  # cheap exit: most articles never mention the anchor cue
        last = len(analysis.doc.sentences) - 1

        def in_group(group: tuple[str, ...], j: int) -> bool:
            return j not in claimed and group_at(analysis, group, j) and not blocked(analysis, spec, j)

        for anchor in anchors:
            picked = {anchor}
            intro: set[int] = set()
            for group in spec.groups[1:]:
                if in_group(group, anchor) and bound_at(analysis, spec, group, anchor):
                    continue
                # Nearest first, earlier sentence first on ties (as `min` over sorted indices would).
                near = sorted(
                    range(max(0, anchor - spec.window), min(last, anchor + spec.window) + 1),
                    key=lambda j: (abs(j - anchor), j),
                )
                chosen = next(
                    (
                        j
                        for j in near
                        if j != anchor and in_group(group, j) and _pair_ok(analysis, spec, anchor, j)
                    ),
                    None,
                )
                in_lead = anchor <= _lead_end(analysis)
                if chosen is None and not spec.needs_target and spec.pair_pattern and in_lead:
                    # A text whose lead names the protest tells its force further down ("The march set
                    # out at dawn ... [five sentences] ... Within minutes the soldiers opened fire"):
                    # crowd-control force anywhere after the lead, in a sentence no veto holds, is
                    # that protest's.
                    chosen = next(
                        (
                            j
                            for j in range(anchor + spec.window + 1, min(last, anchor + LEAD_FORCE_REACH) + 1)
                            if in_group(group, j)
                            and analysis.matches_at(spec.pair_pattern, j)
                            and not _aftermath(analysis, spec, anchor, j)
                        ),
                        None,
                    )
                if chosen is None and spec.needs_target and not analysis.roles_at(anchor):
                    # The victim named first (no role in the attack sentence), the role given
                    # further on ("Brenner, 47, was a member of parliament"): an explicit
                    # coreference by name. The surname is looked for first: roles are dear to
                    # read in sentences that are no anchor.
                    # The role may also come first, where the text introduced the person: an
                    # encyclopedia section's lead ("Ilse Varga served as president ... Varga's
                    # motorcade was ambushed"), or a sentence shortly before.
                    # (either surname of a victim's three-word name: "Adriana Becerra Ospina" is
                    # "Becerra" further on)
                    names = named_in(analysis, anchor) | set(victim_surnames(analysis, anchor))
                    if not names:
                        chosen = _owner_of_object(analysis, spec, group, anchor, last, claimed)
                        if chosen is None:
                            picked = set()
                            break
                        picked.add(chosen)
                        continue
                    subject = bool(subject_names(analysis, anchor))
                    sentences = analysis.doc.sentences
                    # the neighbours too: a role given in apposition there may sit in a dated
                    # sentence ("Ulloa, who had been elected mayor in 2012, ...") that the window
                    # pass, which asks every veto, refused
                    later = range(anchor + 1, min(last, anchor + COREF_REACH) + 1)
                    close = range(anchor - 1, max(-1, anchor - COREF_REACH - 1), -1)
                    # ... the lead, and for the text's subject any sentence before the attack
                    far = range(
                        min(LEAD_SENTENCES, anchor - COREF_REACH - 1)
                        if not subject
                        else anchor - COREF_REACH - 1,
                        -1,
                        -1,
                    )
                    chosen = next(
                        (
                            j
                            for j in (*later, *close, *far)
                            if ((subject and j < anchor) or any(name in sentences[j] for name in names))
                            and j not in claimed
                            and group_at(analysis, group, j)
                            # a sentence that introduces the person may be dated ("president
                            # from 1979 until 1987", "a crackdown since last year"): only the
                            # unconditional vetoes apply to it, and not the trial's: a judge's role
                            # is told by the trials she hears
                            and not analysis.blocked_at(_ROLE_VETOES.get(spec.type, spec.blockers), j)
                            and (named_role(analysis, anchor, j) or subject_role(analysis, anchor, j))
                        ),
                        None,
                    )
                    if chosen is None and victim_surnames(analysis, anchor):
                        # the victim named, the role given in apposition much further down ("Quintero
                        # was the fourth journalist killed in the province this year")
                        chosen = next(
                            (
                                j
                                for j in range(anchor + COREF_REACH + 1, last + 1)
                                if any(name in sentences[j] for name in names)
                                and j not in claimed
                                and group_at(analysis, group, j)
                                and not analysis.blocked_at(_ROLE_VETOES.get(spec.type, spec.blockers), j)
                                and named_role(analysis, anchor, j)
                            ),
                            None,
                        )
                    if chosen is not None and chosen < anchor:
                        intro.add(chosen)
                if chosen is None:
                    picked = set()
                    break
                picked.add(chosen)
            evidence |= picked
            if picked:
                context |= intro
                regular |= picked - intro
    context -= regular  # ... unless it is also a mention of its own
    if not evidence or _article_vetoed(analysis, spec, sorted(evidence - context)):
        return None
    return Candidate(
        spec=spec,
        evidence=sorted(evidence),
        strong=bool(strong),
        core=frozenset(evidence - context),
        context=frozenset(context),
    )


def extend(analysis: Analysis, candidate: Candidate, others: frozenset[int], reach: int = 2) -> None:
    """Add the sentences right after the evidence that still report this event (counts, aftermath)."""
    spec = candidate.spec
    chosen = set(candidate.evidence)
    first = spec.groups[0] if spec.groups else ()
    for start in sorted(candidate.core):
        # The sentence just before a mention often tells the act itself ("A car bomb exploded ...
        # The target was the governor."): it belongs to the event when it holds the anchor cue.
        before = start - 1
        if (
            first
            and before >= 0
            and before not in others
            and not (before == 0 and analysis.doc.has_title)
            and before in analysis.anchors
            and group_at(analysis, first, before)
            and analysis.matches_at(spec.continuation, before)
            and not blocked(analysis, spec, before)
        ):
            chosen.add(before)
        j, gap = start + 1, 0
        while j < len(analysis.doc.sentences) and gap < reach:
            if j in others and j not in candidate.core:
                break
            if analysis.matches_at(spec.continuation, j) and not blocked(
                analysis, spec, j, continuation=True
            ):
                chosen.add(j)
                gap = 0
            else:
                gap += 1
            j += 1
    candidate.evidence = sorted(chosen)


def find_candidates(analysis: Analysis) -> list[Candidate]:
    """Candidates of every type, extended with their continuation sentences (no document stage)."""
    found = raw_candidates(analysis)
    extend_all(analysis, found)
    return found


# A sentence whose subject is a named person and whose main verb is the attack on them ("Opposition
# lawmaker Ivo Marren was shot and wounded on Tuesday as he addressed a student demonstration, and
# police later fired tear gas ..."): the attempt's own sentence, even where a later clause is
# strong evidence of the protest. Not a shot fired by the police at the crowd.
_SHOT_SUBJECT = re.compile(
    r"^(?:[^,;]{0,60}?\s)?[A-Z][\w'\u2019.-]+(?:, [^,;]{3,90},)? (?:was|were|has been|had been)"
    r" (?:shot|stabbed|gunned down|assassinated|poisoned)\b"
    r"(?![^.;]{0,60}\bby (?:riot )?(?:police|security forces|troops|soldiers|officers|gendarmes)\b)"
    r"(?![^.;]{0,60}\b(?:rubber|plastic) bullets?\b)"
)


# ... or told actively, an armed attacker its subject: "TRESK, October 5 - A gunman opened fire on
# opposition leader X as he addressed a sit-in ..., and riot police stormed the square hours later"
_GUNMAN_SUBJECT = re.compile(
    r"(?:^|[\u2014\u2013-] )(?:[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal|[Uu]nknown|[Mm]asked|[Aa]rmed) (?:[\w-]+ )?"
    r"(?:gunm[ae]n|assailants?|attackers?|assassins?|hitm[ae]n) (?:opened fire on"
    r"|fired (?:[\w-]+ ){0,4}?(?:at|on)|shot|stabbed|attacked|ambushed)\b"
)


def attack_is_subject(analysis: Analysis, i: int) -> bool:
    """Memoised: each type's review asks it of the same sentences."""
    key = ("@subject", i)
    cached = analysis._local.get(key)
    if cached is None:
        sentence = analysis.doc.sentences[i]
        lower = sentence.lower()
        cached = _SHOT_SUBJECT.search(sentence) is not None or (
            any(word in lower for word in _ARMED_WORDS) and _GUNMAN_SUBJECT.search(sentence) is not None
        )
        analysis._local[key] = cached
    return cached


_ARMED_WORDS = ("gunm", "assailant", "attacker", "assassin", "hitm")


def _claimed(analysis: Analysis, spec: EventSpec, strong: dict[str, frozenset[int]]) -> frozenset[int]:
    claimed: frozenset[int] = frozenset()
    for other_type, hits in strong.items():
        if other_type != spec.type:
            claimed |= hits
    if spec.needs_target and claimed:
        claimed = frozenset(i for i in claimed if not attack_is_subject(analysis, i))
    return claimed


def raw_candidates(analysis: Analysis) -> list[Candidate]:
    if not analysis.anchors:
        return []
    specs = taxonomy.EVENT_SPECS
    strong: dict[str, frozenset[int]] = {spec.type: strong_hits(analysis, spec) for spec in specs}
    found = []
    for spec in specs:
        claimed = _claimed(analysis, spec, strong)
        candidate = find_candidate(analysis, spec, claimed - strong[spec.type])
        if candidate is not None:
            found.append(candidate)
    return found


def extend_all(analysis: Analysis, found: list[Candidate]) -> None:
    for candidate in found:
        others: frozenset[int] = frozenset()
        for other in found:
            if other is not candidate:
                others |= other.core
        extend(analysis, candidate, others)
