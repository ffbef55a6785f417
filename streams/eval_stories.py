"""`tocsin eval-stories --gold FILE`: detection + story assembly offline, scored per gold event.

Articles are processed in publication order (`--shuffle N` also tries N random arrival orders and
reports whether the stories came out the same), each at its publication time, exactly as the
stories stage would see them.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from agents.core.detector import detect
from agents.core.models import Article, Event
from agents.core.stories import StoryReason
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


def score(
    gold: list[GoldArticle], order: list[int] | None = None
) -> tuple[StoryMetrics, dict[str, set[str]]]:
    """Metrics for one arrival order (default: by publication time), and each story's articles."""
    reports = _reports(gold)
    idx = (
        order
        if order is not None
        else sorted(range(len(reports)), key=lambda i: reports[i][1].published_at or _EPOCH)
    )
    ordered = [reports[i] for i in idx if i < len(reports)]
    decisions = assemble([(a, e) for _, a, e in ordered], now=lambda a: a.published_at)  # type: ignore[arg-type, return-value]
    story_of: dict[str, str] = {}
    copy: dict[str, bool] = defaultdict(bool)
    members: dict[str, set[str]] = defaultdict(set)
    for (g, _, _), d in zip(ordered, decisions, strict=True):
        # An article with two events keeps the first story it was placed in (its main event).
        story_of.setdefault(g.id, d.state.story_id)
        copy[g.id] |= d.reason is StoryReason.COPY
        members[d.state.story_id].add(g.id)
    rows = [
        row_for(g, story_id=story_of.get(g.id), alerted=g.id in story_of, marked_copy=copy[g.id])
        for g in gold
    ]
    return measure(rows), members


def run(path: str, shuffles: int = 0, seed: int = 7) -> int:
    try:
        gold = load_gold(Path(path).read_text(encoding="utf-8").splitlines())
    except (OSError, ValueError) as exc:  # a CLI mistake: one line that says what to fix
        print(f"tocsin eval-stories: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    metrics, members = score(gold)
    print(metrics.render())
    if shuffles:
        n = len(_reports(gold))
        rng = random.Random(seed)
        base = {frozenset(m) for m in members.values()}
        same = 0
        for _ in range(shuffles):
            order = list(range(n))
            rng.shuffle(order)
            same += {frozenset(m) for m in score(gold, order)[1].values()} == base
        print(f"\nthe same stories in {same} of {shuffles} random arrival orders")
    return 0
