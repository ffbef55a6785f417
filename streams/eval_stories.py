"""`tocsin eval-stories --gold FILE`: detection + story assembly offline, scored per gold event.

Articles are processed in publication order (`--shuffle N` also tries N random arrival orders and
reports whether the stories, and the alerts and final states, came out the same), each at its
publication time, exactly as the stories stage would see them. Stories are scored as they end
(after merges); `alert.created per gold event` counts what subscribers were sent on the way.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from agents.core.detector import detect
from agents.core.models import Article, Event
from agents.core.stories import StoryReason, StoryState
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


Outcome = tuple[frozenset[frozenset[str]], frozenset[tuple[object, ...]]]


def score(gold: list[GoldArticle], order: list[int] | None = None) -> tuple[StoryMetrics, Outcome]:
    """Metrics for one arrival order (default: by publication time), and what must not depend on
    the order: the final stories' articles, and per story its final tolls, level, sources and
    copies and how many alert.created went out for it."""
    reports = _reports(gold)
    idx = (
        order
        if order is not None
        else sorted(range(len(reports)), key=lambda i: reports[i][1].published_at or _EPOCH)
    )
    ordered = [reports[i] for i in idx if i < len(reports)]
    decisions = assemble([(a, e) for _, a, e in ordered], now=lambda a: a.published_at)  # type: ignore[arg-type, return-value]
    into: dict[str, str] = {}  # a merged story's id -> the story it was merged into
    final: dict[str, StoryState] = {}
    first: dict[str, str] = {}  # article -> the story of its first (main) event
    opened: set[str] = set()
    for (g, _, _), d in zip(ordered, decisions, strict=True):
        for gone in d.absorbed:
            into[gone] = d.state.story_id
            final.pop(gone, None)
        final[d.state.story_id] = d.state
        first.setdefault(g.id, d.state.story_id)
        if d.reason is StoryReason.FIRST_REPORT:
            opened.add(g.id)

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
    for a in opened:
        created[story_of[a]] += 1
    states = frozenset(
        (frozenset(members[sid]), s.killed, s.injured, s.level, len(s.outlets), s.copies, created[sid])
        for sid, s in final.items()
    )
    return measure(rows), (frozenset(frozenset(m) for m in members.values()), states)


def run(path: str, shuffles: int = 0, seed: int = 7) -> int:
    try:
        gold = load_gold(Path(path).read_text(encoding="utf-8").splitlines())
    except (OSError, ValueError) as exc:  # a CLI mistake: one line that says what to fix
        print(f"tocsin eval-stories: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    metrics, (stories, states) = score(gold)
    print(metrics.render())
    if shuffles:
        n = len(_reports(gold))
        rng = random.Random(seed)
        same_stories = same_states = 0
        for _ in range(shuffles):
            order = list(range(n))
            rng.shuffle(order)
            other_stories, other_states = score(gold, order)[1]
            same_stories += other_stories == stories
            same_states += other_states == states
        print(f"\nthe same stories in {same_stories} of {shuffles} random arrival orders")
        print(
            f"the same alerts (alert.created per story; final tolls, level, sources, copies) in "
            f"{same_states} of {shuffles}"
        )
    return 0
