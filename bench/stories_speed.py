"""`python -m bench.stories_speed [--before REV]`: story assembly per event with 10,000 open stories.

What `track_stories` does per event: take the partition key's open stories (parsed once, kept in
memory), `decide`, `apply`, and write the one decided story to the table (-> JSON). The cost depends
on how many open stories share the event's key (type + country), so three layouts are measured:
10,000 attempts over 100 keys (real countries, five cities each), all 10,000 under one key (one
country's attempts, the worst case), and 10,000 protests over 100 countries' largest 200 cities.
Targets have distinct made-up names; three in four probe reports are about an open story (they
join it), one in four about a new target. A protest report that names no city is compared with
every open protest of its country (not measured here: any city's story could be its event).

`--before REV` also runs the story stage of an older revision (its `agents/core/stories`, extracted
with `git archive` and imported under another name) on the same workload, in the same process, so
the two columns are comparable on this noisy machine. Only revisions with the stories package
layout of 39e2d3e or later work (`Stories(stories=[...])` and `apply` returning the new value, or
this revision's `Stories(states)` and `apply` returning closed ids).
"""

from __future__ import annotations

import argparse
import importlib
import io
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import orjson

from agents.core.detector.places import gazetteer
from agents.core.models import Article, Casualties, Entities, Event, Level, Place, Severity, Target
from agents.core.stories.identity import shared_names

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
N = 10_000
PROBES = 200
SYLLABLES = "ka ro wi na de mu si lo ba te ri go fa zu ne hi pa do ma ye ku ta li se bo"
WORDS = ["police", "crowd", "city", "gunmen", "convoy", "march", "officials", "said", "fired", "road"]
REPO = Path(__file__).resolve().parents[1]


def _name(rng: random.Random) -> str:
    def word(k: int) -> str:
        return "".join(rng.choice(SYLLABLES.split()) for _ in range(k)).capitalize()

    return f"{word(2)} {word(3)}"


def _countries(n: int) -> list[tuple[str, list[str]]]:
    """The `n` countries with most gazetteer cities (Nigeria first), each with its largest 200."""
    by: dict[str, list[Any]] = {}
    for e in gazetteer().values():
        if e.kind == "city":
            by.setdefault(e.country_code, []).append(e)
    codes = sorted(by, key=lambda c: (c != "NG", -len(by[c]), c))[:n]
    return [(c, [e.name for e in sorted(by[c], key=lambda e: -e.population)[:200]]) for c in codes]


def _lede(rng: random.Random, i: int) -> str:
    return f"Report {i}: " + " ".join(rng.choice(WORDS) for _ in range(40))


class Workload:
    """The same open stories and probe reports for any revision's story stage."""

    def __init__(self, keys: int, kind: str, rng: random.Random) -> None:
        self.kind, self.keys = kind, keys
        self.index_ms = 0.0
        countries = _countries(keys)
        self.stories = []  # (i, key, country, name, role, city, when, lede)
        names: set[str] = set()
        for i in range(N):
            name = _name(rng)
            while name in names:
                name = _name(rng)
            names.add(name)
            country, cities = countries[i % keys]
            city = rng.choice(cities) if kind == "protest_violence" else cities[i % min(5, len(cities))]
            when = NOW - timedelta(hours=rng.random() * 48)
            self.stories.append(
                (i, f"{kind}|{country}", country, name, "governor", city, when, _lede(rng, i))
            )
        self.probes: list[tuple[Article, Event]] = []
        for j in range(PROBES):
            i, _, country, name, _, city, _, _ = self.stories[rng.randrange(N)]
            if j % 4 == 3:
                name = _name(rng)  # a new target: opens a story
            attempt = kind == "assassination_attempt"
            event = Event(
                type=kind,  # type: ignore[arg-type]
                confidence=0.9,
                severity=Severity(score=60, level=Level.HIGH),
                casualties=Casualties(killed=rng.randint(0, 3), injured=rng.randint(0, 20)),
                entities=Entities(
                    places=[Place(name=city, country_code=country)],
                    target=Target(name=name, role="Governor") if attempt else None,
                ),
            )
            article = Article(
                id=f"p{j}",
                title=f"t{j}",
                text=_lede(rng, N + j),
                source=f"outlet{j % 7}",
                published_at=NOW + timedelta(hours=1),
            )
            self.probes.append((article, event))


