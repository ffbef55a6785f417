"""One event, one story: does this report join an open story, and is it news for subscribers?

Single-pass clustering (Miranda et al. 2018's shape, hand-weighted): each report is scored against
the open stories of its type and country (its partition key, so they all live on one partition)
within a time window, found through a candidate index (`index.py`); it joins the best one whose
score clears `JOIN_MIN` and no part vetoes, else it opens a story. The parts, returned with the
decision like severity's factors:

    target    +3 the same person as any name the story has (names folded, aliases, rapidfuzz); an
              attempt on a different named person is another event (veto); +2.5 when one side
              names only a role and its text mentions the other's surname (0 if the roles
              differ); +1.5 the same role; -2.5 another role (a reporter is not the governor)
    place     +1.5 the report's city (its first in the story's country, or the city that one is a
              district of, or the capital when it says "the capital") is one of the story's; two
              different cities are two events (veto for protests, -1.5 for attempts: the
              target's city and the attack's may differ);
              +0.3 when only one side names a city (with time alone that is short of the
              threshold: a report placed only in the country needs its text or toll to agree)
    time      +1 within the story's span of reports, falling off with a 1-day Gaussian outside it
    text      up to +2 for a lede similar to one of the story's (token-set ratio above a floor),
              +0.5 for each other proper noun both mention (a district, an organisation), +0.25
              for each of two uncommon words both ledes use and for one both headlines use, +1 for
              the same casualty figures as one of its articles (+0.5 for the same dead and nearly
              the same injured: "32 injured" and "more than 30 hurt"; or, with 10 or more injured,
              one death more in the later report: an injured person died)

Order independence: a story is compared through aggregates of all its articles (every name,
role, city and lede, its span of times), never through its first or latest report, and its state is
unions, minima and maxima, so the same articles give the same state in any order. A report that
matches two open stories that do not exclude each other bridges them: they merge into the older
one (docs/decisions.md). A wire copy (a lede near-identical to a member published earlier, in
either arrival order) joins as a copy and is not an independent source. Ties are broken by the
stories' time and earliest article, never by arrival. Pure: `now` is an argument.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process

from agents.core.detector.taxonomy import EVENT_SPECS
from agents.core.models import (
    Alert,
    AlertReason,
    Article,
    ArticleRef,
    Casualties,
    Event,
    Factor,
    Level,
    Severity,
    SourceRef,
    Sources,
)
from agents.core.stories.identity import (
    content_words,
    fold,
    headline_words,
    main_city,
    mentions,
    name_tokens,
    nation_word,
    places_compatible,
    role_key,
    same_person,
    shared_names,
)
from agents.core.stories.index import Stories
from agents.core.stories.model import Decision, Outlet, StoryReason, StoryState, Trace

# Types whose stories are told apart by who was targeted (from the spec list: a new type is one entry).
TARGETED = frozenset(spec.type for spec in EVENT_SPECS if spec.needs_target)

WINDOW = timedelta(hours=72)  # default of TOCSIN_STORY_WINDOW_H: how long a story stays joinable
JOIN_MIN = 1.5
SAME_COUNTRY = 0.3  # one side names a city, the other only the country: compatible, little evidence
COPY_MIN = 92  # rapidfuzz ratio of two ledes at or above which the later one is a copy
COPY_MIN_CHARS = 120  # a shorter lede (an abridged copy) is compared over its own length
LEDE_CHARS = 240
LEDES_KEPT = 100  # a story's earliest articles keep their ledes for copies and text similarity
VETO = -100.0
TEXT_FLOOR = 60  # token-set ratio of unrelated reports of the same type: 55-70
NAME_BONUS = 0.5  # per proper noun (not a place) both texts mention
WORD_BONUS, WORDS_COUNTED = 0.25, 2  # per uncommon word both ledes use (identity.content_words), at most two
TOLL_BONUS, TOLL_MIN = 1.0, 3  # the same killed and injured figures, if they add up to 3 or more
CLOSE_TOLL_BONUS = 0.5  # the same killed and injured within CLOSE_TOLL_ABS or CLOSE_TOLL_REL of each other
CLOSE_TOLL_ABS, CLOSE_TOLL_REL = 2, 0.1
ROSE_MIN_INJURED = 10  # a toll one death higher counts only with this many injured on both sides
HEADLINE_BONUS = 0.25  # an uncommon word (not a place) both headlines use: what the story is about
MAX_TIME_TEXT = 3.0  # the most time (1) and text (2) can add: the index relies on it
OUTCOME_RANK = {None: 0, "unknown": 0, "foiled": 1, "unharmed": 2, "injured": 3, "killed": 4}
CORROBORATION_STEPS = (2, 3)  # independent sources at which subscribers hear about it again


def partition_key(event: Event) -> str:
    """Type + country: every candidate story of an event lives under one key (and one partition)."""
    codes = Counter(p.country_code for p in event.entities.places if p.country_code)
    country = max(codes, key=codes.__getitem__) if codes else "-"
    return f"{event.type}|{country}"


def report_time(article: Article, now: datetime) -> datetime:
    # A publisher's clock may run ahead; never let it place a report in the future.
    return article.published_at if article.published_at and article.published_at <= now else now


def outlet_of(article: Article) -> str:
    if article.source:
        return article.source.strip().lower()
    host = urlsplit(article.url or "").hostname or ""
    return host.removeprefix("www.") or f"article:{article.article_id}"


def lede(article: Article) -> str:
    return fold(article.text)[:LEDE_CHARS]


@dataclass(frozen=True, slots=True)
class Profile:
    """Who and where of a report, or of a whole story (the union over its articles)."""

    aliases: tuple[tuple[str, ...], ...]
    roles: frozenset[str]
    cities: frozenset[str]
    mentions: frozenset[str]


@dataclass(frozen=True, slots=True)
class Report:
    """What matching needs of one report, computed once per report (not once per candidate)."""

    event_type: str
    profile: Profile
    when: datetime
    text: str
    tolls: tuple[int | None, int | None]
    words: frozenset[str]  # the lede's content words
    headline: frozenset[str]  # the title's content words, places left out (`headline_words`)


Part = tuple[str, str | float, float]  # name, value, contribution: a Factor once it is kept


def _report(article: Article, event: Event, when: datetime, key: str) -> Report:
    target = event.entities.target
    country = key.split("|", 1)[1]
    tokens = name_tokens(target.name if target else None)
    role = role_key(target.role if target else None)
    body = f"{article.title or ''}\n{article.text}"
    return Report(
        event.type,
        Profile(
            (tokens,) if tokens else (),
            frozenset((role,)) if role else frozenset(),
            frozenset(main_city(event.entities.places, country, article.text)),
            mentions(body) | frozenset(tokens),
        ),
        when,
        lede(article),
        (event.casualties.killed, event.casualties.injured),
        content_words(lede(article)),
        headline_words(article.title),
    )


def _profile(s: StoryState) -> Profile:
    return Profile(
        tuple(tuple(a.split()) for a in s.aliases),
        frozenset(s.roles),
        frozenset(s.cities),
        frozenset(s.mentions),
    )


def _union(a: Profile, b: Profile) -> Profile:
    return Profile(
        tuple(sorted(set(a.aliases) | set(b.aliases))),
        a.roles | b.roles,
        a.cities | b.cities,
        a.mentions | b.mentions,
    )


def _named_in(named: Profile, other: Profile) -> bool:
    """Does the other side's text mention one of these names (a surname: any token but a leading
    given name, as Spanish double surnames put the family name first)?"""
    return any(len(t) > 3 and t in other.mentions for a in named.aliases for t in (a[1:] or a))


def _identity(a: Profile, b: Profile, attempt: bool) -> list[Part]:
    """Target and place of two profiles (symmetric): cheap set comparisons, tried before text."""
    parts: list[Part] = []
    conflict = bool(a.roles and b.roles and not a.roles & b.roles)
    if a.aliases and b.aliases:
        if any(same_person(x, y) for x in a.aliases for y in b.aliases):
            parts.append(("target", "same person", 3.0))
        elif attempt:
            parts.append(("target", "different person", VETO))
    elif (a.aliases and _named_in(a, b)) or (b.aliases and _named_in(b, a)):
        # One side names only a role; its text names the other's target (a detector that bound
        # the role to a background person still mentions the right one).
        parts.append(("target", "named in the text", 0.0 if conflict else 2.5))
    elif a.roles & b.roles:
        parts.append(("target", f"same role: {sorted(a.roles & b.roles)[0]}", 1.5))
    elif conflict and attempt:
        parts.append(("target", f"{sorted(a.roles)[0]}, not {sorted(b.roles)[0]}", -2.5))
    if a.cities & b.cities:
        parts.append(("place", sorted(a.cities & b.cities)[0], 1.5))
    elif not places_compatible(a.cities, b.cities):
        parts.append(("place", "different cities", VETO if not attempt else -1.5))
    elif a.cities or b.cities:  # one side names the city, the other only the country or a district
        parts.append(("place", "within the same country", SAME_COUNTRY))
    return parts


def _gap_days(story: StoryState, when: datetime) -> float:
    if story.event_at <= when <= story.last_seen_at:
        return 0.0
    nearest = story.event_at if when < story.event_at else story.last_seen_at
    return abs((when - nearest).total_seconds()) / 86400


def _match(story: StoryState, r: Report, identity: list[Part]) -> list[Part]:
    gap = _gap_days(story, r.when)
    # Any two reports of violence share words: similarity counts only above a floor.
    best = process.extractOne(r.text, [m.lede for m in story.members], scorer=fuzz.token_set_ratio)
    similar = best[1] if best else 0.0
    bonus = 2 * max(0.0, similar - TEXT_FLOOR) / (100 - TEXT_FLOOR)
    # Rarer names both texts mention (a district, an organisation) are evidence too (Priberam's
    # entity similarity); text as a whole adds at most 2.
    shared = shared_names(r.profile.mentions, frozenset(story.mentions))
    # Words of what happened both ledes use ("levy", "fuel", "pension"), beyond the names.
    words = sorted(
        w
        for w in (r.words & frozenset().union(*(content_words(m.lede) for m in story.members))) - set(shared)
        if not nation_word(w)  # "Bolivia" is in every report of a Bolivian story's key
    )[:WORDS_COUNTED]
    value = f"{round(similar)}" + (f"; also {', '.join(shared[:3])}" if shared else "")
    if words:
        value += f"; both say {', '.join(words)}"
    # A word of what happened in both headlines ("La Paz fuel march", "deadly fuel protest"): a
    # report placed only in the country names its story's subject there.
    headline = sorted(r.headline & frozenset(story.headlines) - set(shared))[:1]
    if headline:
        value += f"; both headlines say {headline[0]}"
    # The same casualty figures ("two dead and 40 injured") in two reports: the same event told
    # at the same stage (tolls rise, so different figures are no evidence against).
    same_toll = sum(n or 0 for n in r.tolls) >= TOLL_MIN and any(
        (m.killed, m.injured) == r.tolls for m in story.members
    )
    close_toll = not same_toll and any(
        _close_tolls(r.tolls, (m.killed, m.injured)) or _rose_by_one(m, r) for m in story.members
    )
    if same_toll:
        value += f"; same toll {r.tolls[0] or 0} killed, {r.tolls[1] or 0} injured"
    elif close_toll:
        value += f"; close toll {r.tolls[0] or 0} killed, about {r.tolls[1]} injured"
    toll = TOLL_BONUS if same_toll else CLOSE_TOLL_BONUS if close_toll else 0.0
    extra = NAME_BONUS * len(shared) + WORD_BONUS * len(words) + HEADLINE_BONUS * len(headline) + toll
    return [
        *identity,
        ("time", round(gap, 2), round(math.exp(-(gap**2) / 2), 3)),
        ("text", value, round(min(2.0, bonus + extra), 3)),
    ]


def _close_tolls(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    """The same dead and nearly the same injured ("32 injured", "more than 30 were hurt"): one
    event told with a rounded figure. Unrelated same-day events rarely agree that closely."""
    if (a[0] or 0) != (b[0] or 0) or a[1] is None or b[1] is None or (a[0] or 0) + a[1] < TOLL_MIN:
        return False
    return abs(a[1] - b[1]) <= max(CLOSE_TOLL_ABS, CLOSE_TOLL_REL * max(a[1], b[1]))


def _rose_by_one(m: Trace, r: Report) -> bool:
    """One death more in the later report and nearly the same injured ("two died and more than 40
    were hurt", then "the toll rose to three; 41 injured"): an injured person died, the commonest
    update. Only with many injured (a match of small figures is chance) and the right way round
    in time (tolls rise: a later report with one death fewer is no such evidence)."""
    if m.injured is None or r.tolls[1] is None or min(m.injured, r.tolls[1]) < ROSE_MIN_INJURED:
        return False
    early, late = ((m.killed, m.injured), r.tolls) if m.at <= r.when else (r.tolls, (m.killed, m.injured))
    if (late[0] or 0) - (early[0] or 0) != 1:
        return False
    return _close_tolls((late[0], early[1]), late)  # once that death is counted: the same dead


def _vetoed(parts: list[Part]) -> bool:
    return any(c <= VETO for _, _, c in parts)


def _total(parts: list[Part]) -> float:
    return sum(c for _, _, c in parts)


def _near_copy(a: str, b: str) -> bool:
    """Near-identical ledes, an abridged copy included: compared over the shorter one's length."""
    n = min(len(a), len(b))
    if not n:
        return False  # a lede a big story no longer keeps
    if n >= COPY_MIN_CHARS:
        a, b = a[:n], b[:n]
    return fuzz.ratio(a, b, score_cutoff=COPY_MIN) > 0


def _is_copy(r_text: str, story: StoryState) -> bool:
    return any(_near_copy(r_text, m.lede) for m in story.members)


def open_at(s: StoryState, when: datetime, window: timedelta = WINDOW) -> bool:
    return abs(when - s.last_seen_at) <= window or s.event_at <= when <= s.last_seen_at


def _order(s: StoryState) -> tuple[datetime, str]:
    """A story's place among others, the same in any arrival order: its earliest article."""
    first = min(s.members, key=lambda m: (m.at, m.article_id), default=None)
    return (s.event_at, first.article_id if first else s.story_id)


def _candidates(stories: Stories, r: Report, window: timedelta) -> list[StoryState]:
    p = r.profile
    ids = stories.index.candidates(
        attempt=r.event_type in TARGETED,
        tokens=p.aliases[0] if p.aliases else (),
        role=next(iter(p.roles), ""),
        city=p.cities,
        mentions=p.mentions,
        everything=stories.by_id,
    )
    out = [stories.by_id[i] for i in ids]
    return [s for s in out if s.event_type == r.event_type and open_at(s, r.when, window)]


def decide(
    stories: Stories,
    article: Article,
    event: Event,
    *,
    key: str,
    now: datetime,
    group_wait: timedelta = timedelta(0),
    window: timedelta = WINDOW,
) -> Decision:
    """The story this report belongs to (joined or new), why subscribers hear of it or not. Only
    stories seen within `window` of the report (or spanning it) are candidates.

    `group_wait` > 0: a new story's alert.created is held that long (`held_until`, `pending`) and
    sent by `release`; reports joining it meanwhile only refresh the pending alert, so a report that
    bridges two new stories within the wait costs subscribers one alert, not two."""
    when = report_time(article, now)
    r = _report(article, event, when, key)
    known = stories.story_of(article.article_id)
    if known is not None:  # the same article again (a replay)
        match = [Factor(name="copy", value=article.article_id, contribution=0.0)]
        return Decision(StoryReason.UNCHANGED, known, True, match, None)
    attempt = event.type in TARGETED
    scored: list[tuple[bool, float, list[Part], StoryState]] = []
    for s in _candidates(stories, r, window):
        identity = _identity(r.profile, _profile(s), attempt)
        if _vetoed(identity):
            continue  # another event, even if its text is a template of this one
        copy = _is_copy(r.text, s)
        if not copy and _total(identity) + MAX_TIME_TEXT < JOIN_MIN:
            continue  # too little in common for time and text to make up
        parts = _match(s, r, identity)
        if copy or _total(parts) >= JOIN_MIN:
            scored.append((copy, _total(parts), parts, s))
    member = Trace(
        article_id=article.article_id,
        outlet=outlet_of(article),
        lede=r.text,
        at=when,
        killed=event.casualties.killed,
        injured=event.casualties.injured,
    )
    if not scored:
        state = _new_story(key, article, event, r, now, member)
        alert = _alert(article, event, state, StoryReason.FIRST_REPORT, now)
        if group_wait > timedelta(0):
            state = state.model_copy(update={"held_until": now + group_wait, "pending": alert})
            return Decision(StoryReason.FIRST_REPORT, state, False, [], None)
        return Decision(StoryReason.FIRST_REPORT, state, False, [], alert)
    # The best match first; ties go to the older story (by its earliest article, not by arrival).
    scored.sort(key=lambda x: (not x[0], -x[1], _order(x[3])))
    _, _, parts, best = scored[0]
    group, profile = [best], _profile(best)
    for _, _, _, other in scored[1:]:
        # The report bridges two open stories that do not exclude each other: one event.
        if not _vetoed(_identity(profile, _profile(other), attempt)):
            group.append(other)
            profile = _union(profile, _profile(other))
    # The oldest story subscribers were alerted about keeps its id (they know it); a held one
    # merged into it is never announced. Among held stories only, the oldest.
    group.sort(key=lambda s: (s.held_until is not None, _order(s)))
    survivor = group[0]
    state = _combine(group, member, event, r, now)
    absorbed = tuple(s.story_id for s in group[1:])
    match = [Factor(name=n, value=v, contribution=c) for n, v, c in parts]
    if len(group) > 1:
        match.append(Factor(name="merged", value=len(group), contribution=0.0))
    if survivor.held_until is not None:
        # Still held: the release announces the story as it stands then, by its earliest deadline.
        until = min(s.held_until for s in group if s.held_until is not None)
        state = state.model_copy(update={"held_until": until})
        pending = _alert(article, event, state, StoryReason.FIRST_REPORT, now)
        state = state.model_copy(update={"pending": pending})
        return Decision(_reason(survivor, state), state, True, match, None, absorbed)
    notices = tuple(_merge_notice(article, event, s, state, now) for s in group[1:] if s.held_until is None)
    reason = _reason(survivor, state)
    new_member = next(m for m in state.members if m.article_id == article.article_id)
    if reason is StoryReason.UNCHANGED and new_member.is_copy:
        reason = StoryReason.COPY
    if reason in (StoryReason.UNCHANGED, StoryReason.COPY):
        return Decision(reason, state, True, match, None, absorbed, notices)
    state = state.model_copy(update={"revision": survivor.revision + 1})
    alert = _alert(article, event, state, reason, now)
    return Decision(reason, state, True, match, alert, absorbed, notices)


def _merge_notice(article: Article, event: Event, gone: StoryState, into: StoryState, now: datetime) -> Alert:
    """The last revision of an announced story merged into another: the merged story as it stands,
    under the old id (its subscribers' thread), pointing at the id it continues under."""
    view = into.model_copy(
        update={"story_id": gone.story_id, "revision": gone.revision + 1, "first_seen_at": gone.first_seen_at}
    )
    alert = _alert(article, event, view, StoryReason.MERGED, now)
    return alert.model_copy(update={"merged_into": into.story_id})


def release(stories: Stories, now: datetime) -> list[Decision]:
    """The held stories whose group_wait is over, each with its alert.created (the story as it
    stands now); `apply` each decision to record that it went out."""
    out: list[Decision] = []
    for story_id in stories.due(now):
        s = stories.by_id[story_id]
        state = s.model_copy(update={"held_until": None, "pending": None})
        alert = s.pending.model_copy(update={"detected_at": now}) if s.pending is not None else None
        out.append(Decision(StoryReason.FIRST_REPORT, state, False, [], alert))
    return out


def _new_story(
    key: str, article: Article, event: Event, r: Report, now: datetime, member: Trace
) -> StoryState:
    p = r.profile
    return StoryState(
        story_id="evt_" + hashlib.sha256(f"{key}|{article.article_id}".encode()).hexdigest()[:20],
        key=key,
        event_type=event.type,
        revision=1,
        first_seen_at=now,
        event_at=r.when,
        last_seen_at=r.when,
        aliases=sorted({" ".join(a) for a in p.aliases}),
        roles=sorted(p.roles),
        mentions=sorted(p.mentions),
        headlines=sorted(r.headline),
        country=key.split("|", 1)[1],
        cities=sorted(p.cities),
        killed=event.casualties.killed,
        injured=event.casualties.injured,
        score=event.severity.score,
        level=event.severity.level,
        outcome=event.outcome,
        outlets=[Outlet(name=member.outlet, first_seen_at=r.when)],
        articles=1,
        members=[member],
    )


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _copy_among(lede: str, others: list[Trace]) -> bool:
    return any(_near_copy(lede, o.lede) for o in others)


def _members(group: list[StoryState], new: Trace | None) -> list[Trace]:
    """All members in (time, id) order, each flagged a copy when its lede is near-identical to an
    earlier one's: which is the copy depends on publication, never on arrival. Each story's own
    flags stand; only pairs across stories and with the new report are compared."""
    ordered = sorted((m for s in group for m in s.members), key=lambda m: (m.at, m.article_id))
    if len(group) > 1:
        ordered = [
            m if m.is_copy or not _copy_among(m.lede, ordered[:i]) else m.model_copy(update={"is_copy": True})
            for i, m in enumerate(ordered)
        ]
    if new is None:
        return _bounded(ordered)
    rank = (new.at, new.article_id)
    earlier = [m for m in ordered if (m.at, m.article_id) < rank]
    new = new.model_copy(update={"is_copy": _copy_among(new.lede, earlier)})
    out = [
        m
        if m.is_copy or (m.at, m.article_id) < rank or not _copy_among(m.lede, [new])
        else m.model_copy(update={"is_copy": True})
        for m in ordered
    ]
    return _bounded(sorted([*out, new], key=lambda m: (m.at, m.article_id)))


def _bounded(members: list[Trace]) -> list[Trace]:
    # A big story keeps every article id (replays stay recognised) but only its earliest ledes.
    return [
        m if i < LEDES_KEPT or not m.lede else m.model_copy(update={"lede": ""})
        for i, m in enumerate(members)
    ]


def _combine(
    group: list[StoryState], new: Trace | None, event: Event, r: Report, now: datetime
) -> StoryState:
    """One story of several (a merge) and the new report: unions, minima and maxima only. The first
    of `group` is the survivor: its id, revision and hold."""
    base = group[0]
    members = _members(group, new)
    outlets: dict[str, datetime] = {}
    for m in members:
        if not m.is_copy:
            outlets[m.outlet] = min(outlets.get(m.outlet, m.at), m.at)
    killed, injured = base.killed, base.injured
    score, level, outcome = base.score, base.level, base.outcome
    for s in group:
        killed, injured = _max(killed, s.killed), _max(injured, s.injured)
        score, level = max(score, s.score), max(level, s.level, key=lambda x: x.rank)
        outcome = max(outcome, s.outcome, key=lambda o: OUTCOME_RANK.get(o, 0))
    aliases = {a for s in group for a in s.aliases}
    roles = {x for s in group for x in s.roles}
    cities = {c for s in group for c in s.cities}
    names = {n for s in group for n in s.mentions}
    headlines = {w for s in group for w in s.headlines}
    event_at = min(s.event_at for s in group)
    last_seen = max(s.last_seen_at for s in group)
    if new is not None:
        p = r.profile
        killed, injured = _max(killed, event.casualties.killed), _max(injured, event.casualties.injured)
        score = max(score, event.severity.score)
        level = max(level, event.severity.level, key=lambda x: x.rank)
        outcome = max(outcome, event.outcome, key=lambda o: OUTCOME_RANK.get(o, 0))
        aliases |= {" ".join(a) for a in p.aliases}
        roles |= p.roles
        cities |= p.cities
        names |= p.mentions
        headlines |= r.headline
        event_at, last_seen = min(event_at, r.when), max(last_seen, r.when)
    by_time = sorted(outlets.items(), key=lambda x: (x[1], x[0]))
    return base.model_copy(
        update={
            "first_seen_at": min(s.first_seen_at for s in group),
            "event_at": event_at,
            "last_seen_at": last_seen,
            "aliases": sorted(aliases),
            "roles": sorted(roles),
            "mentions": sorted(names),
            "headlines": sorted(headlines),
            "cities": sorted(cities),
            "killed": killed,
            "injured": injured,
            "score": score,
            "level": level,
            "outcome": outcome,
            "outlets": [Outlet(name=n, first_seen_at=t) for n, t in by_time],
            "copies": sum(m.is_copy for m in members),
            "articles": len(members),
            "members": members,
            "revision": base.revision,  # what the survivor's subscribers have seen
        }
    )


def _reason(before: StoryState, after: StoryState) -> StoryReason:
    if (after.killed or 0) > (before.killed or 0) or (after.injured or 0) > (before.injured or 0):
        return StoryReason.CASUALTIES_ROSE
    if after.level.rank > before.level.rank:
        return StoryReason.SEVERITY_ROSE
    if OUTCOME_RANK.get(after.outcome, 0) > OUTCOME_RANK.get(before.outcome, 0):
        return StoryReason.OUTCOME_CHANGED
    if any(len(before.outlets) < n <= len(after.outlets) for n in CORROBORATION_STEPS):
        return StoryReason.CORROBORATED
    return StoryReason.UNCHANGED


def apply(stories: Stories, decision: Decision, window: timedelta = WINDOW) -> list[str]:
    """Record the decision in the key's open stories (in place): the decided story replaced or
    added, the stories it absorbed dropped, and stories that ended long before the newest report
    closed (on the reports' own time axis, so replayed old news works too). Returns the ids of the
    stories removed, for the table to forget."""
    for story_id in decision.absorbed:
        stories.drop(story_id)
    stories.put(decision.state)
    return [*decision.absorbed, *stories.expire(2 * window)]


def _title(event: Event) -> str:
    kind = event.type.replace("_", " ").capitalize()
    parts: list[str] = []
    target = event.entities.target
    if target and (target.name or target.role):
        parts.append(" ".join(p for p in (target.role, target.name) if p))
    if event.entities.places:
        p = event.entities.places[0]
        parts.append(p.name + (f" ({p.country_code})" if p.country_code else ""))
    return f"{kind}: {', '.join(parts)}" if parts else kind


def _alert(article: Article, event: Event, state: StoryState, reason: StoryReason, now: datetime) -> Alert:
    n = len(state.outlets)
    bonus = min(6, 3 * (n - 1))
    factors = list(event.severity.factors)
    if bonus:
        factors.append(Factor(name="corroboration", value=n, contribution=float(bonus)))
    score = min(100, max(state.score, event.severity.score) + bonus)
    level = max(Level.for_score(score), state.level, key=lambda x: x.rank)
    summary = event.evidence[0] if event.evidence else (article.title or article.text[:300])
    return Alert(
        id=state.story_id,
        revision=state.revision,
        reason=AlertReason(reason.value),
        event_type=event.type,
        severity=Severity(score=score, level=level, factors=factors),
        title=_title(event),
        summary=summary[:600],
        # One outlet's first report is less certain than the same event confirmed by three.
        confidence=round(min(0.99, event.confidence * (0.85 + 0.075 * min(n, 3))), 3),
        outcome=state.outcome,
        entities=event.entities,
        casualties=Casualties(killed=state.killed, injured=state.injured),
        evidence=event.evidence,
        article=ArticleRef(
            id=article.article_id,
            title=article.title,
            url=article.url,
            source=article.source,
            published_at=article.published_at,
        ),
        detected_at=now,
        first_seen_at=state.first_seen_at,
        article_published_at=article.published_at,
        occurred_on=event.occurred_on,
        sources=Sources(
            count=n,
            outlets=[SourceRef(name=o.name, first_seen_at=o.first_seen_at) for o in state.outlets],
            copies=state.copies,
        ),
    )
