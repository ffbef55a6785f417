"""`python -m bench.stories_speed`: story assembly per event with 10,000 open stories.

What `track_stories` does per event: take the partition key's open stories (parsed once, kept in
memory), `decide`, `apply`, and write the one decided story to the table (-> JSON). The cost depends
on how many open stories share the event's key (type + country), so both layouts are measured:
10,000 stories over 100 keys, and all 10,000 under one key (one country's attempts, the worst case).
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, datetime, timedelta

import orjson

from agents.core.detector.places import gazetteer
from agents.core.models import Article, Casualties, Entities, Event, Level, Place, Severity, Target
from agents.core.stories import Stories, StoryState, apply, decide, partition_key
from agents.core.stories.model import Outlet, Trace

CITIES = [("Nairobi", "KE"), ("Lagos", "NG"), ("Lima", "PE"), ("Dhaka", "BD"), ("Baghdad", "IQ")]
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _event(rng: random.Random, i: int, country: str, city: str) -> Event:
    attempt = True
    return Event(
        type="assassination_attempt" if attempt else "protest_violence",
        confidence=0.9,
        severity=Severity(score=60, level=Level.HIGH),
        casualties=Casualties(killed=rng.randint(0, 3), injured=rng.randint(0, 20)),
        entities=Entities(
            places=[Place(name=city, country_code=country)],
            target=Target(name=f"Name{i} Surname{i}", role="Governor") if attempt else None,
        ),
    )


def _article(rng: random.Random, i: int, hours: float) -> Article:
    words = " ".join(rng.choice(["police", "crowd", "city", "gunmen", "convoy", "march"]) for _ in range(40))
    return Article(
        id=f"a{i}",
        title=f"t{i}",
        text=f"Report {i}: {words}",
        source=f"outlet{i % 7}",
        published_at=NOW + timedelta(hours=hours),
    )


def build(n: int, keys: int, rng: random.Random) -> tuple[dict[str, Stories], list[tuple[Article, Event]]]:
    """A table of `n` distinct open stories over `keys` partition keys (as JSON), and probe reports."""
    tables: dict[str, list[StoryState]] = {}
    for i in range(n):
        key = f"assassination_attempt|C{i % keys}"
        when = NOW - timedelta(hours=rng.random() * 48)
        trace = Trace(
            article_id=f"s{i}", outlet=f"outlet{i % 7}", lede=_article(rng, i, 0).text[:240].lower()
        )
        tables.setdefault(key, []).append(
            StoryState(
                story_id=f"evt_{i}",
                event_type="assassination_attempt",
                revision=1,
                first_seen_at=when,
                event_at=when,
                last_seen_at=when,
                target=["name", f"surname{i}"],
                role="governor",
                country=key.split("|")[1],
                cities=[CITIES[i % len(CITIES)][0].lower()],
                score=60,
                level=Level.HIGH,
                outlets=[Outlet(name=trace.outlet, first_seen_at=when)],
                recent=[trace],
            )
        )
    probes = []
    for j in range(200):
        i = rng.randrange(n)
        city, _ = CITIES[i % len(CITIES)]
        probes.append((_article(rng, n + j, 1.0), _event(rng, i, f"C{i % keys}", city)))
    return {k: Stories(stories=v) for k, v in tables.items()}, probes


def per_event_ms(table: dict[str, Stories], probes: list[tuple[Article, Event]]) -> list[float]:
    out = []
    for article, event in probes:
        t0 = time.perf_counter()
        key = partition_key(event)
        current = table.get(key) or Stories()
        d = decide(current, article, event, key=key, now=NOW + timedelta(hours=1))
        table[key] = apply(current, d)
        orjson.dumps(d.state.model_dump(mode="json"))  # the one table write
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    rng = random.Random(1)
    gazetteer()  # loaded once per process (about 0.5 s): not part of the per-event cost
    print("| layout | open stories | per event p50 | p99 | mean |\n| --- | ---: | ---: | ---: | ---: |")
    for name, keys in (("100 keys (types x countries)", 100), ("one key (worst case)", 1)):
        table, probes = build(10_000, keys, rng)
        ms = sorted(per_event_ms(table, probes))
        stories = sum(len(v.stories) for v in table.values())

        def p(q: float, ms: list[float] = ms) -> float:
            return ms[min(len(ms) - 1, int(q * len(ms)))]

        print(
            f"| {name} | {stories:,} | {p(0.5):.2f} ms | {p(0.99):.2f} ms | {statistics.fmean(ms):.2f} ms |"
        )


if __name__ == "__main__":
    main()