def _tables(mod: Any, w: Workload) -> dict[str, Any]:
    """The workload's open stories as `mod`'s stories package holds them."""
    model, fold = mod.model, mod.identity.fold
    new_api = hasattr(model.StoryState, "model_fields") and "aliases" in model.StoryState.model_fields
    by_key: dict[str, list[Any]] = {}
    for i, key, country, name, role, city, when, lede in w.stories:
        outlet = f"outlet{i % 7}"
        tokens = list(mod.identity.name_tokens(name)) if w.kind == "assassination_attempt" else []
        common = dict(
            story_id=f"evt_{i}",
            key=key,
            event_type=w.kind,
            revision=1,
            first_seen_at=when,
            event_at=when,
            last_seen_at=when,
            country=country,
            cities=[fold(city)],
            score=60,
            level=Level.HIGH,
            outlets=[model.Outlet(name=outlet, first_seen_at=when)],
        )
        if new_api:
            state = model.StoryState(
                **common,
                aliases=[" ".join(tokens)] if tokens else [],
                roles=[role] if tokens else [],
                mentions=sorted(set(tokens)),
                members=[model.Trace(article_id=f"s{i}", outlet=outlet, lede=fold(lede)[:240], at=when)],
            )
        else:
            state = model.StoryState(
                **common,
                target=tokens,
                role=role if tokens else "",
                recent=[model.Trace(article_id=f"s{i}", outlet=outlet, lede=fold(lede)[:240])],
            )
        by_key.setdefault(key, []).append(state)
    if hasattr(mod.index_module, "Index"):
        tables = {k: mod.Stories(v) for k, v in by_key.items()}
        t0 = time.perf_counter()
        for t in tables.values():
            t.index  # noqa: B018 - built once per key after a restart or rebalance, not per event
        w.index_ms = (time.perf_counter() - t0) * 1000
        return tables
    return {k: mod.Stories(stories=v) for k, v in by_key.items()}


def per_event_ms(mod: Any, w: Workload) -> list[float]:
    table = _tables(mod, w)
    in_place = hasattr(mod.index_module, "Index")
    out = []
    for article, event in w.probes:
        t0 = time.perf_counter()
        key = mod.partition_key(event)
        current = table.get(key) or (mod.Stories() if in_place else mod.Stories(stories=[]))
        d = mod.decide(current, article, event, key=key, now=NOW + timedelta(hours=1))
        if in_place:
            table[key] = current
            mod.apply(current, d)
        else:
            table[key] = mod.apply(current, d)
        orjson.dumps(d.state.model_dump(mode="json"))  # the one table write
        out.append((time.perf_counter() - t0) * 1000)
    return out


class Stage:
    """One revision's story stage: decide, apply, Stories, partition_key and its modules."""

    def __init__(self, package: str) -> None:
        root = importlib.import_module(package)
        self.decide, self.apply = root.decide, root.apply
        self.Stories, self.partition_key = root.Stories, root.partition_key
        self.model: ModuleType = importlib.import_module(f"{package}.model")
        self.identity: ModuleType = importlib.import_module(f"{package}.identity")
        try:
            self.index_module: ModuleType = importlib.import_module(f"{package}.index")
        except ModuleNotFoundError:
            self.index_module = self.model


def extract(rev: str) -> str:
    """The story stage of `rev`, importable as `stories_<rev>` (its own imports renamed)."""
    name = "stories_" + "".join(c for c in rev if c.isalnum())[:12]
    into = Path(tempfile.mkdtemp(prefix="stories-before-"))
    raw = subprocess.run(
        ["git", "archive", rev, "agents/core/stories"], cwd=REPO, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(raw)) as tar:
        tar.extractall(into, filter="data")
    pkg = into / name
    (into / "agents/core/stories").rename(pkg)
    for f in pkg.glob("*.py"):
        f.write_text(f.read_text().replace("agents.core.stories", name))
    sys.path.insert(0, str(into))
    return name


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.stories_speed")
    ap.add_argument("--before", metavar="REV", help="also run this revision's story stage (e.g. 39e2d3e)")
    args = ap.parse_args(argv)
    gazetteer()  # loaded once per process (about 0.5 s): not part of the per-event cost
    shared_names({"x"}, {"x"})  # its place-word set, built once per process
    stages = [("this revision", Stage("agents.core.stories"))]
    if args.before:
        stages.insert(0, (args.before, Stage(extract(args.before))))
    layouts = (
        ("attempts, 100 keys (types x countries)", 100, "assassination_attempt"),
        ("attempts, one key (worst case)", 1, "assassination_attempt"),
        ("protests, 100 keys, 200 cities", 100, "protest_violence"),
    )
    print("| layout | code | open stories | per event p50 | p99 | mean |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, keys, kind in layouts:
        w = Workload(keys, kind, random.Random(1))
        for label, stage in stages:
            ms = sorted(per_event_ms(stage, w))

            def p(q: float, ms: list[float] = ms) -> float:
                return ms[min(len(ms) - 1, int(q * len(ms)))]

            print(
                f"| {name} | {label} | {N:,} | {p(0.5):.3f} ms | {p(0.99):.3f} ms"
                f" | {statistics.fmean(ms):.3f} ms |",
                flush=True,
            )
    for name, keys, kind in layouts[:2]:
        w = Workload(keys, kind, random.Random(1))
        _tables(stages[-1][1], w)
        print(f"\nindex build after a restart ({name}): {w.index_ms:.0f} ms for {N:,} stories", flush=True)


if __name__ == "__main__":
    main()
