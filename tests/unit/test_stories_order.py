"""Property: any arrival order of the same reports gives the same stories, the same alerts
(alert.created per story) and the same final state of every story.

Reports of one event are classified on different partitions and reach the stories stage in any
order. The reports below are the cases that used to depend on it: a target named in full, by
surname, by role only (with and without a city), a bridging report, a wire copy that can arrive
before its original, a report that places the event only as "the capital", rising tolls, and
siblings (same type, country and day) that must stay apart.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from agents.core.models import Article, Casualties, Entities, Event, Level, Place, Severity, Target
from agents.core.stories import StoryReason
from agents.core.stories.index import Stories
from agents.core.stories.offline import assemble

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SHUFFLES = 40


def _event(
    kind: str,
    places: list[str],
    *,
    name: str | None = None,
    role: str | None = None,
    killed: int | None = None,
    injured: int | None = None,
    score: int = 60,
    outcome: str | None = None,
) -> Event:
    target = Target(name=name, role=role) if (name or role) else None
    return Event(
        type=kind,  # type: ignore[arg-type]
        confidence=0.9,
        severity=Severity(score=score, level=Level.for_score(score)),
        casualties=Casualties(killed=killed, injured=injured),
        outcome=outcome,  # type: ignore[arg-type]
        entities=Entities(places=[Place(name=p, country_code="NG") for p in places], target=target),
    )


def _art(i: str, hours: float, source: str, text: str) -> Article:
    return Article(
        id=i, title=f"report {i}", text=text, source=source, published_at=T0 + timedelta(hours=hours)
    )


ATTEMPT, PROTEST = "assassination_attempt", "protest_violence"
WIRE = (
    "Gunmen on motorcycles opened fire on the convoy of Governor Amina Bello-Okafor at a junction in"
    " Kano late on Tuesday, killing one police officer and wounding five people, officials said."
)

# (gold event, article, event)
REPORTS: list[tuple[str, Article, Event]] = [
    # The governor: full name, surname, role only with the name in the text, role only without a
    # city, a wire copy (published later than its original, may arrive first), a rising toll.
    (
        "gov",
        _art(
            "g1",
            0,
            "Kano Ledger",
            "Attackers shot at the motorcade of Amina Bello-Okafor, the"
            " Kano State governor, wounding two guards near Gwale on Tuesday evening.",
        ),
        _event(ATTEMPT, ["Kano"], name="Amina Bello-Okafor", role="Governor", injured=2, outcome="unharmed"),
    ),
    (
        "gov",
        _art("g2", 3, "Sahel Wire", WIRE),
        _event(
            ATTEMPT, ["Kano"], name="Bello-Okafor", role="Governor", killed=1, injured=5, outcome="unharmed"
        ),
    ),
    (
        "gov",
        _art("g3", 4, "Abuja Post", WIRE + "\nMore stories"),
        _event(
            ATTEMPT, ["Kano"], name="Bello-Okafor", role="Governor", killed=1, injured=5, outcome="unharmed"
        ),
    ),
    (
        "gov",
        _art(
            "g4",
            14,
            "Lagos Herald",
            "The state governor vowed on Wednesday to continue her work;"
            " Mrs Bello-Okafor thanked the guards who shielded her car in Gwale.",
        ),
        _event(ATTEMPT, ["Kano"], role="Governor", killed=1, injured=6, score=70),
    ),
    (
        "gov",
        _art(
            "g5",
            20,
            "Continental Times",
            "Police arrested three suspects over the ambush of"
            " the governor's convoy, in which one officer died; Bello-Okafor was unhurt.",
        ),
        _event(ATTEMPT, ["Nigeria"], role="Governor", killed=1, injured=5),
    ),
    # A sibling: another target in the same city on the same day.
    (
        "jour",
        _art(
            "j1",
            2,
            "Kano Ledger",
            "Two men shot and wounded the journalist Musa Garba Yakasai"
            " outside his home in Nassarawa, Kano, on Tuesday night.",
        ),
        _event(ATTEMPT, ["Kano"], name="Musa Garba Yakasai", role="Journalist", injured=1, outcome="injured"),
    ),
    (
        "jour",
        _art(
            "j2",
            9,
            "Press Monitor",
            "A press group demanded an inquiry into the shooting of"
            " reporter Musa Yakasai in Nassarawa; he is recovering.",
        ),
        _event(ATTEMPT, ["Kano"], name="Musa Yakasai", role="Reporter", injured=1, outcome="injured"),
    ),
    (
        "jour",
        _art(
            "j3",
            30,
            "Arewa Voice",
            "Yakasai left hospital on Thursday, two days after gunmen"
            " fired three shots at him outside his home.",
        ),
        _event(ATTEMPT, ["Nigeria"], name="Yakasai", role="Journalist", injured=1, outcome="injured"),
    ),
    # Another attempt elsewhere in the country, the same day: a senator in Abuja.
    (
        "sen",
        _art(
            "s1",
            1,
            "Capital Daily",
            "A bomb went off beside the car of Senator Ibrahim Danjuma"
            " in Abuja's Wuse district, injuring his driver.",
        ),
        _event(ATTEMPT, ["Abuja"], name="Ibrahim Danjuma", role="Senator", injured=1, outcome="unharmed"),
    ),
    (
        "sen",
        _art(
            "s2",
            6,
            "Sahel Wire",
            "Danjuma said the blast in Wuse would not silence him; his driver is in a stable condition.",
        ),
        _event(ATTEMPT, ["Abuja"], name="Danjuma", role="Senator", injured=1, outcome="unharmed"),
    ),
    # Protests in two cities on one day, and reports that place them only by the country.
    (
        "lag",
        _art(
            "p1",
            0,
            "Lagos Herald",
            "Police fired tear gas at traders protesting a market"
            " levy in Lagos's Oshodi area, injuring eight.",
        ),
        _event(PROTEST, ["Lagos"], injured=8, score=50),
    ),
    (
        "lag",
        _art(
            "p2",
            5,
            "Lagos Herald Evening",
            "One trader died and 15 were hurt when police broke"
            " up the levy protest at Oshodi market in Lagos.",
        ),
        _event(PROTEST, ["Lagos"], killed=1, injured=15, score=65),
    ),
    (
        "lag",
        _art(
            "p3",
            26,
            "Continental Times",
            "Traders at Oshodi market buried a colleague killed"
            " when police dispersed Tuesday's levy protest.",
        ),
        _event(PROTEST, ["Nigeria"], killed=1, injured=15, score=65),
    ),
    (
        "abj",
        _art(
            "q1",
            2,
            "Capital Daily",
            "Students protesting fee rises clashed with police near"
            " the Eagle Square in Abuja; twelve were injured.",
        ),
        _event(PROTEST, ["Abuja"], injured=12, score=50),
    ),
    (
        "abj",
        _art(
            "q2",
            8,
            "Sahel Wire",
            "Police used water cannon on students near Eagle Square in"
            " the capital, leaving 20 injured, officials said.",
        ),
        _event(PROTEST, ["Nigeria"], injured=20, score=55),
    ),
]


def _outcome(order: list[int]) -> tuple[frozenset[frozenset[str]], frozenset[tuple[object, ...]]]:
    reports = [REPORTS[i] for i in order]
    tables: dict[str, Stories] = {}
    decisions = assemble([(a, e) for _, a, e in reports], now=lambda a: a.published_at or T0, tables=tables)
    created: dict[str, int] = defaultdict(int)
    into: dict[str, str] = {}
    for d in decisions:
        for gone in d.absorbed:
            into[gone] = d.state.story_id
        if d.reason is StoryReason.FIRST_REPORT:
            created[d.state.story_id] += 1
    for gone, survivor in into.items():
        while survivor in into:
            survivor = into[survivor]
        created[survivor] += created.pop(gone, 0)
    final = [s for t in tables.values() for s in t.stories]
    stories = frozenset(frozenset(m.article_id for m in s.members) for s in final)
    states = frozenset(
        (
            frozenset(m.article_id for m in s.members),
            frozenset(m.article_id for m in s.members if m.is_copy),
            s.killed,
            s.injured,
            s.level,
            s.outcome,
            tuple(o.name for o in s.outlets),
            s.event_at,
            s.last_seen_at,
            created[s.story_id],
        )
        for s in final
    )
    return stories, states


def test_the_reports_form_one_story_per_event() -> None:
    stories, states = _outcome(sorted(range(len(REPORTS)), key=lambda i: REPORTS[i][1].published_at or T0))
    gold: dict[str, set[str]] = defaultdict(set)
    for event, article, _ in REPORTS:
        gold[event].add(article.article_id)
    assert stories == {frozenset(v) for v in gold.values()}
    by_members = {s[0]: s for s in states}
    gov = by_members[frozenset(gold["gov"])]
    assert gov[1] == {"g3"}  # the later of the two identical ledes is the copy
    assert (gov[2], gov[3], gov[-1]) == (1, 6, 1)  # highest tolls; one alert.created
    assert all(s[-1] == 1 for s in states)


def test_any_arrival_order_gives_the_same_stories_alerts_and_final_states() -> None:
    base = _outcome(list(range(len(REPORTS))))
    rng = random.Random(20261201)
    for _ in range(SHUFFLES):
        order = list(range(len(REPORTS)))
        rng.shuffle(order)
        assert _outcome(order) == base, order


def _stories_and_created(reports: list[tuple[Article, Event]]) -> tuple[frozenset[frozenset[str]], int]:
    tables: dict[str, Stories] = {}
    decisions = assemble(reports, now=lambda a: a.published_at or T0, tables=tables)
    stories = frozenset(
        frozenset(m.article_id for m in s.members) for t in tables.values() for s in t.stories
    )
    return stories, sum(d.reason is StoryReason.FIRST_REPORT for d in decisions)


def test_a_story_is_matched_over_its_whole_span_not_its_latest_report() -> None:
    """A country-level report from early on joins even when it arrives after a report two days
    later: time is measured to the story's span of reports (the same in any order), not to the
    latest arrival. (When b1 comes last, b2 and b3 have nothing to join yet and b1 bridges them.)"""
    reports = [
        (
            _art(
                "b1",
                0,
                "Rivers Post",
                "Police fired tear gas at okada riders blocking the"
                " expressway in Port Harcourt over a new ban; five people were hurt.",
            ),
            _event(PROTEST, ["Port Harcourt"], injured=5),
        ),
        (
            _art(
                "b2",
                40,
                "Delta Courier",
                "Nine people are now known to have been injured when"
                " officers dispersed motorcycle taxi drivers in Port Harcourt.",
            ),
            _event(PROTEST, ["Port Harcourt"], injured=9),
        ),
        (
            _art(
                "b3",
                3,
                "Continental Times",
                "Security forces used force against commercial"
                " motorcyclists angry at a ban, witnesses told reporters by telephone.",
            ),
            _event(PROTEST, ["Nigeria"], injured=5),
        ),
    ]
    for order in ([0, 1, 2], [0, 2, 1], [2, 0, 1], [1, 0, 2], [1, 2, 0], [2, 1, 0]):
        stories, created = _stories_and_created([reports[i] for i in order])
        assert stories == {frozenset({"b1", "b2", "b3"})}, order
        assert created == (2 if order[-1] == 0 else 1), order


def test_a_report_bridging_two_open_stories_merges_them_in_any_order() -> None:
    """X and Y have too little in common, Z matches both: whatever the order, one story ends up
    with all three. When Y arrived before Z, its story had already been alerted: that is the one
    order in which subscribers got two alert.created (docs/decisions.md)."""
    reports = [
        (
            _art(
                "x",
                0,
                "Ibadan Tribune",
                "Police fired tear gas at traders protesting a levy in Ibadan on Monday, injuring four.",
            ),
            _event(PROTEST, ["Ibadan"], injured=4),
        ),
        (
            _art(
                "y",
                30,
                "Continental Times",
                "Shops at the Bodija market stayed shut a day after clashes that left seven people hurt.",
            ),
            _event(PROTEST, ["Nigeria"], injured=7),
        ),
        (
            _art(
                "z",
                15,
                "Sahel Wire",
                "Seven traders were injured at Bodija market when police broke"
                " up the levy protest in Ibadan, officials said.",
            ),
            _event(PROTEST, ["Ibadan"], injured=7),
        ),
    ]
    created = set()
    for order in ([0, 1, 2], [0, 2, 1], [2, 0, 1], [1, 0, 2], [1, 2, 0], [2, 1, 0]):
        stories, n = _stories_and_created([reports[i] for i in order])
        assert stories == {frozenset({"x", "y", "z"})}, order
        created.add((order.index(2) > max(order.index(0), order.index(1)), n))
        # Every alert.created but one is followed by a `merged` revision naming the survivor.
        decisions = assemble([reports[i] for i in order], now=lambda a: a.published_at or T0)
        notices = [x for d in decisions for x in d.notices]
        assert len(notices) == n - 1, order
        assert all(x.merged_into == decisions[-1].state.story_id for x in notices), order
    assert created == {(False, 1), (True, 2)}  # two alerts only when the bridge came last
