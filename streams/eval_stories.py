"""`tocsin eval-stories --gold FILE`: detection + story assembly offline, scored per gold event.

Articles are processed in publication order (`--shuffle N` also tries N random arrival orders and
reports whether the stories, and the alerts and final states, came out the same), each dated by its
publication, exactly as the stories stage would see them, on an arrival clock that never goes back
(`arrivals`): holds (`--group-wait S`, the worker's TOCSIN_STORY_GROUP_WAIT_S) expire on it. Stories
are scored as they end (after merges); `alert.created per gold event` counts what subscribers were
sent on the way. `pairs` counts the reports that would need a bridge: with none, any order gives
one story and one alert.created per event whatever the wait.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from agents.core.detector import detect
from agents.core.models import Article, Event
from agents.core.stories import Decision, StoryReason, StoryState
from agents.core.stories.offline import assemble
from agents.core.story_metrics import GoldArticle, StoryMetrics, load_gold, measure, row_for

_EPOCH = datetime.min.replace(tzinfo=UTC)


def _reports(gold: list[GoldArticle]) -> list[tuple[GoldArticle, Article, Event]]:
    out: list[tuple[GoldArticle, Article, Event]] = []
    for g in gold:
        article = Article(
            id=g.id, title=g.title, text=g.text, url=g.url, source=g.source, published_at=g.published_at
        )
        out.extend((g, article, e) for e in detect(article.title, article.text))
    return out


# The final stories' articles; per story its final state and alert.created count; and per story
# the alert.created still standing (not followed by a `merged` notice pointing elsewhere).
Outcome = tuple[frozenset[frozenset[str]], frozenset[tuple[object, ...]], frozenset[tuple[object, ...]]]


def arrivals(reports: list[tuple[GoldArticle, Article, Event]], idx: list[int]) -> list[datetime]:
    """When each report of an arrival order reaches the stories stage, on a clock that never goes
    back: the k-th arrival comes at the k-th publication instant of the set (the stream's pace),
    never before its own publication nor before the previous arrival. A report published early and
    arriving late keeps its publication as its time; only holds expire on this clock."""
    instants = sorted(reports[i][1].published_at or _EPOCH for i in idx)
    out: list[datetime] = []
    for k, i in enumerate(idx):
        at = max(instants[k], reports[i][1].published_at or _EPOCH, out[-1] if out else _EPOCH)
        out.append(at)
    return out


def score(
    gold: list[GoldArticle],
    order: list[int] | None = None,
    group_wait: timedelta = timedelta(0),
    delays: list[timedelta] | None = None,
) -> tuple[StoryMetrics, Outcome]:
    """Metrics for one arrival order (default: by publication time), and what must not depend on
    the order: the final stories' articles, and per story its final tolls, level, sources and
    copies and how many alert.created went out for it. `delays` (one per report): each arrives at
    its publication plus its delay, in that order, on that clock (`order` is then unused)."""
    reports = _reports(gold)
    published = [r[1].published_at or _EPOCH for r in reports]
    if delays is not None:
        idx = sorted(range(len(reports)), key=lambda i: (published[i] + delays[i], i))
        times = [published[i] + delays[i] for i in idx]
    else:
        idx = order if order is not None else sorted(range(len(reports)), key=lambda i: published[i])
        idx = [i for i in idx if i < len(reports)]
        times = arrivals(reports, idx)
    ordered = [reports[i] for i in idx]
    clock = dict(zip((reports[i][1].article_id for i in idx), times, strict=True))
    released: list[tuple[int, Decision]] = []
    decisions = assemble(
        [(a, e) for _, a, e in ordered],
        now=lambda a: clock[a.article_id],
        group_wait=group_wait,
        released=released,
    )
    # Every decision in the order it was taken: a release between two reports, or after the last.
    steps: list[tuple[GoldArticle | None, Decision]] = []
    pending = iter(released)
    nxt = next(pending, None)
    for k, ((g, _, _), d) in enumerate(zip(ordered, decisions, strict=True)):
        while nxt is not None and nxt[0] <= k:
            steps.append((None, nxt[1]))
            nxt = next(pending, None)
        steps.append((g, d))
    while nxt is not None:
        steps.append((None, nxt[1]))
        nxt = next(pending, None)
    into: dict[str, str] = {}  # a merged story's id -> the story it was merged into
    final: dict[str, StoryState] = {}
    first: dict[str, str] = {}  # article -> the story of its first (main) event
    opener: dict[str, str] = {}  # story id -> the article that opened it
    announced: set[str] = set()  # story ids an alert.created went out for
    retracted: set[str] = set()  # story ids whose last revision said `merged`
    for ga, d in steps:
        for gone in d.absorbed:
            into[gone] = d.state.story_id
            final.pop(gone, None)
        final[d.state.story_id] = d.state
        retracted.update(n.id for n in d.notices)
        if d.alert is not None and d.alert.reason.value == StoryReason.FIRST_REPORT.value:
            announced.add(d.alert.id)
        if ga is None:
            continue
        first.setdefault(ga.id, d.state.story_id)
        if d.reason is StoryReason.FIRST_REPORT and not d.joined:
            opener.setdefault(d.state.story_id, ga.id)
    opened = {opener[sid] for sid in announced if sid in opener}

    def resolve(story_id: str) -> str:
        while story_id in into:
            story_id = into[story_id]
        return story_id

    story_of = {a: resolve(s) for a, s in first.items()}
    copies = {m.article_id for s in final.values() for m in s.members if m.is_copy}
    members: dict[str, set[str]] = defaultdict(set)
    for a, s in story_of.items():
        members[s].add(a)

    def tolls(article_id: str) -> tuple[int | None, int | None]:
        s = final.get(story_of.get(article_id, ""))
        return (s.killed, s.injured) if s else (None, None)

    rows = [
        row_for(
            g,
            story_id=story_of.get(g.id),
            alerted=g.id in story_of,
            marked_copy=g.id in copies,
            opened=g.id in opened,
            tolls=tolls(g.id),
        )
        for g in gold
    ]
    created: dict[str, int] = defaultdict(int)
    standing: dict[str, int] = defaultdict(int)
    for a in opened:
        created[story_of[a]] += 1
    for a in {opener[sid] for sid in announced - retracted if sid in opener}:
        standing[story_of[a]] += 1
    states = frozenset(
        (frozenset(members[sid]), s.killed, s.injured, s.level, len(s.outlets), s.copies, created[sid])
        for sid, s in final.items()
    )
    live = frozenset((frozenset(members[sid]), standing[sid]) for sid in final)
    return measure(rows), (frozenset(frozenset(m) for m in members.values()), states, live)


def run(
    path: str, shuffles: int = 0, seed: int = 7, group_wait_s: float = 0.0, max_delay_s: float = 0.0
) -> int:
    try:
        gold = load_gold(Path(path).read_text(encoding="utf-8").splitlines())
    except (OSError, ValueError) as exc:  # a CLI mistake: one line that says what to fix
        print(f"tocsin eval-stories: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    wait = timedelta(seconds=group_wait_s)
    metrics, (stories, states, _) = score(gold, group_wait=wait)
    print(f"group_wait {group_wait_s:g} s\n")
    print(metrics.render())
    missed, wrong = pairs(gold)
    print(f"\npairs of one event's reports where the second does not join the first's story: {missed}")
    print(f"pairs of two events' reports where it does: {wrong}")
    if shuffles:
        n = len(_reports(gold))
        rng = random.Random(seed)
        same_stories = same_states = same_live = 0
        for _ in range(shuffles):
            if max_delay_s > 0:
                delays = [timedelta(seconds=rng.uniform(0, max_delay_s)) for _ in range(n)]
                other_stories, other_states, other_live = score(gold, group_wait=wait, delays=delays)[1]
            else:
                order = list(range(n))
                rng.shuffle(order)
                other_stories, other_states, other_live = score(gold, order, wait)[1]
            same_stories += other_stories == stories
            same_states += other_states == states
            same_live += all(n == 1 for _, n in other_live)
        how = f"each report delayed 0-{max_delay_s:g} s" if max_delay_s > 0 else "any permutation"
        print(f"\nthe same stories in {same_stories} of {shuffles} random arrival orders ({how})")
        print(
            f"the same alerts (alert.created per story; final tolls, level, sources, copies) in "
            f"{same_states} of {shuffles}"
        )
        print(
            f"one standing alert per story (every other alert.created retracted by a `merged` "
            f"revision) in {same_live} of {shuffles}"
        )
    return 0


def pairs(gold: list[GoldArticle]) -> tuple[int, int]:
    """Pairs of reports (either first) where the second does not join a story of the first alone
    although both report one event, and where it does although they report two. With none of
    either, no report needs a bridge: every arrival order gives one story and one alert.created
    per event."""
    reports = _reports(gold)
    missed = wrong = 0
    for i, (ga, a, ea) in enumerate(reports):
        for gb, b, eb in reports[i + 1 :]:
            if ga.id == gb.id:
                continue
            later = max(a.published_at or _EPOCH, b.published_at or _EPOCH)

            def at_later(_: Article, t: datetime = later) -> datetime:
                return t

            one = ga.gold is not None and ga.gold == gb.gold
            for first, second in (((a, ea), (b, eb)), ((b, eb), (a, ea))):
                joined = assemble([first, second], now=at_later)[1].joined
                missed += one and not joined
                wrong += joined and not one
    return missed, wrong
