"""`tocsin eval-stories`: a bridge arriving last costs two alert.created, and a `merged` revision
retracts one of them, so the subscriber is left with one standing alert in every order."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from agents.core.story_metrics import GoldArticle
from streams.eval_stories import score
from tests.support import BRIDGED_PROTEST, outlet_reports

GOLD = [
    GoldArticle(
        id=a.article_id,
        gold="ibadan",
        title=a.title or "",
        text=a.text,
        url=a.url or "",
        source=a.source or "",
        published_at=a.published_at,
        type="protest_violence",
    )
    for a in outlet_reports(datetime(2026, 11, 2, 9, tzinfo=UTC), BRIDGED_PROTEST)
]


def test_a_late_bridge_leaves_one_standing_alert_in_every_order() -> None:
    created_counts = set()
    for order in itertools.permutations(range(3)):
        _, (stories, states, live) = score(GOLD, list(order))
        assert stories == frozenset({frozenset({"x", "y", "z"})}), order
        [(_, *_, created)] = states
        created_counts.add(created)
        assert [n for _, n in live] == [1], order  # every other alert.created was retracted
    assert created_counts == {1, 2}  # the bridge arriving last does cost a second alert.created
